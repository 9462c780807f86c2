-- +goose Up
-- The search vocabulary's triggers on requests, cheaper (issue 11: with the board
-- version they were most of PostgreSQL's CPU per linked inbound event). What they keep is
-- unchanged (00530, 00640): cards.quote_search holds every word of its requests' quotes,
-- search_words every word of 3 to 64 characters of any card, quote, name or company.
-- What changes is what a request that brings nothing new costs:
--   * A request's words are compared with its card's quote_search first. A word already
--     there is already in search_words: a committed quote_search only ever held words
--     whose transaction also put them in the vocabulary, and nothing removes a word from
--     the vocabulary. So only the card's new words are offered to the vocabulary, and the
--     card is only updated when there are some: a quote in words the card's customers
--     have used before costs one statement that reads the card, not two that write.
--   * INSERT … ON CONFLICT DO UPDATE also fires the UPDATE statement trigger, with empty
--     transition tables (every inbound link and support form link), and 00530's function
--     then still ran both statements and the remake: 0.8 ms of the request insert's 2.5 ms
--     in EXPLAIN ANALYZE. That call now returns after one look at new_rows.
-- Deletions keep requests_quote_words (00530).

-- +goose StatementBegin
CREATE FUNCTION requests_quote_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM FROM new_rows LIMIT 1;
        IF NOT FOUND THEN
            RETURN NULL; -- an upsert that inserted
        END IF;
    END IF;
    -- The UPDATE re-reads a card another transaction changed meanwhile (its WHERE is
    -- checked again on the latest row); the vocabulary may be offered a word or two
    -- too many then, never too few.
    WITH v AS (
        SELECT card_id, strip(tsvector_agg(strip(request_quote_search(quote, quotes)))) AS v FROM new_rows GROUP BY card_id
    ), fresh AS (
        SELECT c.id, v.v, ARRAY(SELECT unnest(tsvector_to_array(v.v)) EXCEPT SELECT unnest(tsvector_to_array(c.quote_search))) AS words
        FROM v JOIN cards c ON c.id = v.card_id
    ), changed AS (
        UPDATE cards c SET quote_search = strip(c.quote_search || f.v)
        FROM fresh f WHERE c.id = f.id AND cardinality(f.words) > 0 AND strip(c.quote_search || f.v) <> c.quote_search
    )
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM fresh f, unnest(f.words) AS w
    WHERE length(w) BETWEEN 3 AND 64 AND w ~ '^[[:alpha:]]' ORDER BY w
    ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' THEN
        -- A request moved to another card (a merge): its old card keeps only what is left.
        PERFORM requests_quote_words_remake(ARRAY(SELECT card_id FROM old_rows EXCEPT SELECT card_id FROM new_rows));
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd

DROP TRIGGER requests_quote_words_ins ON requests;
DROP TRIGGER requests_quote_words_upd ON requests;
CREATE TRIGGER requests_quote_words_ins AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION requests_quote_words_added();
CREATE TRIGGER requests_quote_words_upd AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION requests_quote_words_added();

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
