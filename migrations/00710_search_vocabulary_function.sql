-- +goose Up
-- The search's vocabulary lookup (domain/search_vocabulary.go) as a function that carries
-- its own trigram threshold. pg_trgm's % reads pg_trgm.similarity_threshold, which the
-- search used to set in a transaction of its own (BEGIN, a set_config, COMMIT: three
-- round trips of each search for one setting); a function's SET holds only while it
-- runs. Per typed word: its completions, the key range of the words it begins (COLLATE
-- "C"), and, for a word of 3 to 32 letters with none, its three nearest words.
--
-- Both statements are planned with the word as a constant (force_custom_plan: planned
-- for any word, the trigram lookup may read the whole vocabulary instead of its index),
-- and the corrections' only when there are no completions: the planner's trigram
-- estimates cost 0.2-0.4 ms per word, most of a lookup, and most typed words are the
-- start of a word.
-- +goose StatementBegin
CREATE FUNCTION search_vocabulary(words text[], completions int)
    RETURNS TABLE (tok text, kind text, word text, sim real)
    LANGUAGE plpgsql STABLE
    SET pg_trgm.similarity_threshold = 0.25
    SET plan_cache_mode = force_custom_plan
AS $fn$
#variable_conflict use_column
DECLARE
    typed text;
BEGIN
    FOREACH typed IN ARRAY coalesce(words, '{}') LOOP
        RETURN QUERY SELECT typed, 'completion', v.word, 0::real FROM search_words v
            WHERE v.word >= typed AND v.word < typed || chr(1114111)
            ORDER BY v.word LIMIT completions;
        IF NOT FOUND AND typed ~ '^[[:alpha:]]{3,32}$' THEN
            RETURN QUERY SELECT typed, 'fix', v.word, similarity(v.word, typed) FROM search_words v
                WHERE v.word % typed
                ORDER BY 4 DESC, 3 LIMIT 3;
        END IF;
    END LOOP;
END
$fn$;
-- +goose StatementEnd

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
