package api

import (
	"errors"
	"net/http"
	"testing"
	"unicode/utf8"
)

type sampleRequest struct {
	Title  string   `json:"title"`
	Labels []string `json:"labels"`
	Count  *int     `json:"count"`
	Meta   *struct {
		Who []struct {
			N string `json:"n"`
		} `json:"who"`
	} `json:"meta"`
}

func TestDecodeBytes(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantCode  string
		wantField string
	}{
		{"ok", `{"title":"x","labels":["a"],"count":1}`, "", ""},
		{"empty", ``, "malformed_body", ""},
		{"not json", `{"title":`, "malformed_body", ""},
		{"array instead of object", `[1,2]`, "malformed_body", ""},
		{"wrong type", `{"title":42}`, "wrong_type", "title"},
		{"wrong type in list", `{"labels":"a"}`, "wrong_type", "labels"},
		{"unknown field", `{"title":"x","admin":true}`, "unknown_field", "admin"},
		{"trailing data", `{"title":"x"} {"title":"y"}`, "malformed_body", ""},
		{"trailing garbage", `{"title":"x"}garbage`, "malformed_body", ""},
		{"invalid UTF-8", "{\"title\":\"caf\xe9\"}", "invalid_utf8", "title"},
		{"invalid UTF-8 in a list", "{\"title\":\"x\",\"labels\":[\"ok\",\"\xc3\"]}", "invalid_utf8", "labels[1]"},
		{"invalid UTF-8 in a key", "{\"ti\xfftle\":\"x\"}", "invalid_utf8", "ti\ufffdtle"},
		{"unpaired high surrogate", `{"title":"\ud83d"}`, "invalid_utf8", "title"},
		{"unpaired low surrogate", `{"title":"a\ude00b"}`, "invalid_utf8", "title"},
		{"reversed surrogates", `{"title":"\ude00\ud83d"}`, "invalid_utf8", "title"},
		{"surrogate pair is fine", `{"title":"\ud83d\ude00"}`, "", ""},
		{"escaped backslash then u is fine", `{"title":"\\ud800"}`, "", ""},
		{"nested object", "{\"title\":\"x\",\"meta\":{\"who\":[{\"n\":\"\xff\"}]}}", "invalid_utf8", "meta.who[0].n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dst sampleRequest
			err := decodeBytes([]byte(tt.body), &dst)
			if tt.wantCode == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			var re *requestError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want a requestError", err)
			}
			if re.status != http.StatusBadRequest || re.detail.Code != tt.wantCode {
				t.Fatalf("got %d %s, want 400 %s", re.status, re.detail.Code, tt.wantCode)
			}
			if tt.wantField != "" && re.detail.Fields[tt.wantField] == "" {
				t.Fatalf("no message for field %q: %+v", tt.wantField, re.detail)
			}
		})
	}
}

// FuzzDecodeBytes: any body either decodes or yields a 4xx requestError; never a panic or a 5xx.
func FuzzDecodeBytes(f *testing.F) {
	for _, s := range []string{`{"title":"x"}`, `{"labels":["a",1]}`, `{"count":1e999}`, `{"title":"\u0000"}`, `{"title":"\ud800"}`, "{\"labels\":[\"\xff\"]}", `[]`, `null`, `{"a":`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var dst sampleRequest
		err := decodeBytes(body, &dst)
		if err == nil {
			if !utf8.Valid(body) || hasLoneSurrogate(body) {
				t.Fatalf("body %q holds text that is not UTF-8, yet it was accepted", body)
			}
			return
		}
		var re *requestError
		if !errors.As(err, &re) || re.status < 400 || re.status > 499 {
			t.Fatalf("body %q: got %v, want a 4xx requestError", body, err)
		}
	})
}
