-- +goose Up
-- Every card has a number, unique per installation, given at creation in order by
-- card_number_seq; existing cards are numbered by creation time. A card's reference
-- is "closeloop-<number>".
CREATE SEQUENCE card_number_seq AS bigint;
ALTER TABLE cards ADD COLUMN number bigint;
UPDATE cards c SET number = n.number
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS number FROM cards) n
WHERE n.id = c.id;
SELECT setval('card_number_seq', COALESCE((SELECT max(number) FROM cards), 0) + 1, false);
ALTER TABLE cards ALTER COLUMN number SET DEFAULT nextval('card_number_seq'),
    ALTER COLUMN number SET NOT NULL;
ALTER SEQUENCE card_number_seq OWNED BY cards.number;
CREATE UNIQUE INDEX cards_number_key ON cards (number);

-- +goose Down
ALTER TABLE cards DROP COLUMN number;
