package merge

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"lianfang/checks"
	"lianfang/importer"
)

// Input is one received file to merge: its place in the inbox, its original
// bytes, the parsed workbook and the findings of package checks.
type Input struct {
	Cycle    string    // the consolidation cycle, such as 2026-W48
	Path     string    // relative to the inbox
	Received time.Time // the file's modification time
	Data     []byte    // the original bytes, kept byte for byte
	// Sub is the parsed workbook. It may be nil only for a file Seen
	// already holds for this cycle: that is recorded (X03), not re-processed.
	Sub      *importer.Submission
	Findings []checks.Finding
	UnitCode string // the roster unit the file was matched to; "" when unmatched (S04)
}

// Outcome says what Accept did with an Input.
type Outcome struct {
	SubmissionID int64   // the new submission, or for a duplicate the one it repeats
	Duplicate    bool    // byte-identical to a file already merged in this cycle (X03)
	Current      bool    // the submission counts for its unit in the cycle (latest received)
	Superseded   []int64 // submissions this one replaced as the unit's current one (X02)
	Status       string  // 已通过, 退回修改 or 无法读取
}

// acceptHook, when set (by tests), is called between the stages of Accept
// inside its transaction; an error aborts the transaction.
var acceptHook func(ctx context.Context, stage string) error

// Accept merges one submission in one transaction: the original bytes, the
// submission, every sheet row, the powers and risks, the findings, and the
// unit's current submission for the cycle. A file byte-identical to one
// already merged in the cycle is only recorded (X03). If Accept fails or is
// cancelled, nothing of the submission is stored.
func (s *Store) Accept(ctx context.Context, in Input) (Outcome, error) {
	if err := checkCycle(in.Cycle); err != nil {
		return Outcome{}, fmt.Errorf("accept %s: %w", in.Path, err)
	}
	if in.Path == "" {
		return Outcome{}, errors.New("accept: empty path")
	}
	sum := sha256.Sum256(in.Data)
	hash := hex.EncodeToString(sum[:])
	if in.Sub != nil && in.Sub.SHA256 != "" && !strings.EqualFold(in.Sub.SHA256, hash) {
		return Outcome{}, fmt.Errorf("accept %s: parsed submission is of other bytes (sha256 %s, data %s)",
			in.Path, in.Sub.SHA256, hash)
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return Outcome{}, fmt.Errorf("accept %s: %w", in.Path, err)
	}
	defer tx.Rollback()
	out, err := accept(ctx, tx, in, hash)
	if err != nil {
		return Outcome{}, fmt.Errorf("accept %s: %w", in.Path, err)
	}
	if err := tx.Commit(); err != nil {
		return Outcome{}, fmt.Errorf("accept %s: commit: %w", in.Path, err)
	}
	return out, nil
}

// Seen reports whether a file with this SHA-256 (hex) is already merged in
// the cycle, so the caller can skip parsing it and Accept it with a nil Sub.
func (s *Store) Seen(ctx context.Context, cycle, sha string) (bool, error) {
	var n int
	err := s.rdb.GetContext(ctx, &n, `SELECT COUNT(*) FROM submissions WHERE cycle = ? AND sha256 = ?`,
		cycle, strings.ToLower(sha))
	if err != nil {
		return false, fmt.Errorf("seen %s: %w", sha, err)
	}
	return n > 0, nil
}

