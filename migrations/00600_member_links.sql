-- +goose Up
-- Members (issue 13): an invited member has no password until they set one through the
-- link in their invitation; invited_at is when the latest invitation was made (the
-- link works for 7 days from then) and is cleared once a password is set.
ALTER TABLE members ADD COLUMN invited_at timestamptz;

-- Single-use links emailed to a member: an invitation (set your password) or a
-- password reset. The notifier writes token_hash as it writes the email, so the token
-- itself is never stored anywhere but in that email.
CREATE TABLE member_links (
    id          uuid PRIMARY KEY,
    member_id   uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    purpose     text NOT NULL CHECK (purpose IN ('invite', 'reset')),
    invited_by  text NOT NULL DEFAULT '',
    token_hash  bytea UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    used_at     timestamptz
);
CREATE INDEX member_links_member_idx ON member_links (member_id);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
