-- +goose Up
-- Search across boards (issue 13). GET /search matches cards (title and description: the
-- `search` column of 00001), the requesters' quotes and the requesters themselves with
-- full text ('simple' configuration, as the board search), and corrects typos through
-- search_words, the installation's vocabulary: a typed word that is not in it is replaced
-- by its nearest words by trigram similarity (pg_trgm) — a few thousand rows to compare
-- instead of every text. domain/search_sql.go uses exactly these expressions.

-- The text of every quote of a request: the latest (quote) and each kept one (quotes[].text).
CREATE FUNCTION request_quote_text(quote text, quotes jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN quote || ' ' || coalesce(array_to_string(ARRAY(SELECT jsonb_array_elements(quotes) ->> 'text'), ' '), '');
CREATE FUNCTION request_quote_search(quote text, quotes jsonb) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('simple', request_quote_text(quote, quotes));
-- Finds which of a card's requests holds the matched words (the snippet of a result).
CREATE INDEX requests_quote_search_idx ON requests USING gin (request_quote_search(quote, quotes));

CREATE AGGREGATE tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- cards.quote_search: the words of every quote of the card's requests, without positions,
-- kept by the triggers below. A word as common as "team" is in most of 2M quotes but in
-- only as many entries here as there are cards, so a search walks cards, not requests.
ALTER TABLE cards ADD COLUMN quote_search tsvector NOT NULL DEFAULT '';
UPDATE cards c SET quote_search = q.v
FROM (SELECT card_id, strip(tsvector_agg(strip(request_quote_search(quote, quotes)))) AS v FROM requests GROUP BY card_id) q
WHERE q.card_id = c.id;
CREATE INDEX cards_quote_search_idx ON cards USING gin (quote_search);

-- People by the words of their name and company (addresses by prefix).
CREATE FUNCTION requester_search(name text, company text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('simple', name || ' ' || company);
CREATE INDEX requesters_search_idx ON requesters USING gin (requester_search(name, company));
CREATE INDEX requesters_email_prefix_idx ON requesters (lower(email) text_pattern_ops);

-- The vocabulary: every word of 3 to 32 letters of a card, quote, name or company.
CREATE TABLE search_words (word text COLLATE "C" PRIMARY KEY); -- "C": a prefix (LIKE 'abc%') walks the key
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

CREATE FUNCTION search_words_of(v tsvector) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT w FROM unnest(tsvector_to_array(v)) AS w WHERE length(w) BETWEEN 3 AND 32 AND w ~ '^[[:alpha:]]+$' $$;

-- Statement-level triggers: a bulk write adds its words in one statement, in word order,
-- so concurrent writers of the same new words wait on each other in one order, never in
-- a cycle.
-- +goose StatementBegin
CREATE FUNCTION search_words_from_cards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM (SELECT DISTINCT search FROM new_rows) n, search_words_of(n.search) AS w ORDER BY w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION search_words_from_requesters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM (SELECT DISTINCT name, company FROM new_rows) n,
        search_words_of(requester_search(n.name, n.company)) AS w ORDER BY w
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
-- +goose StatementEnd
-- A new or changed request adds its words to its card's quote_search (when it brings new
-- ones) and to the vocabulary. A request deleted (unlinked, erased) or moved to another
-- card (a merge) has its old card's quote_search made again from the requests it keeps.
-- +goose StatementBegin
CREATE FUNCTION requests_quote_words_remake(cards uuid[]) RETURNS void LANGUAGE sql AS $$
    UPDATE cards c SET quote_search = coalesce(
        (SELECT strip(tsvector_agg(strip(request_quote_search(r.quote, r.quotes)))) FROM requests r WHERE r.card_id = c.id), '')
    WHERE c.id = ANY (cards)
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION requests_quote_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        WITH v AS (
            SELECT card_id, strip(tsvector_agg(strip(request_quote_search(quote, quotes)))) AS v FROM new_rows GROUP BY card_id
        )
        UPDATE cards c SET quote_search = strip(c.quote_search || v.v)
        FROM v WHERE c.id = v.card_id AND strip(c.quote_search || v.v) <> c.quote_search;
        INSERT INTO search_words (word)
        SELECT DISTINCT w FROM (SELECT DISTINCT quote, quotes FROM new_rows) n,
            search_words_of(request_quote_search(n.quote, n.quotes)) AS w ORDER BY w
        ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'DELETE' THEN
        PERFORM requests_quote_words_remake(ARRAY(SELECT DISTINCT card_id FROM old_rows));
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM requests_quote_words_remake(ARRAY(SELECT card_id FROM old_rows EXCEPT SELECT card_id FROM new_rows));
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE TRIGGER cards_search_words_ins AFTER INSERT ON cards REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_cards();
CREATE TRIGGER cards_search_words_upd AFTER UPDATE ON cards REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_cards();
CREATE TRIGGER requesters_search_words_ins AFTER INSERT ON requesters REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_requesters();
CREATE TRIGGER requesters_search_words_upd AFTER UPDATE ON requesters REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_words_from_requesters();
CREATE TRIGGER requests_quote_words_ins AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION requests_quote_words();
CREATE TRIGGER requests_quote_words_upd AFTER UPDATE ON requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION requests_quote_words();
CREATE TRIGGER requests_quote_words_del AFTER DELETE ON requests REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION requests_quote_words();

INSERT INTO search_words (word)
SELECT DISTINCT w FROM (
    SELECT word AS w FROM ts_stat('SELECT search FROM cards')
    UNION ALL SELECT word FROM ts_stat('SELECT quote_search FROM cards')
    UNION ALL SELECT word FROM ts_stat('SELECT requester_search(name, company) FROM (SELECT DISTINCT name, company FROM requesters) p')
) s
WHERE length(w) BETWEEN 3 AND 32 AND w ~ '^[[:alpha:]]+$'
ON CONFLICT DO NOTHING;

-- +goose Down
-- Forward-only: migrations are never rolled back.
SELECT 1;
