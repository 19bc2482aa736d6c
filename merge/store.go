package merge

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/jmoiron/sqlx"
	_ "github.com/mattn/go-sqlite3" // registers the sqlite3 driver
)

// Store is the county database. It holds two pools on the same SQLite file:
// one writer connection whose transactions start with BEGIN IMMEDIATE (the
// single merging writer of DESIGN.md), and a small pool of query-only
// readers whose deferred transactions give consistent snapshots without
// blocking the writer (WAL).
type Store struct {
	path    string
	db      *sqlx.DB // writer: one connection, BEGIN IMMEDIATE
	rdb     *sqlx.DB // readers: query_only, BEGIN DEFERRED
	applied []string
}

// connection parameters, set by the driver on every pooled connection.
var (
	writerParams = url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {"10000"},
		"_journal_mode": {"WAL"},
		"_synchronous":  {"NORMAL"},
		"_txlock":       {"immediate"},
	}
	readerParams = url.Values{
		"_foreign_keys": {"on"},
		"_busy_timeout": {"10000"},
		"_query_only":   {"on"},
		"_txlock":       {"deferred"},
	}
)

// Open opens the county database at path, creating it owner-only (0600)
// when it does not exist, and applies the migrations not yet recorded.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("open database: empty path")
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{path: path}
	var err error
	if s.db, err = sqlx.Open("sqlite3", dsn(path, writerParams)); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.db.SetMaxOpenConns(1)
	if s.applied, err = migrate(context.Background(), s.db); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if s.rdb, err = sqlx.Open("sqlite3", dsn(path, readerParams)); err != nil {
		s.db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s.rdb.SetMaxOpenConns(4)
	return s, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	return errors.Join(s.rdb.Close(), s.db.Close())
}

// Path returns the database file name given to Open.
func (s *Store) Path() string { return s.path }

// Applied returns the migrations this Open applied, in order; empty when the
// database was already up to date.
func (s *Store) Applied() []string { return append([]string(nil), s.applied...) }

// createPrivate creates an empty database file readable by its owner only,
// so SQLite (which gives the -wal and -shm files the database file's mode)
// never creates it with the umask's wider default.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// dsn builds a go-sqlite3 URI filename: the path percent-escaped (so names
// holding ?, # or % stay one file name) followed by the driver parameters.
func dsn(path string, params url.Values) string {
	p := filepath.ToSlash(path)
	u := url.URL{Path: p}
	esc := u.EscapedPath()
	if strings.HasPrefix(p, "/") {
		esc = "//" + esc // file:///abs/path
	}
	return "file:" + esc + "?" + params.Encode()
}

// Counts returns the number of rows of every table, for tests and for
// checking that a rerun changed nothing.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	var names []string
	err := s.rdb.SelectContext(ctx, &names,
		`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("count rows: %w", err)
	}
	counts := make(map[string]int, len(names))
	for _, n := range names {
		var c int
		// n comes from sqlite_schema, not from a caller.
		if err := s.rdb.GetContext(ctx, &c, `SELECT COUNT(*) FROM "`+n+`"`); err != nil {
			return nil, fmt.Errorf("count rows of %s: %w", n, err)
		}
		counts[n] = c
	}
	return counts, nil
}

// querier is what both a pool and a transaction offer; read helpers take it.
type querier interface {
	GetContext(ctx context.Context, dest any, query string, args ...any) error
	SelectContext(ctx context.Context, dest any, query string, args ...any) error
	QueryxContext(ctx context.Context, query string, args ...any) (*sqlx.Rows, error)
	QueryRowxContext(ctx context.Context, query string, args ...any) *sqlx.Row
}

// read runs f in a deferred read-only transaction: one consistent snapshot
// of the database that does not block the writer.
func (s *Store) read(ctx context.Context, f func(tx *sqlx.Tx) error) error {
	tx, err := s.rdb.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return f(tx)
}

// Verify checks the database: SQLite's integrity and foreign-key checks,
// and that every unit's current submission is its own, of its cycle, and
// the only one of its unit and cycle not superseded.
func (s *Store) Verify(ctx context.Context) error {
	var res []string
	if err := s.rdb.SelectContext(ctx, &res, `PRAGMA integrity_check`); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	if len(res) != 1 || res[0] != "ok" {
		return fmt.Errorf("verify: integrity: %s", strings.Join(res, "; "))
	}
	checks := []struct{ what, query string }{
		{"foreign keys", `SELECT COUNT(*) FROM pragma_foreign_key_check`},
		{"current submissions", `SELECT COUNT(*) FROM current c JOIN submissions s ON s.id = c.submission_id
			WHERE s.unit_id IS NOT c.unit_id OR s.cycle != c.cycle OR s.superseded`},
		{"superseded flags", `SELECT COUNT(*) FROM submissions s WHERE s.unit_id IS NOT NULL AND NOT s.superseded
			AND NOT EXISTS (SELECT 1 FROM current c WHERE c.submission_id = s.id)`},
	}
	for _, c := range checks {
		var n int
		if err := s.rdb.GetContext(ctx, &n, c.query); err != nil {
			return fmt.Errorf("verify %s: %w", c.what, err)
		}
		if n > 0 {
			return fmt.Errorf("verify: %s: %d rows in error", c.what, n)
		}
	}
	return nil
}
