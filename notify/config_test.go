package notify_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lianfang/notify"
)

func TestExampleIsDefault(t *testing.T) {
	c, err := notify.Parse("lianfang.toml", notify.Example)
	if err != nil {
		t.Fatal(err)
	}
	c.Path = ""
	if !reflect.DeepEqual(c, notify.Default()) {
		t.Errorf("example parses to %+v\nwant the defaults %+v", c, notify.Default())
	}
	for _, p := range notify.Placeholders {
		if !strings.Contains(string(notify.Example), "{"+p.Name+"}") {
			t.Errorf("example does not document placeholder {%s}", p.Name)
		}
	}
	if strings.Contains(string(notify.Example), "password =") {
		t.Error("example holds a password key")
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		toml  string
		check func(*notify.Config) bool
		line  int    // of the expected error; 0 for none
		msg   string // part of the expected error
	}{
		{"empty file keeps the defaults", "", func(c *notify.Config) bool {
			return c.DB == "lianfang.db" && c.SMTP.Security == notify.SecuritySSL && c.Deadline == "下周五"
		}, 0, ""},
		{"server and sender", "deadline = \"12月4日\"\n[smtp]\nhost = \"smtp.example.edu.cn\"\nport = 587\nsecurity = \"STARTTLS\"\nuser = \"jcs@example.edu.cn\"\n[sender]\naddress = \"jcs@example.edu.cn\"\n",
			func(c *notify.Config) bool {
				return c.SMTP.Host == "smtp.example.edu.cn" && c.SMTP.Port == 587 && c.SMTP.Security == notify.SecuritySTARTTLS &&
					c.Sender.Address == "jcs@example.edu.cn" && c.Sender.Name == "县教育局监察室" && c.Deadline == "12月4日"
			}, 0, ""},
		{"template placeholders", "[templates.return]\nsubject = \"{单位}:{结论}\"\n", func(c *notify.Config) bool {
			return c.Templates.Return.Subject == "{单位}:{结论}" && strings.Contains(string(c.Templates.Return.Body), "{常见问题}")
		}, 0, ""},
		{"braces that are not a placeholder", "[templates.receipt]\nbody = \"见 { 附表 } 与 {}\"\n", nil, 0, ""},
		{"bad security", "[smtp]\nhost = \"h\"\nsecurity = \"tls1.3\"\n", nil, 3, "smtp.security: \"tls1.3\" 不是有效的加密方式"},
		{"password in the file", "[smtp]\nuser = \"u\"\npassword = \"secret\"\n", nil, 3, "smtp.password: 不要把密码写在配置文件里"},
		{"misspelt key", "db = \"x.db\"\n\n[sender]\nnmae = \"监察室\"\n", nil, 4, "sender.nmae: 未知的设置项"},
		{"bad sender address", "[sender]\naddress = \"监察室 <jcs@example.edu.cn>\"\n", nil, 2, "不是有效的邮箱地址"},
		{"unknown placeholder", "[templates.return]\nbody = \"\"\"\n{单位}:\n请于{截止日期}前重报\n\"\"\"\n", nil, 2, "未知的占位符 {截止日期}"},
		{"subject on two lines", "[templates.receipt]\nsubject = \"\"\"\n通过\n\"\"\"\n", nil, 2, "邮件主题只能有一行"},
		{"login without password_env", "[smtp]\nuser = \"u\"\npassword_env = \"\"\n", nil, 3, "password_env"},
		{"port out of range", "[smtp]\nport = 70000\n", nil, 2, "端口"},
		{"syntax error", "db = \"x.db\"\nout = \n", nil, 2, "TOML 格式错误"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := notify.Parse("lianfang.toml", []byte(tc.toml))
			if tc.msg == "" {
				if err != nil {
					t.Fatal(err)
				}
				if tc.check != nil && !tc.check(c) {
					t.Errorf("parsed %+v", c)
				}
				return
			}
			var ce *notify.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a ConfigError", err)
			}
			if ce.Line != tc.line || !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "lianfang.toml:") {
				t.Errorf("error %q (line %d), want line %d and %q", err, ce.Line, tc.line, tc.msg)
			}
		})
	}
}

func TestLoadResolvesPaths(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "elsewhere", "out")
	path := filepath.Join(dir, "lianfang.toml")
	body := "db = \"data/county.db\"\nout = \"" + filepath.ToSlash(abs) + "\"\n"
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := notify.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != path || c.DB != filepath.Join(dir, "data", "county.db") || c.Out != abs || c.Lexicon != "" {
		t.Errorf("loaded %q: db %q, out %q, lexicon %q", c.Path, c.DB, c.Out, c.Lexicon)
	}
	if _, err := notify.Load(filepath.Join(dir, "none.toml")); err == nil {
		t.Error("missing file loaded")
	}
}

func TestCheckSending(t *testing.T) {
	env := map[string]string{"LIANFANG_SMTP_PASSWORD": "授权码"}
	getenv := func(k string) string { return env[k] }
	ready := func(f func(c *notify.Config)) *notify.Config {
		c := notify.Default()
		c.SMTP.Host, c.Sender.Address = "smtp.example.edu.cn", "jcs@example.edu.cn"
		f(c)
		return c
	}
	tests := []struct {
		name     string
		cfg      *notify.Config
		password string
		msg      string
	}{
		{"no login", ready(func(*notify.Config) {}), "", ""},
		{"login with the password set", ready(func(c *notify.Config) { c.SMTP.User = "jcs" }), "授权码", ""},
		{"login with the password unset", ready(func(c *notify.Config) { c.SMTP.User, c.SMTP.PasswordEnv = "jcs", "OTHER" }), "", "环境变量 OTHER 没有设置"},
		{"no server", ready(func(c *notify.Config) { c.SMTP.Host = "" }), "", "smtp.host"},
		{"no sender", ready(func(c *notify.Config) { c.Sender.Address = "" }), "", "sender.address"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pw, err := tc.cfg.CheckSending(getenv)
			if pw != tc.password || (err == nil) != (tc.msg == "") || (err != nil && !strings.Contains(err.Error(), tc.msg)) {
				t.Errorf("CheckSending = %q, %v; want %q and %q", pw, err, tc.password, tc.msg)
			}
		})
	}
}