func accept(ctx context.Context, tx *sqlx.Tx, in Input, hash string) (Outcome, error) {
	if _, err := tx.ExecContext(ctx, `INSERT INTO cycles (name) VALUES (?) ON CONFLICT DO NOTHING`, in.Cycle); err != nil {
		return Outcome{}, fmt.Errorf("cycle: %w", err)
	}
	var prev struct {
		ID     int64  `db:"id"`
		Path   string `db:"path"`
		Status string `db:"status"`
	}
	err := tx.GetContext(ctx, &prev, `SELECT id, path, status FROM submissions WHERE cycle = ? AND sha256 = ?`, in.Cycle, hash)
	switch {
	case err == nil:
		return resubmit(ctx, tx, in, prev.ID, prev.Path, prev.Status)
	case !errors.Is(err, sql.ErrNoRows):
		return Outcome{}, fmt.Errorf("look up sha256: %w", err)
	case in.Sub == nil:
		return Outcome{}, errors.New("new file without a parsed submission")
	}
	status, counts, err := statusOf(in.Sub, in.Findings)
	if err != nil {
		return Outcome{}, err
	}
	var unitID sql.NullInt64
	if in.UnitCode != "" {
		if err := tx.GetContext(ctx, &unitID, `SELECT id FROM units WHERE code = ?`, in.UnitCode); err != nil {
			return Outcome{}, fmt.Errorf("unit %s: %w", in.UnitCode, notFound(err, "not in roster"))
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		hash, len(in.Data), in.Data); err != nil {
		return Outcome{}, fmt.Errorf("store bytes: %w", err)
	}
	id, err := insertSubmission(ctx, tx, in, hash, unitID, status, counts)
	if err != nil {
		return Outcome{}, err
	}
	if err := insertContent(ctx, tx, id, in); err != nil {
		return Outcome{}, err
	}
	out := Outcome{SubmissionID: id, Status: status}
	if unitID.Valid {
		out.Current, out.Superseded, err = updateCurrent(ctx, tx, unitID.Int64, in.Cycle, id)
		if err != nil {
			return Outcome{}, fmt.Errorf("current: %w", err)
		}
	}
	return out, hook(ctx, "current")
}

// resubmit records a byte-identical copy of submission id received again
// (X03), once per path; the same path again is a rerun and adds nothing.
func resubmit(ctx context.Context, tx *sqlx.Tx, in Input, id int64, firstPath, status string) (Outcome, error) {
	if in.Path != firstPath {
		_, err := tx.ExecContext(ctx, `INSERT INTO resubmissions (submission_id, path, received) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, id, in.Path, formatTime(in.Received))
		if err != nil {
			return Outcome{}, fmt.Errorf("record resubmission: %w", err)
		}
	}
	var cur int
	if err := tx.GetContext(ctx, &cur, `SELECT COUNT(*) FROM current WHERE submission_id = ?`, id); err != nil {
		return Outcome{}, fmt.Errorf("current: %w", err)
	}
	return Outcome{SubmissionID: id, Duplicate: true, Current: cur > 0, Status: status}, nil
}

func insertSubmission(ctx context.Context, tx *sqlx.Tx, in Input, hash string, unitID sql.NullInt64,
	status string, c severityCounts) (int64, error) {
	info, err := toJSON(in.Sub.Unit)
	if err != nil {
		return 0, err
	}
	problems, err := problemsJSON(in.Sub.Problems)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO submissions (cycle, unit_id, path, file_name, sha256, size,
		received, format, template_version, unit_written, unit_info, problems, status, errors, warnings, infos)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		in.Cycle, unitID, in.Path, path.Base(filepath.ToSlash(in.Path)), hash, len(in.Data),
		formatTime(in.Received), in.Sub.Format, in.Sub.TemplateVersion, in.Sub.Unit.Name, info, problems,
		status, c.Errors, c.Warnings, c.Infos)
	if err != nil {
		return 0, fmt.Errorf("insert submission: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert submission: %w", err)
	}
	return id, hook(ctx, "submission")
}

// updateCurrent makes submission id the unit's current one for the cycle if
// it was received later than the current one (ties: the larger path), and
// flags whichever loses as superseded (X02).
func updateCurrent(ctx context.Context, tx *sqlx.Tx, unitID int64, cycle string, id int64) (bool, []int64, error) {
	var cur int64
	err := tx.GetContext(ctx, &cur, `SELECT submission_id FROM current WHERE unit_id = ? AND cycle = ?`, unitID, cycle)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = tx.ExecContext(ctx, `INSERT INTO current (unit_id, cycle, submission_id) VALUES (?, ?, ?)`, unitID, cycle, id)
		return true, nil, err
	}
	if err != nil {
		return false, nil, err
	}
	var later bool
	err = tx.GetContext(ctx, &later, `SELECT (n.received, n.path) > (c.received, c.path)
		FROM submissions n, submissions c WHERE n.id = ? AND c.id = ?`, id, cur)
	if err != nil {
		return false, nil, err
	}
	if !later {
		_, err = tx.ExecContext(ctx, `UPDATE submissions SET superseded = 1 WHERE id = ?`, id)
		return false, nil, err
	}
	if _, err = tx.ExecContext(ctx, `UPDATE current SET submission_id = ? WHERE unit_id = ? AND cycle = ?`, id, unitID, cycle); err != nil {
		return false, nil, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE submissions SET superseded = 1 WHERE id = ?`, cur)
	return true, []int64{cur}, err
}

func hook(ctx context.Context, stage string) error {
	if acceptHook == nil {
		return nil
	}
	return acceptHook(ctx, stage)
}

func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return errors.New(what)
	}
	return err
}
