package notify_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"lianfang/notify"
	"lianfang/notify/smtptest"
)

func TestWriteEMLParsesBack(t *testing.T) {
	cfg := notify.Default()
	cfg.Sender.Address = "jcs@example.edu.cn"
	tests := []struct {
		name, file string
		draft      bool
	}{
		{"short name", "实验小学_校验结果.xlsx", true},
		{"long name in several continuations", "县城关镇第二中心小学附属幼儿园(分园)_校验结果.xlsx", false},
		{"ASCII and symbols", "A&B school 100%_校验结果.xlsx", true},
		{"ASCII only", "A01 report.xlsx", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := report()
			r.Attachment = &notify.Attachment{Name: tc.file, Data: bytes.Repeat([]byte("PK\x03\x04\x00\xff"), 500)}
			m, err := cfg.Compose(r, time.Now())
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := m.WriteEML(&buf, tc.draft); err != nil {
				t.Fatal(err)
			}
			p, err := smtptest.Parse(buf.Bytes())
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if p.Subject != m.Subject || !strings.Contains(p.Body, "问题统计:\n  职权依据:错误 1 条") {
				t.Errorf("subject %q, body:\n%s", p.Subject, p.Body)
			}
			if got := p.Header.Get("Message-Id"); got != "<"+m.MessageID+">" {
				t.Errorf("Message-ID %q, want <%s>", got, m.MessageID)
			}
			if (p.Header.Get("X-Unsent") == "1") != tc.draft {
				t.Errorf("X-Unsent %q for draft %v", p.Header.Get("X-Unsent"), tc.draft)
			}
			if to, err := p.Header.AddressList("To"); err != nil || len(to) != 1 || to[0].Address != "a01@example.edu.cn" || to[0].Name != "实验小学" {
				t.Errorf("To %v, %v", to, err)
			}
			if len(p.Files) != 1 {
				t.Fatalf("%d attachments", len(p.Files))
			}
			f := p.Files[0]
			if f.ContentType != notify.XLSXType || f.Name != tc.file || f.Name2047 != tc.file || f.Filename2047 != tc.file {
				t.Errorf("attachment %s: filename* %q, name %q, filename %q", f.ContentType, f.Name, f.Name2047, f.Filename2047)
			}
			if !bytes.Equal(f.Data, r.Attachment.Data) {
				t.Error("attachment bytes differ")
			}
			checkLines(t, buf.String())
		})
	}
}

// checkLines fails on a line over 998 characters (RFC 5322) or an
// attachment parameter line over 78.
func checkLines(t *testing.T, msg string) {
	t.Helper()
	for _, line := range strings.Split(msg, "\r\n") {
		if len(line) > 998 || (strings.Contains(line, "filename") && len(line) > 78) {
			t.Errorf("line of %d characters: %s", len(line), line)
		}
	}
	if strings.Contains(strings.ReplaceAll(msg, "\r\n", ""), "\n") {
		t.Error("bare LF in the message")
	}
}
