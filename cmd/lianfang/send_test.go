package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lianfang/merge"
	"lianfang/notify"
	"lianfang/notify/smtptest"
	"lianfang/reports"
)

// checkReturnMail checks one received or written 退回 mail against the
// county: subject, body and the attachment's bytes and names.
func checkReturnMail(t *testing.T, c *sendCounty, name, status, deadline string, data []byte) *smtptest.Parsed {
	t.Helper()
	p, err := smtptest.Parse(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if want := "【职权目录初审】" + name + " " + sendCycle + " " + status; p.Subject != want {
		t.Errorf("subject %q, want %q", p.Subject, want)
	}
	for _, part := range []string{name + ":", "结论:" + status, "问题统计:\n  ", "出现最多的问题:\n  1. ", "于" + deadline + "前重新报送"} {
		if !strings.Contains(p.Body, part) {
			t.Errorf("%s: body lacks %q:\n%s", name, part, p.Body)
		}
	}
	workbook := filepath.Join(c.out, sendCycle, returnDir, reports.SafeFileName(name)+"_校验结果.xlsx")
	want, err := os.ReadFile(workbook)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Base(workbook)
	if len(p.Files) != 1 {
		t.Fatalf("%s: %d attachments", name, len(p.Files))
	}
	f := p.Files[0]
	if !bytes.Equal(f.Data, want) || f.ContentType != notify.XLSXType || f.Name != file || f.Name2047 != file || f.Filename2047 != file {
		t.Errorf("%s: attachment %s %q/%q/%q of %d bytes, want the %d bytes of %s", name, f.ContentType, f.Name, f.Name2047,
			f.Filename2047, len(f.Data), len(want), file)
	}
	return p
}

func TestSendMails(t *testing.T) {
	c := newSendCounty(t)
	returned := c.returned(t)
	code, out, errs := c.send(t)
	if code != exitOK {
		t.Fatalf("send: exit %d\n%s\n%s", code, out, errs)
	}
	got := c.srv.Messages()
	seen := map[string]bool{}
	for _, m := range got {
		name := c.unitOf(m.To[0])
		if len(m.To) != 1 || returned[name] == "" || seen[name] || m.From != "jcs@example.edu.cn" {
			t.Errorf("unexpected mail from %s to %v (%s)", m.From, m.To, name)
			continue
		}
		seen[name] = true
		p := checkReturnMail(t, c, name, returned[name], "12月4日(星期五)", m.Data)
		if rec := c.mails(t)[c.codes[name]]; rec.Last.Result != merge.MailSent || "<"+rec.Last.MessageID+">" != p.Header.Get("Message-Id") {
			t.Errorf("%s recorded %+v, message id %s", name, rec.Last, p.Header.Get("Message-Id"))
		}
	}
	if len(seen) != len(returned) {
		t.Errorf("mailed %v, want %v", seen, returned)
	}
	_, status, _ := cli(t, "status", "--db", c.db)
	for _, line := range strings.Split(status, "\n") {
		for name := range c.codes {
			if strings.Contains(line, " "+name+" ") && strings.HasSuffix(strings.TrimSpace(line), "已发送") != (returned[name] != "") {
				t.Errorf("status line %q", line)
			}
		}
	}

	steps := []struct {
		name string
		args []string
		new  int    // messages the server gets
		out  string // part of stdout
	}{
		{"second send sends nothing", nil, 0, "本周期已经发送过、这次没有再发的单位"},
		{"receipts for the unit that passed", []string{"--receipts"}, 1, "【职权目录初审】城关幼儿园 2026-W48 通过"},
		{"resend one unit", []string{"--resend", "--only", "城关教管中心"}, 1, "已发送  城关教管中心"},
		{"resend by code as argument", []string{"--resend", c.codes["城关中学"]}, 1, "已发送  城关中学"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := len(c.srv.Messages())
			code, out, errs := c.send(t, st.args...)
			if code != exitOK || !strings.Contains(out, st.out) || len(c.srv.Messages())-before != st.new {
				t.Errorf("exit %d, %d new messages, want %d\n%s\n%s", code, len(c.srv.Messages())-before, st.new, out, errs)
			}
		})
	}
	receipt, err := smtptest.Parse(c.srv.Messages()[len(got)].Data)
	if err != nil || len(receipt.Files) != 0 || !strings.Contains(receipt.Body, "结论:通过") {
		t.Errorf("receipt %+v, %v", receipt, err)
	}
}

