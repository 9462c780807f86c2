-- +goose Up
-- A board's own subject and body per kind of email, placeholders ({{card_title}}, …)
-- unfilled; no row = the default (domain/email_templates_default.go).
CREATE TABLE email_templates (
    board_id   uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    kind       text NOT NULL CHECK (kind IN ('shipped', 'planned', 'in_progress', 'declined')),
    subject    text NOT NULL,
    body       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (board_id, kind)
);

-- The old per-board overrides become the board's shipped template: the subject as it
-- was (the default's when empty), the intro in place of the default's first sentence.
-- {{board_name}} is no placeholder any more: the board's name is written in; the
-- single-brace {title}/{name} some boards wrote (sent literally until now) become
-- placeholders. An intro that never named the card keeps the sentence that does.
INSERT INTO email_templates (board_id, kind, subject, body)
SELECT id, 'shipped', subj, 'Hi {{first_name}},' || E'\n\n' ||
       CASE WHEN intro = '' THEN 'You asked us for "{{card_title}}", and it has shipped.'
            WHEN intro LIKE '%{{card_title}}%' OR subj LIKE '%{{card_title}}%' THEN intro
            ELSE intro || E'\n\n' || 'You asked us for "{{card_title}}", and it has shipped.' END
       || E'\n\nYou told us: "{{quote}}"\n\n{{release_note}}\n\nSee what shipped: {{card_url}}\n\n'
       || 'Thank you for taking the time to tell us what you needed. Requests like yours decide what we build next.'
FROM (
    SELECT id,
           CASE WHEN s = '' THEN 'Shipped: {{card_title}}' ELSE s END AS subj,
           i AS intro
    FROM (
        SELECT id,
               regexp_replace(regexp_replace(replace(email_subject, '{{board_name}}', name), '(?<!\{)\{(title|card_title)\}(?!\})', '{{card_title}}', 'g'), '(?<!\{)\{name\}(?!\})', '{{name}}', 'g') AS s,
               regexp_replace(regexp_replace(replace(email_intro, '{{board_name}}', name), '(?<!\{)\{(title|card_title)\}(?!\})', '{{card_title}}', 'g'), '(?<!\{)\{name\}(?!\})', '{{name}}', 'g') AS i
        FROM boards
        WHERE email_subject <> '' OR email_intro <> ''
    ) raw
) b;

-- +goose Down
DROP TABLE email_templates;
