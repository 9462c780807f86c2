package main

import (
	"reflect"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/lib/pq"
)

// registerPQArrays lets pgx encode lib/pq's array wrappers (what River's database/sql
// driver passes for every batch of jobs it inserts: thirteen arrays per insert) as the
// slices they wrap, in binary. Otherwise pgx only knows them as driver.Valuers: it asks
// for their text, fails to encode that in binary, parses it back and encodes the result
// — 9 % of the server's CPU when cards are created with a webhook listening.
func registerPQArrays(m *pgtype.Map) {
	m.TryWrapEncodePlanFuncs = append([]pgtype.TryWrapEncodePlanFunc{tryWrapPQArrayEncodePlan}, m.TryWrapEncodePlanFuncs...)
}

// pqArraySlice is the slice a lib/pq array wrapper holds (nil when it is not one).
// pq.GenericArray (River's timestamps and smallints) stays on the slow path: pgx keeps
// one plan per Go type and parameter type, and a GenericArray can hold any slice.
func pqArraySlice(value any) any {
	if rv := reflect.ValueOf(value); rv.Kind() == reflect.Pointer && rv.IsNil() {
		return nil // NULL: pgx says so before planning
	}
	switch v := value.(type) {
	case *pq.Int64Array:
		return []int64(*v)
	case *pq.Int32Array:
		return []int32(*v)
	case *pq.StringArray:
		return []string(*v)
	case *pq.ByteaArray:
		if *v == nil {
			return [][]byte(nil)
		}
		// lib/pq sends a nil element as an empty bytea, not NULL.
		out := make([][]byte, len(*v))
		for i, b := range *v {
			out[i] = b
			if b == nil {
				out[i] = []byte{}
			}
		}
		return out
	case *pq.BoolArray:
		return []bool(*v)
	case *pq.Float64Array:
		return []float64(*v)
	case *pq.Float32Array:
		return []float32(*v)
	}
	return nil
}

func tryWrapPQArrayEncodePlan(value any) (pgtype.WrappedEncodePlanNextSetter, any, bool) {
	if s := pqArraySlice(value); s != nil {
		return &wrapPQArrayEncodePlan{}, s, true
	}
	return nil, nil, false
}

type wrapPQArrayEncodePlan struct{ next pgtype.EncodePlan }

func (p *wrapPQArrayEncodePlan) SetNext(next pgtype.EncodePlan) { p.next = next }

func (p *wrapPQArrayEncodePlan) Encode(value any, buf []byte) ([]byte, error) {
	return p.next.Encode(pqArraySlice(value), buf)
}
