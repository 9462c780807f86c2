package domain

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// DB wraps the GORM handle. Transactions travel in the context so that a service
// called inside another service's transaction joins it instead of opening a second one.
type DB struct {
	gorm *gorm.DB
}

func NewDB(g *gorm.DB) *DB { return &DB{gorm: g} }

// Gorm returns the underlying handle, for wiring (cmd, tests) only.
func (d *DB) Gorm() *gorm.DB { return d.gorm }

type txKey struct{}

// afterCommitKey carries the outermost transaction's *afterCommit.
type afterCommitKey struct{}

type afterCommit struct{ fns []func() }

// WithTx runs fn in a transaction; if ctx already carries one, fn joins it.
func (d *DB) WithTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	after := &afterCommit{}
	err := d.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(context.WithValue(ctx, txKey{}, tx), afterCommitKey{}, after))
	})
	if err == nil {
		for _, f := range after.fns {
			f()
		}
	}
	return err
}

// AfterCommit has fn called once the transaction in ctx has committed, never when it
// rolls back (nor when its commit failed or its outcome is unknown); false when ctx
// carries no transaction. Only for waking work whose record the transaction itself
// wrote (live.Publisher): anything that must happen is in the transaction, and fn is
// a hint to do it sooner.
func AfterCommit(ctx context.Context, fn func()) bool {
	after, ok := ctx.Value(afterCommitKey{}).(*afterCommit)
	if !ok {
		return false
	}
	after.fns = append(after.fns, fn)
	return true
}

// conn returns the transaction in ctx, or the plain handle bound to ctx.
func (d *DB) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx
	}
	return d.gorm.WithContext(ctx)
}

// sqlTx returns the *sql.Tx under the transaction in ctx, for code that enqueues
// background work in the same transaction (the Notifier).
func sqlTx(ctx context.Context) (*sql.Tx, error) {
	tx, ok := ctx.Value(txKey{}).(*gorm.DB)
	if !ok {
		return nil, errors.New("sqlTx: no transaction in context")
	}
	switch pool := tx.Statement.ConnPool.(type) {
	case *sql.Tx:
		return pool, nil
	case *gorm.PreparedStmtTX:
		if t, ok := pool.Tx.(*sql.Tx); ok {
			return t, nil
		}
	}
	return nil, fmt.Errorf("sqlTx: unexpected connection pool %T", tx.Statement.ConnPool)
}

// storeErr maps database errors to domain kinds in one place; what is left is internal.
func storeErr(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return NotFound(what)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return Conflict("%s already exists", what)
	case errors.Is(err, gorm.ErrForeignKeyViolated):
		return Conflict("%s refers to something that no longer exists", what)
	}
	return err
}

// scanJSON reads a jsonb column into dst (NULL leaves it alone).
func scanJSON(src, dst any) error {
	switch v := src.(type) {
	case nil:
		return nil
	case []byte:
		return json.Unmarshal(v, dst)
	case string:
		return json.Unmarshal([]byte(v), dst)
	}
	return fmt.Errorf("cannot scan %T as JSON", src)
}
