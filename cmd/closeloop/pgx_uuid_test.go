package main

import (
	"bytes"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/lib/pq"
)

func TestUUIDArgumentsAreSentAsSixteenBytes(t *testing.T) {
	m := pgtype.NewMap()
	registerUUID(m)
	id := uuid.Must(uuid.NewV7())
	for _, v := range []any{id, &id} {
		got, err := m.Encode(pgtype.UUIDOID, pgtype.BinaryFormatCode, v, nil)
		if err != nil {
			t.Fatalf("encode %T: %v", v, err)
		}
		if !bytes.Equal(got, id[:]) {
			t.Errorf("encode %T = %x, want %x", v, got, id[:])
		}
	}
	var none *uuid.UUID
	if got, err := m.Encode(pgtype.UUIDOID, pgtype.BinaryFormatCode, none, nil); err != nil || got != nil {
		t.Errorf("encode a nil *uuid.UUID = %x, %v; want NULL", got, err)
	}
	// Where PostgreSQL expects text (id || '…'), the id still goes as its string.
	got, err := m.Encode(pgtype.TextOID, pgtype.TextFormatCode, id, nil)
	if err != nil || string(got) != id.String() {
		t.Errorf("encode as text = %q, %v; want %q", got, err, id.String())
	}
}

// The reason for registerUUID: the fallback through driver.Valuer builds an error and
// parses the string back for every argument.
func TestUUIDArgumentsAreEncodedWithoutTheTextDetour(t *testing.T) {
	m := pgtype.NewMap()
	registerUUID(m)
	id := uuid.Must(uuid.NewV7())
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := m.Encode(pgtype.UUIDOID, pgtype.BinaryFormatCode, id, buf[:0]); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 3 {
		t.Errorf("encoding a uuid.UUID allocates %.0f times, want at most 3 (without registerUUID: 20)", allocs)
	}
}

// River's database/sql driver passes lib/pq arrays; each must reach PostgreSQL as the
// same array, encoded directly.
func TestPQArraysAreEncodedAsTheirSlices(t *testing.T) {
	plain, fast := pgtype.NewMap(), pgtype.NewMap()
	registerPQArrays(fast)
	for _, c := range []struct {
		oid uint32
		v   any
	}{
		{pgtype.Int8ArrayOID, pq.Array([]int64{1, 0, 7})},
		{pgtype.TextArrayOID, pq.Array([]string{"a", "b,c", ""})},
		{pgtype.JSONBArrayOID, pq.Array([]string{`{"x":1}`, "{}"})},
		{pgtype.ByteaArrayOID, pq.Array([][]byte{{1, 2}, nil})},
		{pgtype.Int4ArrayOID, pq.Array([]int32{3})},
		{pgtype.TextArrayOID, pq.Array([]string(nil))},
	} {
		want, err := plain.Encode(c.oid, pgtype.BinaryFormatCode, c.v, nil)
		if err != nil {
			t.Fatalf("%T through its text: %v", c.v, err)
		}
		got, err := fast.Encode(c.oid, pgtype.BinaryFormatCode, c.v, nil)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%T = %x, %v; want %x", c.v, got, err, want)
		}
		allocs := testing.AllocsPerRun(20, func() { _, _ = fast.Encode(c.oid, pgtype.BinaryFormatCode, c.v, nil) })
		slow := testing.AllocsPerRun(20, func() { _, _ = plain.Encode(c.oid, pgtype.BinaryFormatCode, c.v, nil) })
		if len(want) > 0 && allocs >= slow { // (a NULL costs nothing either way)
			t.Errorf("%T: %.0f allocations, the text detour makes %.0f", c.v, allocs, slow)
		}
	}
}
