-- +goose Up
-- Label colours per board (issue 13). A card's labels stay its text[]; a label used on a
-- board without a row here is grey.
CREATE TABLE board_labels (
    board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    name     text NOT NULL,
    color    text NOT NULL,
    PRIMARY KEY (board_id, name)
);

-- +goose Down
DROP TABLE board_labels;
