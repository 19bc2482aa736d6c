package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"lianfang/merge"
	"lianfang/notify/smtptest"
	"lianfang/samples"
)

// sendCycle is the cycle of the test counties.
const sendCycle = "2026-W48"

// sendCounty is a generated sample county after "lianfang run", with a
// lianfang.toml beside its database that points at a loopback SMTP server.
type sendCounty struct {
	dir, db, out, config string
	srv                  *smtptest.Server
	emails               map[string]string // unit name → the roster's e-mail
	codes                map[string]string // unit name → code
}

// newSendCounty builds the county with the real pipeline: samples.Generate,
// roster import and run, all in-process. noEmail names units whose e-mail
// is blanked in the roster before it is imported.
func newSendCounty(t *testing.T, noEmail ...string) *sendCounty {
	t.Helper()
	dir := t.TempDir()
	c := &sendCounty{dir: dir, db: filepath.Join(dir, "lianfang.db"), out: filepath.Join(dir, "out"),
		config: filepath.Join(dir, "lianfang.toml"), emails: map[string]string{}, codes: map[string]string{}}
	county := filepath.Join(dir, "county")
	if err := samples.Generate(county, samples.Options{Units: 6, Rows: 10, DefectRate: 0.5, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	roster := filepath.Join(county, "roster.csv")
	c.editRoster(t, roster, noEmail)
	for _, args := range [][]string{
		{"roster", "import", roster, "--db", c.db},
		{"run", filepath.Join(county, "inbox"), "--db", c.db, "--out", c.out, "--cycle", sendCycle, "--quiet"},
	} {
		if code, out, errs := cli(t, args...); code != exitOK {
			t.Fatalf("lianfang %v: exit %d\n%s\n%s", args, code, out, errs)
		}
	}
	c.srv = smtptest.Start(t, smtptest.Options{})
	toml := fmt.Sprintf("deadline = \"12月4日(星期五)\"\n\n[smtp]\nhost = %q\nport = %d\nsecurity = \"none\"\ntimeout_seconds = 5\n\n"+
		"[sender]\nname = \"县教育局监察室\"\naddress = \"jcs@example.edu.cn\"\n", c.srv.Host, c.srv.Port)
	if err := os.WriteFile(c.config, []byte(toml), 0o600); err != nil {
		t.Fatal(err)
	}
	return c
}

// editRoster blanks the e-mail of the named units and notes every unit's
// code and e-mail.
func (c *sendCounty) editRoster(t *testing.T, path string, noEmail []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records[1:] {
		if contains(noEmail, r[1]) {
			r[6] = ""
		}
		c.codes[r[1]], c.emails[r[1]] = r[0], r[6]
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	if err := csv.NewWriter(&buf).WriteAll(records); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// send runs "lianfang send" on the county's database.
func (c *sendCounty) send(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return cli(t, append([]string{"send", "--db", c.db, "--out", c.out}, args...)...)
}

// statuses returns the roster units' statuses in the cycle, by name.
func (c *sendCounty) statuses(t *testing.T) map[string]string {
	t.Helper()
	s := c.open(t)
	units, err := s.Status(context.Background(), sendCycle)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, u := range units {
		if u.Code != "" {
			out[u.Name] = u.Status
		}
	}
	return out
}

// returned lists the units that get a 退回 mail: 退回修改 or 无法读取.
func (c *sendCounty) returned(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for name, st := range c.statuses(t) {
		if st == merge.StatusReturned || st == merge.StatusUnreadable {
			out[name] = st
		}
	}
	if len(out) < 3 {
		t.Fatalf("the sample county returns only %v", out)
	}
	return out
}

// mails reads the mail records of the cycle, by unit code.
func (c *sendCounty) mails(t *testing.T) map[string]merge.UnitMails {
	t.Helper()
	m, err := c.open(t).MailsByUnit(context.Background(), sendCycle)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func (c *sendCounty) open(t *testing.T) *merge.Store {
	t.Helper()
	s, err := merge.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// unitOf returns the unit whose roster e-mail is addr.
func (c *sendCounty) unitOf(addr string) string {
	for name, a := range c.emails {
		if a == addr {
			return name
		}
	}
	return ""
}