func TestSendRefusedRecipient(t *testing.T) {
	c := newSendCounty(t)
	returned := c.returned(t)
	victim := "城关教管中心"
	c.srv.Refuse(c.emails[victim])
	code, out, _ := c.send(t)
	if code != exitFindings || !strings.Contains(out, "发送失败 "+victim) || !strings.Contains(out, "发送失败 1 封") {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if n := len(c.srv.Messages()); n != len(returned)-1 {
		t.Errorf("server got %d messages, want %d", n, len(returned)-1)
	}
	mails := c.mails(t)
	for name := range returned {
		want := merge.MailSent
		if name == victim {
			want = merge.MailFailed
		}
		if got := mails[c.codes[name]].Last; got.Result != want || (want == merge.MailFailed) != strings.Contains(got.Error, "550") {
			t.Errorf("%s recorded %q (%s), want %q", name, got.Result, got.Error, want)
		}
	}
	_, status, _ := cli(t, "status", "--db", c.db)
	if !regexpLine(status, victim, "发送失败") {
		t.Errorf("status does not show 发送失败 for %s:\n%s", victim, status)
	}
	c.srv.Refuse()
	before := len(c.srv.Messages())
	code, out, _ = c.send(t)
	got := c.srv.Messages()[before:]
	if code != exitOK || len(got) != 1 || !reflect.DeepEqual(got[0].To, []string{c.emails[victim]}) {
		t.Errorf("retry: exit %d, %d messages\n%s", code, len(got), out)
	}
}

// regexpLine reports whether a line of text holds both parts.
func regexpLine(text, a, b string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, a) && strings.Contains(line, b) {
			return true
		}
	}
	return false
}

func TestSendDryRun(t *testing.T) {
	c := newSendCounty(t, "城关教管中心")
	os.Remove(c.config) // a dry run needs no configuration
	returned := c.returned(t)
	code, out, errs := c.send(t, "--dry-run")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	dir := filepath.Join(c.out, sendCycle, mailDir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != len(returned)-1 {
		t.Errorf("%d .eml files, want %d: %v", len(files), len(returned)-1, files)
	}
	for name, status := range returned {
		data, err := os.ReadFile(filepath.Join(dir, reports.SafeFileName(name)+".eml"))
		if name == "城关教管中心" {
			if err == nil {
				t.Error("a draft for the unit without an address")
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		p := checkReturnMail(t, c, name, status, notify.Default().Deadline, data)
		if to := p.Header.Get("To"); !strings.Contains(to, c.emails[name]) || p.Header.Get("X-Unsent") != "1" {
			t.Errorf("%s: To %q, X-Unsent %q", name, to, p.Header.Get("X-Unsent"))
		}
		if !strings.Contains(out, "将发送  "+name+" <"+c.emails[name]+"> 【职权目录初审】") {
			t.Errorf("output does not list %s:\n%s", name, out)
		}
	}
	noAddress := filepath.Join(c.out, sendCycle, returnDir, "城关教管中心_校验结果.xlsx")
	if !strings.Contains(out, "名册中没有邮箱的单位 1 个") || !strings.Contains(out, "城关教管中心(退回修改):"+noAddress) {
		t.Errorf("unit without address not listed with its workbook:\n%s", out)
	}
	if len(c.mails(t)) != 0 || len(c.srv.Messages()) != 0 {
		t.Error("a dry run recorded or sent mail")
	}
}

func TestSendCannotRun(t *testing.T) {
	c := newSendCounty(t)
	tests := []struct {
		name   string
		config string // lianfang.toml to write first; "" keeps it
		args   []string
		err    string
	}{
		{"no database", "", []string{"--db", filepath.Join(c.dir, "none.db")}, "不存在"},
		{"unknown cycle", "", []string{"--cycle", "2025-W01"}, "没有周期 \"2025-W01\""},
		{"unknown unit", "", []string{"--only", "月球小学"}, "\"月球小学\" 不是名册中的单位"},
		{"missing config file", "", []string{"--config", filepath.Join(c.dir, "none.toml")}, "lianfang init"},
		{"no server configured", "[sender]\naddress = \"jcs@example.edu.cn\"\n", nil, "smtp.host"},
		{"password in the file", "[smtp]\nhost = \"127.0.0.1\"\npassword = \"x\"\n", nil, "lianfang.toml:3: smtp.password: 不要把密码"},
		{"password variable unset", "[smtp]\nhost = \"127.0.0.1\"\nuser = \"u\"\npassword_env = \"LIANFANG_TEST_UNSET\"\n[sender]\naddress = \"a@b.cn\"\n",
			nil, "环境变量 LIANFANG_TEST_UNSET 没有设置"},
		{"server not there", "[smtp]\nhost = \"127.0.0.1\"\nport = 1\nsecurity = \"none\"\n[sender]\naddress = \"a@b.cn\"\n", nil, "无法连接邮件服务器"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.config != "" {
				if err := os.WriteFile(c.config, []byte(tc.config), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			code, out, errs := c.send(t, tc.args...)
			if code != exitUsage || !strings.Contains(errs, tc.err) {
				t.Errorf("exit %d, want %d and %q\nstdout: %s\nstderr: %s", code, exitUsage, tc.err, out, errs)
			}
		})
	}
	if len(c.mails(t)) != 0 || len(c.srv.Messages()) != 0 {
		t.Error("mail sent or recorded by a send that could not run")
	}
}
