package api

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/closeloop/closeloop/domain"
)

// eventHub fans live events out to this process's Server-Sent Events streams. It reads
// each event's object once (not once per browser) and formats one frame for everyone.
// A stream has a bounded buffer; one that falls behind is dropped (the browser
// reconnects with Last-Event-ID and catches up from the ring, or is told to resync),
// never allowed to grow the process's memory.
type eventHub struct {
	svc *domain.Service
	log interface {
		Warn(msg string, args ...any)
	}
	mu   sync.Mutex
	subs map[*eventSub]struct{}
	ring []eventFrame // the last eventRing frames, in the order heard
	in   chan domain.LiveEvent
}

// eventFrame is one event of the ring: its frame, or, when no stream was open as it
// was heard, the event itself (ev), read and formatted only if a browser catches up
// on it.
type eventFrame struct {
	id    int64
	frame []byte
	ev    *domain.LiveEvent
}

type eventSub struct {
	ch      chan []byte
	dropped bool // set under the hub's lock when ch was closed for falling behind
}

const (
	eventRing   = 2048 // frames kept for catching up after a reconnect
	eventBuffer = 256  // frames a stream may have waiting before it is dropped
	eventQueue  = 4096 // events heard but not yet read and fanned out
)

func newEventHub(svc *domain.Service, log interface{ Warn(string, ...any) }) *eventHub {
	h := &eventHub{svc: svc, log: log, subs: map[*eventSub]struct{}{}, in: make(chan domain.LiveEvent, eventQueue)}
	go h.run()
	return h
}

// hear takes one event from the listener; it never blocks it. If the hub is that far
// behind, the event is replaced by a resync for everyone.
func (h *eventHub) hear(ev domain.LiveEvent) {
	select {
	case h.in <- ev:
	default:
		h.broadcast(0, resyncFrame())
	}
}

func (h *eventHub) run() {
	for ev := range h.in {
		if ev.Type == "resync" {
			h.mu.Lock()
			h.ring = h.ring[:0] // what came before the gap cannot be caught up from
			h.mu.Unlock()
			h.broadcast(0, resyncFrame())
			continue
		}
		if h.keepUnread(ev) {
			continue
		}
		frame, err := h.render(ev)
		if err != nil {
			h.log.Warn("live: reading an event's object failed; streams resync", "type", ev.Type, "err", err)
			h.broadcast(0, resyncFrame())
			continue
		}
		h.broadcast(ev.ID, frame)
	}
}

// keepUnread keeps ev in the ring unread when no stream is open (the API alone, a
// replica nobody streams from): reading its card for nobody was a card read per change.
// A browser that reconnects with an earlier Last-Event-ID gets it read then: the object
// as it is at that moment, which is what every frame carries anyway (read after the
// commit, not as of it).
func (h *eventHub) keepUnread(ev domain.LiveEvent) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.subs) > 0 {
		return false
	}
	h.keep(eventFrame{id: ev.ID, ev: &ev})
	return true
}

// keep adds f to the ring, dropping the oldest when it is full; the caller holds h.mu.
func (h *eventHub) keep(f eventFrame) {
	if len(h.ring) == eventRing {
		copy(h.ring, h.ring[1:])
		h.ring = h.ring[:eventRing-1]
	}
	h.ring = append(h.ring, f)
}

func resyncFrame() []byte { return []byte("event: resync\ndata: {}\n\n") }

// liveEventJSON is the data of every event: the ids, and the objects as the API shows them.
type liveEventJSON struct {
	Type         string               `json:"type"`
	BoardID      *uuid.UUID           `json:"board_id"`
	CardID       *uuid.UUID           `json:"card_id"`
	FromColumnID *uuid.UUID           `json:"from_column_id,omitempty"`
	Actor        string               `json:"actor,omitempty"`
	Card         *cardResponse        `json:"card"`
	Requester    *requesterBrief      `json:"requester,omitempty"`
	Summary      *deliverySummaryJSON `json:"summary,omitempty"`
}

