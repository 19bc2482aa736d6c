package merge

import (
	"context"
	"errors"
)

// SetAcceptHook installs f as the hook Accept calls between its stages
// inside its transaction, and returns a function that removes it.
func SetAcceptHook(f func(ctx context.Context, stage string) error) (restore func()) {
	acceptHook = f
	return func() { acceptHook = nil }
}

// ReadCounts returns how many ledger rows and findings the county views
// have read from the database so far.
func ReadCounts() (ledgerRows, findings int64) {
	return ledgerRowsRead.Load(), findingsRead.Load()
}

// SimilarSpilled is Similar with its index spilled to temporary files in
// dir, as the county's X04 runs.
func SimilarSpilled(stmts []Statement, dir string) ([]Match, error) {
	sets, bands := newSpill(dir), newSpill(dir)
	defer sets.Close()
	defer bands.Close()
	if _, ok := sets.(*fileSpill); !ok {
		return nil, errors.New("no spill file in " + dir)
	}
	return similar(stmts, sets, bands)
}

// SimilarWorkers is Similar with a band's buckets checked by n workers,
// the sets spilled to a file in dir when dir is not "".
func SimilarWorkers(stmts []Statement, n int, dir string) ([]Match, error) {
	old := lshWorkers
	lshWorkers = n
	defer func() { lshWorkers = old }()
	if dir == "" {
		return Similar(stmts), nil
	}
	return SimilarSpilled(stmts, dir)
}
