-- +goose Up
-- API tokens stop with the member who made them (domain/tokens.go): suspended_at is set
-- while the creator is disabled (cleared if they are enabled again), and deleting the
-- creator revokes their tokens with revoked_reason 'creator_deleted' (created_by then
-- becomes NULL, so the reason is kept on the token).
ALTER TABLE api_tokens
    ADD COLUMN suspended_at timestamptz,
    ADD COLUMN revoked_reason text NOT NULL DEFAULT '' CHECK (revoked_reason IN ('', 'creator_deleted'));

-- Tokens of members disabled before this migration stop now.
UPDATE api_tokens t SET suspended_at = m.disabled_at
FROM members m WHERE m.id = t.created_by AND m.disabled_at IS NOT NULL;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
