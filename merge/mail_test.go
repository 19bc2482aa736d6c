package merge_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"lianfang/merge"
)

// mailStore is a store with the test roster and one cycle, 2026-W48.
func mailStore(t *testing.T) *merge.Store {
	t.Helper()
	s := MustOpen(t)
	mustRoster(t, s)
	mustAccept(t, s, input("2026-W48", "实验小学.xlsx", "A01", "a", t0, makeSub("实验小学", standardPowers("实验小学", 1)...)))
	return s
}

func TestRecordMail(t *testing.T) {
	s := mailStore(t)
	ctx := context.Background()
	ok := merge.MailRecord{UnitCode: "A01", Cycle: "2026-W48", Kind: "退回", Address: "a01@example.cn",
		MessageID: "m1@example.cn", Subject: "【职权目录初审】实验小学 2026-W48 退回修改", Attachment: "实验小学_校验结果.xlsx",
		Time: t0.Add(time.Hour), Result: merge.MailSent}
	with := func(f func(*merge.MailRecord)) merge.MailRecord { r := ok; f(&r); return r }
	tests := []struct {
		name    string
		rec     merge.MailRecord
		wantErr bool
		noCycle bool
	}{
		{"sent", ok, false, false},
		{"failed with its error", with(func(r *merge.MailRecord) {
			r.UnitCode, r.Result, r.Error, r.Time = "A02", merge.MailFailed, "550 no such user", t0.Add(2*time.Hour)
		}), false, false},
		{"failed without error", with(func(r *merge.MailRecord) { r.Result = merge.MailFailed }), true, false},
		{"sent with an error", with(func(r *merge.MailRecord) { r.Error = "x" }), true, false},
		{"unknown result", with(func(r *merge.MailRecord) { r.Result = "queued" }), true, false},
		{"no time", with(func(r *merge.MailRecord) { r.Time = time.Time{} }), true, false},
		{"unit not on the roster", with(func(r *merge.MailRecord) { r.UnitCode = "Z99" }), true, false},
		{"unknown kind", with(func(r *merge.MailRecord) { r.Kind = "催报" }), true, false},
		{"unknown cycle", with(func(r *merge.MailRecord) { r.Cycle = "2026-W47" }), true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id, err := s.RecordMail(ctx, tc.rec)
			if (err != nil) != tc.wantErr || (err == nil && id == 0) {
				t.Fatalf("RecordMail = %d, %v; want error %v", id, err, tc.wantErr)
			}
			if tc.noCycle && !errors.Is(err, merge.ErrNoCycle) {
				t.Errorf("error %v is not ErrNoCycle", err)
			}
		})
	}
	all, err := s.Mails(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].UnitCode != "A01" || all[1].UnitCode != "A02" {
		t.Fatalf("Mails = %+v", all)
	}
	got := all[0]
	got.ID = 0
	if !got.Time.Equal(ok.Time) {
		t.Errorf("time %v, want %v", got.Time, ok.Time)
	}
	got.Time = ok.Time
	if got != ok {
		t.Errorf("stored %+v\nwant %+v", got, ok)
	}
}

func TestMailsByUnit(t *testing.T) {
	s := mailStore(t)
	ctx := context.Background()
	attempts := []merge.MailRecord{
		{UnitCode: "A01", Result: merge.MailSent},
		{UnitCode: "A01", Result: merge.MailFailed, Error: "421 try later"}, // a --resend that failed
		{UnitCode: "A02", Result: merge.MailFailed, Error: "550 no such user"},
		{UnitCode: "A02", Result: merge.MailSent},
	}
	for i, r := range attempts {
		r.Cycle, r.Kind, r.Address, r.MessageID, r.Subject = "2026-W48", "退回", "x@example.cn", "m@example.cn", "主题"
		r.Time = t0.Add(time.Duration(i) * time.Minute)
		if _, err := s.RecordMail(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	by, err := s.MailsByUnit(ctx, "2026-W48")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code     string
		last     string
		sent     bool
		attempts int
	}{
		{"A01", merge.MailFailed, true, 2},
		{"A02", merge.MailSent, true, 2},
		{"A03", "", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			u := by[tc.code]
			if u.Last.Result != tc.last || (u.Sent != nil) != tc.sent || u.Attempts != tc.attempts {
				t.Errorf("%s: last %q, sent %v, attempts %d", tc.code, u.Last.Result, u.Sent != nil, u.Attempts)
			}
		})
	}
	if _, err := s.MailsByUnit(ctx, "2025-W01"); !errors.Is(err, merge.ErrNoCycle) {
		t.Errorf("unknown cycle: %v, want ErrNoCycle", err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}
