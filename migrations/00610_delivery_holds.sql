-- +goose Up
-- Coalescing (workspace_settings.coalesce_seconds = S > 0, issue 12): a requester's
-- shipped emails are held up to S seconds, and those due together go out as one email
-- listing every card. A held delivery is queued with due_at = its ship + S and no send
-- batch (batch_id NULL: batches are one card's, a hold spans cards); its requester has
-- one hold, due when the first held delivery is, that a sender leases like a batch
-- (due_at = the end of its lease; leases counts them) and that takes every held
-- delivery of that person when it comes due. The fan-out upserts the hold in the
-- transaction that inserts the delivery, and a sender ends a hold only after locking
-- it, so a delivery committed meanwhile keeps its hold (notify/hold_sql.go).
CREATE TABLE delivery_holds (
    requester_id uuid PRIMARY KEY,
    due_at       timestamptz NOT NULL,
    leases       integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_holds_due_idx ON delivery_holds (due_at);

-- +goose Down
DROP TABLE delivery_holds;
