-- +goose Up
-- The fan-out inserts a delivery per requester, a thousand per statement. The two
-- foreign keys of deliveries checked each row on its own and locked every
-- requester's row (FOR KEY SHARE writes the row), which more than doubled the
-- statement's cost. The same guarantees now come from a lock protocol and a trigger:
--   - each fan-out transaction first takes its card FOR SHARE; erasing a requester
--     locks the cards they asked for FOR NO KEY UPDATE, which waits for it, then
--     detaches their deliveries itself (domain/erase.go), so no delivery keeps an
--     erased person's id or address;
--   - deleting a card (with its board) deletes its deliveries, as the cascade did.
ALTER TABLE deliveries
    DROP CONSTRAINT deliveries_card_id_fkey,
    DROP CONSTRAINT deliveries_requester_id_fkey;

-- +goose StatementBegin
CREATE FUNCTION deliveries_delete_with_card() RETURNS trigger AS $$
BEGIN
    DELETE FROM deliveries WHERE card_id = OLD.id;
    RETURN OLD;
END
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER cards_delete_deliveries
    AFTER DELETE ON cards
    FOR EACH ROW EXECUTE FUNCTION deliveries_delete_with_card();

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
