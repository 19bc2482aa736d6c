package merge

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Submission is one merged file as the county views list it.
type Submission struct {
	ID              int64
	Cycle           string
	UnitCode        string // "" when the unit was not identified (S04)
	Path            string // relative to the inbox
	FileName        string
	SHA256          string
	Size            int64
	Received        time.Time // the file's modification time
	Format          string
	TemplateVersion string
	UnitWritten     string // 填报单位 as written in the workbook
	Status          string // 已通过, 退回修改 or 无法读取
	Errors          int
	Warnings        int
	Infos           int
	Superseded      bool // a later file of the same unit counts (X02)
	Current         bool // the file that counts for its unit in the cycle
}

// UnitStatus is one roster unit in a cycle.
type UnitStatus struct {
	Code, Name, Type string
	Status           string      // 已通过, 退回修改, 无法读取 or 未提交
	Current          *Submission // the submission that counts; nil when 未提交
	Submissions      int         // distinct files received from the unit in the cycle
	// Errors, Warnings and Infos count the current submission's own findings
	// (rules S to C), the same numbers in Status and County; the findings
	// themselves are County.UnitFindings.
	Errors, Warnings, Infos int
}

// submissionRow is the stored form of a submission, with its unit code.
type submissionRow struct {
	ID              int64  `db:"id"`
	Cycle           string `db:"cycle"`
	UnitCode        string `db:"unit_code"`
	Path            string `db:"path"`
	FileName        string `db:"file_name"`
	SHA256          string `db:"sha256"`
	Size            int64  `db:"size"`
	Received        string `db:"received"`
	Format          string `db:"format"`
	TemplateVersion string `db:"template_version"`
	UnitWritten     string `db:"unit_written"`
	Status          string `db:"status"`
	Errors          int    `db:"errors"`
	Warnings        int    `db:"warnings"`
	Infos           int    `db:"infos"`
	Superseded      bool   `db:"superseded"`
	Current         bool   `db:"is_current"`
}

func (r submissionRow) submission() (Submission, error) {
	t, err := parseTime(r.Received)
	if err != nil {
		return Submission{}, fmt.Errorf("submission %d received: %w", r.ID, err)
	}
	return Submission{ID: r.ID, Cycle: r.Cycle, UnitCode: r.UnitCode, Path: r.Path, FileName: r.FileName,
		SHA256: r.SHA256, Size: r.Size, Received: t, Format: r.Format, TemplateVersion: r.TemplateVersion,
		UnitWritten: r.UnitWritten, Status: r.Status, Errors: r.Errors, Warnings: r.Warnings, Infos: r.Infos,
		Superseded: r.Superseded, Current: r.Current}, nil
}

// cycleState is everything the county views need about one cycle, read in
// one snapshot: roster units with their status, and every submission.
type cycleState struct {
	cycle   string
	units   []UnitStatus
	all     []Submission // every submission of the cycle, by received time then path
	unknown []Submission // those of unidentified units (S04)
}

// loadCycle reads the roster and the cycle's submissions and derives each
// unit's status: its current submission's, or 未提交.
func loadCycle(ctx context.Context, q querier, cycle string) (*cycleState, error) {
	var urs []unitRow
	if err := q.SelectContext(ctx, &urs, `SELECT `+unitCols+` FROM units ORDER BY code`); err != nil {
		return nil, fmt.Errorf("roster: %w", err)
	}
	var srs []submissionRow
	err := q.SelectContext(ctx, &srs, `SELECT s.id, s.cycle, COALESCE(u.code, '') AS unit_code, s.path, s.file_name,
		s.sha256, s.size, s.received, s.format, s.template_version, s.unit_written, s.status, s.errors,
		s.warnings, s.infos, s.superseded, c.submission_id IS NOT NULL AS is_current
		FROM submissions s LEFT JOIN units u ON u.id = s.unit_id LEFT JOIN current c ON c.submission_id = s.id
		WHERE s.cycle = ? ORDER BY s.received, s.path`, cycle)
	if err != nil {
		return nil, fmt.Errorf("submissions: %w", err)
	}
	st := &cycleState{cycle: cycle}
	count := make(map[string]int)
	current := make(map[string]int) // unit code → index in st.all
	for _, r := range srs {
		sub, err := r.submission()
		if err != nil {
			return nil, err
		}
		st.all = append(st.all, sub)
		if sub.UnitCode == "" {
			st.unknown = append(st.unknown, sub)
			continue
		}
		count[sub.UnitCode]++
		if sub.Current {
			current[sub.UnitCode] = len(st.all) - 1
		}
	}
	for _, r := range urs {
		u := UnitStatus{Code: r.Code, Name: r.Name, Type: r.Type, Status: StatusMissing, Submissions: count[r.Code]}
		if i, ok := current[r.Code]; ok {
			c := st.all[i]
			u.Current, u.Status = &c, c.Status
			u.Errors, u.Warnings, u.Infos = c.Errors, c.Warnings, c.Infos
		}
		st.units = append(st.units, u)
	}
	return st, nil
}

// Status returns every roster unit's status in the cycle ("" for the
// latest), ordered by unit code, without findings: the `status` table.
// Submissions of unidentified units follow, one entry each, with Code ""
// and Name the 填报单位 as written (or the file name).
func (s *Store) Status(ctx context.Context, cycle string) ([]UnitStatus, error) {
	var out []UnitStatus
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		c, err := resolveCycle(ctx, tx, cycle)
		if err != nil {
			return err
		}
		st, err := loadCycle(ctx, tx, c)
		if err != nil {
			return err
		}
		out = st.units
		for i := range st.unknown {
			sub := st.unknown[i]
			name := sub.UnitWritten
			if name == "" {
				name = sub.FileName
			}
			out = append(out, UnitStatus{Name: name, Status: sub.Status, Current: &sub, Submissions: 1,
				Errors: sub.Errors, Warnings: sub.Warnings, Infos: sub.Infos})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("status %s: %w", cycle, err)
	}
	return out, nil
}
