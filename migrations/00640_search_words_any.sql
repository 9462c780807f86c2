-- +goose Up
-- The vocabulary spells out what a typed word begins (domain/search_vocabulary.go): the
-- search asks it for the words a prefix completes to and matches those exactly, instead
-- of a prefix lexeme whose GIN partial match gathers every row of every matching word.
-- For that it must hold every word a prefix could reach, not only the all-letter ones
-- 00530 kept for typo correction: "oaut" must still find "oauth2", "mari" a quote's
-- "maria@acme.test". Now: every lexeme of 3 to 64 characters that starts with a letter (numbers stay out: a typed number keeps its
-- prefix lexeme, and a lexeme longer than 64 is matched by its parts).
CREATE OR REPLACE FUNCTION search_words_of(v tsvector) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT w FROM unnest(tsvector_to_array(v)) AS w WHERE length(w) BETWEEN 3 AND 64 AND w ~ '^[[:alpha:]]' $$;

INSERT INTO search_words (word)
SELECT DISTINCT w FROM (
    SELECT word AS w FROM ts_stat('SELECT search FROM cards')
    UNION ALL SELECT word FROM ts_stat('SELECT quote_search FROM cards')
    UNION ALL SELECT word FROM ts_stat('SELECT requester_search(name, company) FROM (SELECT DISTINCT name, company FROM requesters) p')
) s
WHERE length(w) BETWEEN 3 AND 64 AND w ~ '^[[:alpha:]]' AND w !~ '^[[:alpha:]]+$'
ON CONFLICT DO NOTHING;
ANALYZE search_words;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
