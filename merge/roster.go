package merge

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"lianfang/importer"
)

// unitRow is the stored form of a roster unit.
type unitRow struct {
	ID      int64  `db:"id"`
	Code    string `db:"code"`
	Name    string `db:"name"`
	Type    string `db:"type"`
	Aliases string `db:"aliases"`
	Contact string `db:"contact"`
	Phone   string `db:"phone"`
	Email   string `db:"email"`
}

const unitCols = `id, code, name, type, aliases, contact, phone, email`

func (r unitRow) unit() (importer.RosterUnit, error) {
	u := importer.RosterUnit{Code: r.Code, Name: r.Name, Type: r.Type, Contact: r.Contact, Phone: r.Phone, Email: r.Email}
	if err := json.Unmarshal([]byte(r.Aliases), &u.Aliases); err != nil {
		return u, fmt.Errorf("unit %s aliases: %w", r.Code, err)
	}
	return u, nil
}

// ImportRoster adds or updates (by code) the given roster units in one
// transaction and reports how many were added and how many changed. Units
// absent from the list are kept: submissions refer to them.
func (s *Store) ImportRoster(ctx context.Context, units []importer.RosterUnit) (added, updated int, err error) {
	seen := make(map[string]bool, len(units))
	for i, u := range units {
		code := strings.TrimSpace(u.Code)
		switch {
		case code == "":
			return 0, 0, fmt.Errorf("import roster: unit %d (%s): empty code", i+1, u.Name)
		case strings.TrimSpace(u.Name) == "":
			return 0, 0, fmt.Errorf("import roster: unit %s: empty name", code)
		case seen[code]:
			return 0, 0, fmt.Errorf("import roster: unit code %s listed twice", code)
		}
		seen[code] = true
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("import roster: %w", err)
	}
	defer tx.Rollback()
	for _, u := range units {
		a, c, err := upsertUnit(ctx, tx, u)
		if err != nil {
			return 0, 0, fmt.Errorf("import roster: unit %s: %w", u.Code, err)
		}
		added += a
		updated += c
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("import roster: commit: %w", err)
	}
	return added, updated, nil
}

// upsertUnit inserts u or updates its row when anything differs; it returns
// (1, 0) for an insert, (0, 1) for a change and (0, 0) when unchanged.
func upsertUnit(ctx context.Context, tx *sqlx.Tx, u importer.RosterUnit) (int, int, error) {
	aliases := u.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	js, err := toJSON(aliases)
	if err != nil {
		return 0, 0, err
	}
	next := unitRow{Code: strings.TrimSpace(u.Code), Name: strings.TrimSpace(u.Name), Type: u.Type,
		Aliases: js, Contact: u.Contact, Phone: u.Phone, Email: u.Email}
	var old unitRow
	err = tx.GetContext(ctx, &old, `SELECT `+unitCols+` FROM units WHERE code = ?`, next.Code)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = tx.NamedExecContext(ctx, `INSERT INTO units (code, name, type, aliases, contact, phone, email)
			VALUES (:code, :name, :type, :aliases, :contact, :phone, :email)`, next)
		return 1, 0, err
	}
	if err != nil {
		return 0, 0, err
	}
	next.ID = old.ID
	if next == old {
		return 0, 0, nil
	}
	_, err = tx.NamedExecContext(ctx, `UPDATE units SET name = :name, type = :type, aliases = :aliases,
		contact = :contact, phone = :phone, email = :email WHERE id = :id`, next)
	return 0, 1, err
}

// Roster returns every roster unit, ordered by code.
func (s *Store) Roster(ctx context.Context) ([]importer.RosterUnit, error) {
	var rows []unitRow
	if err := s.rdb.SelectContext(ctx, &rows, `SELECT `+unitCols+` FROM units ORDER BY code`); err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	out := make([]importer.RosterUnit, len(rows))
	for i, r := range rows {
		var err error
		if out[i], err = r.unit(); err != nil {
			return nil, fmt.Errorf("roster: %w", err)
		}
	}
	return out, nil
}
