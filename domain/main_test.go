package domain

import (
	"os"
	"testing"

	"github.com/closeloop/closeloop/migrations/testdb"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }
