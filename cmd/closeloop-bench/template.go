package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"strings"
	"time"

	"github.com/closeloop/closeloop/notify/smtptest"
)

// shippedEmail is a real shipped email as the server sent it, taken apart so the raw
// ceiling can send messages of the same headers, parts and size.
type shippedEmail struct {
	Subject, Text, HTML string
	Headers             map[string]string // List-Id, List-Unsubscribe, List-Unsubscribe-Post, Auto-Submitted
	Size                int               // bytes as received
}

// captureShippedEmail ships a one-requester card through a throwaway server whose
// sink keeps messages, and returns that email.
func (h *harness) captureShippedEmail(ctx context.Context) (shippedEmail, error) {
	s, err := h.newShipEnv(ctx, "capture", "capture", 1, smtptest.Options{KeepMessages: true})
	if err != nil {
		return shippedEmail{}, err
	}
	defer s.close()
	card, err := s.card(ctx, "Dark mode", 1)
	if err != nil {
		return shippedEmail{}, err
	}
	if _, err := s.ship(ctx, card); err != nil {
		return shippedEmail{}, err
	}
	if !s.sink.WaitTotal(1, time.Minute) {
		return shippedEmail{}, fmt.Errorf("the sink received no shipped email within a minute (log: %s)", s.srv.LogPath)
	}
	return parseShippedEmail(s.sink.Messages()[0].Data)
}

func parseShippedEmail(data []byte) (shippedEmail, error) {
	e := shippedEmail{Size: len(data), Headers: map[string]string{}}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return e, err
	}
	dec := new(mime.WordDecoder)
	if e.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return e, err
	}
	for _, k := range []string{"List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Auto-Submitted"} {
		e.Headers[k] = msg.Header.Get(k)
	}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return e, err
	}
	parts := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := parts.NextPart() // decodes quoted-printable parts
		if err == io.EOF {
			break
		}
		if err != nil {
			return e, err
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return e, err
		}
		switch ct := p.Header.Get("Content-Type"); {
		case strings.HasPrefix(ct, "text/plain"):
			e.Text = string(b)
		case strings.HasPrefix(ct, "text/html"):
			e.HTML = string(b)
		}
	}
	if e.Text == "" || e.HTML == "" {
		return e, fmt.Errorf("the shipped email has no text or no HTML part")
	}
	return e, nil
}
