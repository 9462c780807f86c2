-- +goose Up
-- The workspace's one row of settings: who the emails speak as (the team, never
-- Closeloop) and how the public pages look. Every replica reads this row, so they
-- agree; an empty text means "not set".
CREATE TABLE workspace_settings (
    id               boolean PRIMARY KEY DEFAULT true CHECK (id),
    product_name     text NOT NULL DEFAULT '',
    sender_name      text NOT NULL DEFAULT '',
    reply_to         text NOT NULL DEFAULT '',
    signature        text NOT NULL DEFAULT '',
    accent_color     text NOT NULL DEFAULT '' CHECK (accent_color = '' OR accent_color ~ '^#[0-9a-f]{6}$'),
    coalesce_seconds integer NOT NULL DEFAULT 0 CHECK (coalesce_seconds BETWEEN 0 AND 86400),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO workspace_settings (id) VALUES (true);

-- +goose Down
DROP TABLE workspace_settings;
