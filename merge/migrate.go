package merge

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"time"

	"github.com/jmoiron/sqlx"
)

// migrationFS holds the schema as numbered SQL files, applied in name order.
// To change the schema, add the next file (0002_….sql); never edit one that
// has shipped.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one schema file recorded as applied.
type Migration struct {
	Name    string
	Applied time.Time
}

// migrate applies, in order, every embedded migration not yet recorded in the
// migrations table, each in its own transaction together with its record,
// and returns the names it applied.
func migrate(ctx context.Context, db *sqlx.DB) ([]string, error) {
	const create = `CREATE TABLE IF NOT EXISTS migrations (
		name    TEXT PRIMARY KEY,
		applied TEXT NOT NULL
	)`
	if _, err := db.ExecContext(ctx, create); err != nil {
		return nil, fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	var applied []string
	for _, file := range names {
		name := path.Base(file)
		done, err := migrateFile(ctx, db, file, name)
		if err != nil {
			return applied, fmt.Errorf("migrate %s: %w", name, err)
		}
		if done {
			applied = append(applied, name)
		}
	}
	return applied, nil
}

// migrateFile applies one migration unless it is already recorded, and
// reports whether it applied it.
func migrateFile(ctx context.Context, db *sqlx.DB, file, name string) (bool, error) {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	body, err := fs.ReadFile(migrationFS, file)
	if err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return false, err
	}
	now := formatTime(time.Now())
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied) VALUES (?, ?)`, name, now); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// Migrations returns the migrations recorded in the database, in order.
func (s *Store) Migrations(ctx context.Context) ([]Migration, error) {
	var rows []struct {
		Name    string `db:"name"`
		Applied string `db:"applied"`
	}
	if err := s.rdb.SelectContext(ctx, &rows, `SELECT name, applied FROM migrations ORDER BY name`); err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	out := make([]Migration, len(rows))
	for i, r := range rows {
		t, err := parseTime(r.Applied)
		if err != nil {
			return nil, fmt.Errorf("list migrations: %s: %w", r.Name, err)
		}
		out[i] = Migration{Name: r.Name, Applied: t}
	}
	return out, nil
}
