package notify

import (
	"context"
	"strings"
	"testing"
	"time"

	"lianfang/notify/smtptest"
)

// testMail composes a 退回 mail to addr.
func testMail(t *testing.T, cfg *Config, unit, addr string) *Mail {
	t.Helper()
	m, err := cfg.Compose(Report{Unit: unit, Code: unit, Address: addr, Cycle: "2026-W48", Status: StatusReturned,
		File: unit + ".xlsx", Attachment: &Attachment{Name: unit + "_校验结果.xlsx", Data: []byte("PK\x03\x04" + unit)}}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// serverConfig is the configuration of a loopback test server.
func serverConfig(srv *smtptest.Server, security Security) *Config {
	cfg := Default()
	cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Security, cfg.SMTP.TimeoutSeconds = srv.Host, srv.Port, security, 5
	cfg.Sender.Address = "jcs@example.edu.cn"
	return cfg
}

func TestMailerGoesOnAfterARefusal(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{})
	srv.Refuse("b@example.edu.cn")
	cfg := serverConfig(srv, SecurityNone)
	m, err := NewMailer(cfg.SMTP, "")
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	ctx := context.Background()
	tests := []struct {
		unit, addr string
		err        string
	}{
		{"甲小学", "a@example.edu.cn", ""},
		{"乙小学", "b@example.edu.cn", "收件地址被邮件服务器拒收"},
		{"丙小学", "c@example.edu.cn", ""},
	}
	for _, tc := range tests {
		t.Run(tc.unit, func(t *testing.T) {
			err := m.Send(ctx, testMail(t, cfg, tc.unit, tc.addr))
			if (err == nil) != (tc.err == "") || (err != nil && !(strings.Contains(err.Error(), tc.err) && strings.Contains(err.Error(), "550"))) {
				t.Errorf("Send = %v, want %q", err, tc.err)
			}
		})
	}
	got := srv.Messages()
	if len(got) != 2 || got[0].To[0] != "a@example.edu.cn" || got[1].To[0] != "c@example.edu.cn" || got[0].From != "jcs@example.edu.cn" {
		t.Errorf("server received %+v", got)
	}
}

func TestMailerSTARTTLSLogin(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{TLS: true, User: "jcs", Password: "授权码"})
	cfg := serverConfig(srv, SecuritySTARTTLS)
	cfg.SMTP.User = "jcs"
	ctx := context.Background()
	for _, tc := range []struct {
		name, password string
		ok             bool
	}{{"right password", "授权码", true}, {"wrong password", "x", false}} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := newMailer(cfg.SMTP, tc.password, srv.Client)
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			err = m.Connect(ctx)
			if (err == nil) != tc.ok {
				t.Fatalf("Connect = %v", err)
			}
			if tc.ok {
				if err := m.Send(ctx, testMail(t, cfg, "甲小学", "a@example.edu.cn")); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("server received %d messages, want 1", n)
	}
}

func TestMailerNeverSendsAPasswordInClear(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{InsecureAuth: true, User: "jcs", Password: "授权码"})
	cfg := serverConfig(srv, SecurityNone)
	cfg.SMTP.User = "jcs"
	m, err := NewMailer(cfg.SMTP, "授权码")
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.Connect(context.Background()); err == nil {
		t.Error("logged in with PLAIN over an unencrypted connection")
	}
}

func TestMailerWithoutServer(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{})
	cfg := serverConfig(srv, SecuritySTARTTLS) // the server offers no STARTTLS
	m, err := NewMailer(cfg.SMTP, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Connect(context.Background()); err == nil || !strings.Contains(err.Error(), "无法连接邮件服务器 127.0.0.1") {
		t.Errorf("Connect without STARTTLS = %v", err)
	}
	if _, err := NewMailer(SMTP{Security: SecurityNone}, ""); err == nil {
		t.Error("mailer without host")
	}
}
