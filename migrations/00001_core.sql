-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE members (
    id            uuid PRIMARY KEY,
    email         text NOT NULL,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'editor', 'support', 'viewer')),
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz
);
CREATE UNIQUE INDEX members_email_key ON members (lower(email));

CREATE TABLE sessions (
    id          uuid PRIMARY KEY,
    token_hash  bytea NOT NULL UNIQUE,
    csrf_token  text NOT NULL,
    member_id   uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_member_idx ON sessions (member_id);

CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY,
    name         text NOT NULL,
    role         text NOT NULL CHECK (role IN ('admin', 'editor', 'support', 'viewer')),
    token_hash   bytea NOT NULL UNIQUE,
    prefix       text NOT NULL,
    created_by   uuid REFERENCES members (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE boards (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    description   text NOT NULL DEFAULT '',
    email_subject text NOT NULL DEFAULT '',
    email_intro   text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX boards_name_idx ON boards (lower(name), id);

CREATE TABLE columns (
    id         uuid PRIMARY KEY,
    board_id   uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    name       text NOT NULL,
    stage      text NOT NULL CHECK (stage IN ('open', 'planned', 'in_progress', 'done', 'declined')),
    position   integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX columns_board_idx ON columns (board_id, position);

-- position is a fractional-index key (base-62 digits, compared bytewise), so a move
-- writes one row and never renumbers a column.
CREATE TABLE cards (
    id              uuid PRIMARY KEY,
    board_id        uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    column_id       uuid NOT NULL REFERENCES columns (id),
    kind            text NOT NULL CHECK (kind IN ('idea', 'issue', 'request')),
    title           text NOT NULL,
    description     text NOT NULL DEFAULT '',
    labels          text[] NOT NULL DEFAULT '{}',
    position        text COLLATE "C" NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    requester_count integer NOT NULL DEFAULT 0 CHECK (requester_count >= 0),
    release_note    text NOT NULL DEFAULT '',
    shipped_at      timestamptz,
    archived_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    search          tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'B')
    ) STORED
);
CREATE INDEX cards_column_position_idx ON cards (column_id, position, id) WHERE archived_at IS NULL;
CREATE INDEX cards_board_demand_idx ON cards (board_id, requester_count DESC, created_at DESC, id) WHERE archived_at IS NULL;
CREATE INDEX cards_board_recent_idx ON cards (board_id, updated_at DESC, id) WHERE archived_at IS NULL;
CREATE INDEX cards_labels_idx ON cards USING gin (labels);
CREATE INDEX cards_search_idx ON cards USING gin (search);
CREATE INDEX cards_title_trgm_idx ON cards USING gin (title gin_trgm_ops);

CREATE TABLE requesters (
    id              uuid PRIMARY KEY,
    email           text NOT NULL,
    name            text NOT NULL DEFAULT '',
    company         text NOT NULL DEFAULT '',
    external_ids    jsonb NOT NULL DEFAULT '{}',
    unsubscribed_at timestamptz,
    bounced_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX requesters_email_key ON requesters (lower(email));
CREATE INDEX requesters_name_trgm_idx ON requesters USING gin ((lower(name || ' ' || email || ' ' || company)) gin_trgm_ops);

-- One row per card × requester; every quote ever given is kept in quotes.
CREATE TABLE requests (
    card_id      uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    requester_id uuid NOT NULL REFERENCES requesters (id) ON DELETE CASCADE,
    quote        text NOT NULL DEFAULT '',
    source       text NOT NULL DEFAULT '',
    quotes       jsonb NOT NULL DEFAULT '[]',
    linked_by    text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (card_id, requester_id)
);
CREATE INDEX requests_requester_idx ON requests (requester_id, card_id);

CREATE TABLE conversations (
    id           uuid PRIMARY KEY,
    card_id      uuid NOT NULL REFERENCES cards (id) ON DELETE CASCADE,
    requester_id uuid REFERENCES requesters (id) ON DELETE CASCADE,
    url          text NOT NULL,
    tool         text NOT NULL,
    external_id  text NOT NULL DEFAULT '',
    excerpt      text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX conversations_card_url_key ON conversations (card_id, url);
CREATE INDEX conversations_requester_idx ON conversations (requester_id);

CREATE TABLE activities (
    id             uuid PRIMARY KEY,
    card_id        uuid REFERENCES cards (id) ON DELETE CASCADE,
    board_id       uuid REFERENCES boards (id) ON DELETE CASCADE,
    actor          text NOT NULL,
    action         text NOT NULL,
    from_column_id uuid,
    to_column_id   uuid,
    detail         jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activities_card_idx ON activities (card_id, created_at DESC, id);
CREATE INDEX activities_board_idx ON activities (board_id, created_at DESC, id);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
