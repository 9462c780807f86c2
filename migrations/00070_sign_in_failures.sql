-- +goose Up
-- Failed sign-ins of the last 15 minutes, shared by every replica (domain/sign_in_limits.go).
-- account and address are SHA-256 hashes of the normalised email and of the client's
-- address (IPv6 by /64), so a row has the same small size whatever a client sends; rows
-- older than the window are deleted as new failures arrive.
CREATE TABLE sign_in_failures (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account    bytea NOT NULL,
    address    bytea NOT NULL,
    failed_at  timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_account_idx ON sign_in_failures (account, failed_at);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, failed_at);
CREATE INDEX sign_in_failures_failed_at_idx ON sign_in_failures (failed_at);

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
