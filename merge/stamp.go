package merge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"
)

// stampQueries read everything the reports of a cycle are made from. Rows
// are only ever added to submissions, resubmissions and findings (a
// submission's superseded flag changes only when `current` changes), so
// their count and largest id say whether they changed; the roster and the
// current submissions can change in place and are read whole.
var stampQueries = []string{
	`SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(superseded), 0) FROM submissions`,
	`SELECT COUNT(*), COALESCE(MAX(id), 0) FROM resubmissions`,
	`SELECT COUNT(*), COALESCE(MAX(id), 0) FROM findings`,
	`SELECT name FROM cycles ORDER BY name`,
	`SELECT unit_id, cycle, submission_id FROM current ORDER BY cycle, unit_id`,
	`SELECT * FROM units ORDER BY id`,
}

// Stamp returns a digest of the database's state as the reports see it:
// equal stamps mean a report written from one would be written again,
// byte for byte, from the other. A rerun over an unchanged inbox uses it
// to keep the reports it already wrote.
func (s *Store) Stamp(ctx context.Context) (string, error) {
	h := sha256.New()
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		for _, q := range stampQueries {
			rows, err := tx.QueryxContext(ctx, q)
			if err != nil {
				return err
			}
			for rows.Next() {
				vals, err := rows.SliceScan()
				if err != nil {
					rows.Close()
					return err
				}
				for _, v := range vals {
					if b, ok := v.([]byte); ok {
						v = string(b)
					}
					if str, ok := v.(string); ok {
						v = strconv.Quote(str)
					}
					fmt.Fprintf(h, "%T:%v\x1f", v, v)
				}
				h.Write([]byte{'\x1e'})
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if err := rows.Err(); err != nil {
				return err
			}
			h.Write([]byte{'\x1d'})
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("stamp: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
