package reports

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"lianfang/checks"
	"lianfang/merge"
)

// benchCounty makes a county of n units, each with findings; one unit in
// three has errors, the others pass and bring rowsPerUnit ledger rows.
func benchCounty(n, rowsPerUnit int) (*merge.County, *merge.Diff) {
	c := merge.County{Cycle: "2026-W48", Previous: "2026-W47"}
	var content merge.CountyContent
	var ledger []merge.LedgerRow
	d := &merge.Diff{From: "2026-W47", To: "2026-W48"}
	failing := []string{"N02", "B02", "D03", "R02", "R03", "C01"}
	passing := []string{"N03", "N07", "B04", "B05", "D06", "R04", "R07"}
	grades := []string{"高", "中", "低"}
	for i := 0; i < n; i++ {
		code, name := fmt.Sprintf("U%03d", i+1), fmt.Sprintf("第%d小学", i+1)
		u := merge.UnitStatus{Code: code, Name: name, Type: "小学", Status: merge.StatusPassed,
			Current: &merge.Submission{Path: "收件/" + name + ".xlsx", Received: time.Date(2026, 11, 23, 9, i%60, 0, 0, time.UTC)}}
		var fs []checks.Finding
		for k := 0; k < 3+i%7; k++ {
			rule := passing[(i+k)%len(passing)]
			if i%3 == 0 {
				rule = failing[(i+k)%len(failing)]
			}
			r, _ := checks.RuleByID(rule)
			fd := checks.Finding{Unit: name, Sheet: "职权目录", Row: 4 + k, Col: "K", Rule: rule, Severity: r.Severity, Message: r.Text}
			fs = append(fs, fd)
			switch fd.Severity {
			case checks.Error:
				u.Errors++
			case checks.Warning:
				u.Warnings++
			default:
				u.Infos++
			}
			if k == 0 {
				d.NewFindings = append(d.NewFindings, fd)
			}
		}
		if u.Errors > 0 {
			u.Status = merge.StatusReturned
		} else {
			for k := 0; k < rowsPerUnit; k++ {
				ledger = append(ledger, merge.LedgerRow{UnitCode: code, Unit: name, Seq: fmt.Sprint(k/2 + 1), Risk: k%2 + 1,
					Level: "单位职权", Kind: "外部职权", Name: fmt.Sprintf("职权事项审核%d", k/2+1), Basis: "《中华人民共和国教育法》第二十九条",
					Dept: "教导处", Scope: "面向社会", Form: "校务公开栏", Source: "因受人情干扰", Point: "放宽审核条件",
					Harm: "损害教育公平", Grade: grades[k%3], Measures: "结果在校务公开栏公示", Owner: "校长"})
			}
			d.NewlyPassing = append(d.NewlyPassing, merge.UnitChange{Code: code, Name: name, From: merge.StatusReturned, To: merge.StatusPassed})
		}
		c.Units = append(c.Units, u)
		content.Findings = append(content.Findings, fs)
	}
	c.Ledger = merge.LedgerOf(c.Cycle, ledger)
	return merge.NewCounty(c, content), d
}

func BenchmarkCounty(b *testing.B) {
	c, d := benchCounty(300, 40)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCounty(ctx, io.Discard, c, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Ledger.Rows), "ledger-rows")
}

func BenchmarkWriteLedger60k(b *testing.B) {
	c, _ := benchCounty(1500, 60)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteLedger(ctx, io.Discard, "2026-W48", c.Ledger); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.Ledger.Rows), "rows")
}
