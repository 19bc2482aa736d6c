package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"lianfang/checks"
	"lianfang/importer"
	"lianfang/merge"
	"lianfang/notify"
	"lianfang/reports"
)

// mailDir is the folder of the dry run's .eml files under OUT/<cycle>/.
const mailDir = "邮件"

// sendItem is one unit's mail: what it is told and where its workbook is.
type sendItem struct {
	report     notify.Report
	submission int64             // the current submission the mail is about
	workbook   string            // the unit's 退回 workbook, "" for a receipt without one
	sent       *merge.MailRecord // the mail that already went out this cycle, if any
	// findings reads report.Findings (the unit's own and the county rules
	// about it) when the mail is made.
	findings func() ([]checks.Finding, error)
}

// sendPlan is what a send does, worked out before anything is sent.
type sendPlan struct {
	cycle     string
	dir       string     // OUT/<cycle>
	items     []sendItem // mails to send or write, in roster order
	skipped   []sendItem // already sent this cycle (without --resend)
	noAddress []sendItem // no e-mail address on the roster
	unknown   []string   // 退回 workbooks of files whose unit is not on the roster
}

// planSend reads the cycle and the roster and lists the mails to send:
// one 退回 mail per unit whose current submission is 退回修改 or 无法读取
// with a 退回 workbook, and with --receipts one receipt per unit that
// passed. --only restricts it to the units named.
func planSend(ctx context.Context, store *merge.Store, opt sendOptions) (*sendPlan, error) {
	county, err := store.County(ctx, opt.Cycle)
	if err != nil {
		return nil, err
	}
	roster, err := store.Roster(ctx)
	if err != nil {
		return nil, fmt.Errorf("读取名册失败: %w", err)
	}
	mails, err := store.MailsByUnit(ctx, county.Cycle)
	if err != nil {
		return nil, fmt.Errorf("读取发送记录失败: %w", err)
	}
	only, err := selectUnits(roster, opt.Only)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]importer.RosterUnit, len(roster))
	for _, u := range roster {
		byCode[u.Code] = u
	}
	p := &sendPlan{cycle: county.Cycle, dir: filepath.Join(opt.Out, county.Cycle)}
	for i, u := range county.Units {
		if u.Current == nil || (only != nil && !only[u.Code]) {
			continue
		}
		own, cf, err := county.UnitFindings(ctx, i)
		if err != nil {
			return nil, err
		}
		needed := needsReturn(own, cf)
		switch {
		case (u.Status == merge.StatusReturned || u.Status == merge.StatusUnreadable) && needed:
		case u.Status == merge.StatusPassed && opt.Receipts:
		default:
			continue
		}
		it := sendItem{submission: u.Current.ID, report: notify.Report{Unit: u.Name, Code: u.Code,
			Contact: byCode[u.Code].Contact, Address: strings.TrimSpace(byCode[u.Code].Email), Cycle: county.Cycle,
			Status: u.Status, File: u.Current.FileName}}
		// Read again when the mail is made, so the plan holds no findings.
		it.findings = func() ([]checks.Finding, error) {
			own, cf, err := county.UnitFindings(ctx, i)
			return append(append([]checks.Finding{}, own...), cf...), err
		}
		if needed {
			it.workbook = returnWorkbook(p.dir, u.Name)
		}
		if m, ok := mails[u.Code]; ok {
			it.sent = m.Sent
		}
		switch {
		case it.report.Address == "":
			p.noAddress = append(p.noAddress, it)
		case it.sent != nil && !opt.Resend:
			p.skipped = append(p.skipped, it)
		default:
			p.items = append(p.items, it)
		}
	}
	if only == nil {
		for _, s := range county.Unknown {
			name := reports.SafeFileName(trimExt(s.FileName)) + "_校验结果.xlsx"
			p.unknown = append(p.unknown, filepath.Join(p.dir, returnDir, "未识别单位", name))
		}
	}
	return p, nil
}

// returnWorkbook is where "lianfang run" writes a unit's 退回 workbook.
func returnWorkbook(dir, unit string) string {
	return filepath.Join(dir, returnDir, reports.SafeFileName(unit)+"_校验结果.xlsx")
}

// selectUnits resolves --only: each value a roster unit's code, name or
// alias. It returns nil when no unit was named.
func selectUnits(roster []importer.RosterUnit, names []string) (map[string]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	sel := make(map[string]bool)
	for _, n := range names {
		found := false
		for _, u := range roster {
			if strings.EqualFold(u.Code, n) || u.Name == n || contains(u.Aliases, n) {
				sel[u.Code], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("--only %q 不是名册中的单位(写单位名称或单位代码)", n)
		}
	}
	return sel, nil
}
