package merge

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
)

// The results of a mail attempt (MailRecord.Result).
const (
	MailSent   = "sent"
	MailFailed = "failed"
)

// MailRecord is one mail that `lianfang send` sent to a roster unit, or
// tried to: the bookkeeping of SPEC's weekly routine.
type MailRecord struct {
	ID           int64
	UnitCode     string
	Cycle        string
	Kind         string // 退回 or 回执
	SubmissionID int64  // the submission the mail is about; 0 for none
	Address      string
	MessageID    string // without angle brackets
	Subject      string
	Attachment   string // file name of the attached workbook, "" for none
	Time         time.Time
	Result       string // MailSent or MailFailed
	Error        string // why it failed; "" when sent
}

// UnitMails sums up one unit's mails in a cycle.
type UnitMails struct {
	Last     MailRecord  // the latest attempt
	Sent     *MailRecord // the latest mail that went out; nil when none did
	Attempts int
}

// mailRow is the stored form of a mail record.
type mailRow struct {
	ID           int64         `db:"id"`
	UnitCode     string        `db:"unit_code"`
	Cycle        string        `db:"cycle"`
	Kind         string        `db:"kind"`
	SubmissionID sql.NullInt64 `db:"submission_id"`
	Address      string        `db:"address"`
	MessageID    string        `db:"message_id"`
	Subject      string        `db:"subject"`
	Attachment   string        `db:"attachment"`
	Sent         string        `db:"sent"`
	Result       string        `db:"result"`
	Error        string        `db:"error"`
}

// RecordMail records one mail attempt in one transaction and returns its
// ID. The unit must be on the roster and the cycle in the database.
func (s *Store) RecordMail(ctx context.Context, r MailRecord) (int64, error) {
	switch {
	case r.Result != MailSent && r.Result != MailFailed:
		return 0, fmt.Errorf("record mail to %s: result %q", r.UnitCode, r.Result)
	case (r.Result == MailFailed) != (strings.TrimSpace(r.Error) != ""):
		return 0, fmt.Errorf("record mail to %s: a failed mail needs its error, a sent one none", r.UnitCode)
	case r.Time.IsZero():
		return 0, fmt.Errorf("record mail to %s: no time", r.UnitCode)
	case r.Cycle == "":
		return 0, fmt.Errorf("record mail to %s: no cycle", r.UnitCode)
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("record mail to %s: %w", r.UnitCode, err)
	}
	defer tx.Rollback()
	var unitID int64
	err = tx.GetContext(ctx, &unitID, `SELECT id FROM units WHERE code = ?`, r.UnitCode)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("record mail: unit %q is not on the roster", r.UnitCode)
	}
	if err != nil {
		return 0, fmt.Errorf("record mail to %s: %w", r.UnitCode, err)
	}
	if _, err := resolveCycle(ctx, tx, r.Cycle); err != nil {
		return 0, fmt.Errorf("record mail to %s: %w", r.UnitCode, err)
	}
	sub := sql.NullInt64{Int64: r.SubmissionID, Valid: r.SubmissionID != 0}
	res, err := tx.ExecContext(ctx, `INSERT INTO mails (unit_id, cycle, kind, submission_id, address, message_id,
		subject, attachment, sent, result, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		unitID, r.Cycle, r.Kind, sub, r.Address, r.MessageID, r.Subject, r.Attachment, formatTime(r.Time), r.Result, r.Error)
	if err != nil {
		return 0, fmt.Errorf("record mail to %s: %w", r.UnitCode, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("record mail to %s: %w", r.UnitCode, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("record mail to %s: commit: %w", r.UnitCode, err)
	}
	return id, nil
}

// Mails returns every mail attempt of a cycle ("" for the latest), oldest
// first. ErrNoCycle when the database has no such cycle.
func (s *Store) Mails(ctx context.Context, cycle string) ([]MailRecord, error) {
	var out []MailRecord
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		name, err := resolveCycle(ctx, tx, cycle)
		if err != nil {
			return err
		}
		var rows []mailRow
		err = tx.SelectContext(ctx, &rows, `SELECT m.id, u.code AS unit_code, m.cycle, m.kind, m.submission_id,
			m.address, m.message_id, m.subject, m.attachment, m.sent, m.result, m.error
			FROM mails m JOIN units u ON u.id = m.unit_id WHERE m.cycle = ? ORDER BY m.sent, m.id`, name)
		if err != nil {
			return err
		}
		for _, r := range rows {
			t, err := parseTime(r.Sent)
			if err != nil {
				return fmt.Errorf("mail %d time: %w", r.ID, err)
			}
			out = append(out, MailRecord{ID: r.ID, UnitCode: r.UnitCode, Cycle: r.Cycle, Kind: r.Kind,
				SubmissionID: r.SubmissionID.Int64, Address: r.Address, MessageID: r.MessageID, Subject: r.Subject,
				Attachment: r.Attachment, Time: t, Result: r.Result, Error: r.Error})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("mails %s: %w", cycle, err)
	}
	return out, nil
}

// MailsByUnit returns, for every unit mailed in a cycle ("" for the
// latest), its latest attempt, its latest mail that went out and the
// number of attempts, by unit code.
func (s *Store) MailsByUnit(ctx context.Context, cycle string) (map[string]UnitMails, error) {
	all, err := s.Mails(ctx, cycle)
	if err != nil {
		return nil, err
	}
	out := make(map[string]UnitMails)
	for _, r := range all {
		u := out[r.UnitCode]
		u.Last = r
		u.Attempts++
		if r.Result == MailSent {
			sent := r
			u.Sent = &sent
		}
		out[r.UnitCode] = u
	}
	return out, nil
}