func idPtr(id uuid.UUID) *uuid.UUID {
	if id == uuid.Nil {
		return nil
	}
	return &id
}

func (h *eventHub) render(ev domain.LiveEvent) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out := liveEventJSON{Type: ev.Type, BoardID: idPtr(ev.BoardID), CardID: idPtr(ev.CardID), FromColumnID: idPtr(ev.FromColumn), Actor: ev.Actor}
	if ev.CardID != uuid.Nil {
		card, err := h.svc.Card(ctx, ev.CardID)
		switch {
		case domain.KindOf(err) == domain.KindNotFound: // deleted since: the ids say which
		case err != nil:
			return nil, err
		default:
			c := toCard(card)
			out.Card, out.BoardID = &c, &c.BoardID
		}
	}
	if ev.RequesterID != uuid.Nil {
		r, err := h.svc.GetRequester(ctx, ev.RequesterID)
		if err == nil {
			out.Requester = &requesterBrief{ID: r.ID, Email: r.Email, Name: r.Name, Company: r.Company}
		} else if domain.KindOf(err) != domain.KindNotFound {
			return nil, err
		}
	}
	if ev.Type == domain.EventDeliveryProgress && ev.CardID != uuid.Nil {
		sum, err := h.svc.CardDeliverySummary(ctx, ev.CardID)
		if err != nil {
			return nil, err
		}
		out.Summary = &deliverySummaryJSON{Queued: sum.Queued, Sent: sum.Sent, Failed: sum.Failed, Suppressed: sum.Suppressed}
	}
	data, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, "id: %d\nevent: %s\ndata: %s\n\n", ev.ID, ev.Type, data), nil
}

// broadcast queues frame on every stream; id > 0 also keeps it in the ring.
func (h *eventHub) broadcast(id int64, frame []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if id > 0 {
		h.keep(eventFrame{id: id, frame: frame})
	}
	for sub := range h.subs {
		select {
		case sub.ch <- frame:
		default:
			sub.dropped = true
			close(sub.ch)
			delete(h.subs, sub)
		}
	}
}

// subscribe adds a stream. lastID is the Last-Event-ID the browser sent ("" for a new
// tab): the frames heard after it are returned to send first, or a resync when that id
// is no longer (or never was) in the ring, or when more than eventBuffer of them were
// kept unread (reading that many for one browser costs more than its resync).
func (h *eventHub) subscribe(lastID string) (*eventSub, [][]byte) {
	sub := &eventSub{ch: make(chan []byte, eventBuffer)}
	backlog, ok := h.add(sub, lastID)
	if !ok {
		return sub, [][]byte{resyncFrame()}
	}
	// Read outside the lock: the stream sends these before anything heard after it was
	// added, which waits in its channel meanwhile.
	out := make([][]byte, 0, len(backlog))
	for _, f := range backlog {
		if f.ev != nil {
			frame, err := h.render(*f.ev)
			if err != nil {
				h.log.Warn("live: reading an event's object failed; the stream resyncs", "type", f.ev.Type, "err", err)
				return sub, [][]byte{resyncFrame()}
			}
			f.frame = frame
		}
		out = append(out, f.frame)
	}
	return sub, out
}

// add registers sub and answers the ring after lastID (ok false: resync).
func (h *eventHub) add(sub *eventSub, lastID string) (backlog []eventFrame, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.subs[sub] = struct{}{}
	if lastID == "" {
		return nil, true
	}
	id, err := strconv.ParseInt(lastID, 10, 64)
	if err != nil {
		return nil, false
	}
	for i, f := range h.ring {
		if f.id == id {
			backlog = slices.Clone(h.ring[i+1:])
			unread := 0
			for _, g := range backlog {
				if g.ev != nil {
					unread++
				}
			}
			return backlog, unread <= eventBuffer
		}
	}
	return nil, false
}

func (h *eventHub) unsubscribe(sub *eventSub) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[sub]; ok {
		delete(h.subs, sub)
		close(sub.ch)
	}
}

// streams is how many are connected (for /metrics and tests).
func (h *eventHub) streams() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}
