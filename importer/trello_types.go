package importer

import (
	"encoding/json"
	"strconv"
)

// The parts of a Trello "Export as JSON" that an import reads; everything else in
// the file (prefs, limits, members' avatars, covers, plugin data, …) is skipped.
type trelloBoard struct {
	ID         string
	Name       string
	Desc       string
	Lists      []trelloList
	Cards      []trelloCard
	Labels     []trelloLabel
	Checklists []trelloChecklist
	Comments   []trelloAction // commentCard actions only
	Actions    int            // every action in the file
	seen       map[string]bool
}

type trelloList struct {
	ID     string    `json:"id"`
	Name   string    `json:"name"`
	Closed bool      `json:"closed"`
	Pos    trelloPos `json:"pos"`
}

type trelloCard struct {
	ID               string        `json:"id"`
	Name             string        `json:"name"`
	Desc             string        `json:"desc"`
	Closed           bool          `json:"closed"`
	IDList           string        `json:"idList"`
	Pos              trelloPos     `json:"pos"`
	IDLabels         []string      `json:"idLabels"`
	Labels           []trelloLabel `json:"labels"`
	IDChecklists     []string      `json:"idChecklists"`
	DateLastActivity string        `json:"dateLastActivity"`
	Badges           struct {
		Comments int `json:"comments"`
	} `json:"badges"`
	Attachments []trelloAttachment `json:"attachments"`
}

type trelloLabel struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Color *string `json:"color"` // null: a label without colour
}

type trelloChecklist struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	IDCard     string            `json:"idCard"`
	Pos        trelloPos         `json:"pos"`
	CheckItems []trelloCheckItem `json:"checkItems"`
}

type trelloCheckItem struct {
	Name  string    `json:"name"`
	State string    `json:"state"` // complete or incomplete
	Pos   trelloPos `json:"pos"`
}

type trelloAttachment struct {
	Name     string `json:"name"`
	URL      string `json:"url"`
	IsUpload bool   `json:"isUpload"`
}

type trelloAction struct {
	Type string `json:"type"`
	Date string `json:"date"`
	Data struct {
		Text string `json:"text"`
		Card struct {
			ID string `json:"id"`
		} `json:"card"`
	} `json:"data"`
	MemberCreator struct {
		FullName string `json:"fullName"`
		Username string `json:"username"`
	} `json:"memberCreator"`
}

// trelloPos is a position: a number in exports, but the API also knows "top" and
// "bottom", and some tools write numbers as strings.
type trelloPos float64

func (p *trelloPos) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err == nil {
		*p = trelloPos(f)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch s {
	case "top":
		*p = 0
	case "bottom", "":
		*p = 1e300
	default:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return err
		}
		*p = trelloPos(f)
	}
	return nil
}
