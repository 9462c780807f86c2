-- +goose NO TRANSACTION
-- +goose Up
-- 00530 rewrote every card (quote_search) and built new indexes: until autovacuum comes,
-- the dead half of the table and the missing statistics make the search's plans walk the
-- whole table (a search at 100k cards took 55 ms instead of 5). VACUUM cannot run in a
-- transaction, hence a migration of its own.
VACUUM (ANALYZE) cards;
ANALYZE search_words;
ANALYZE requesters;
ANALYZE requests;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
