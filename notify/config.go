package notify

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// ConfigFile is the name of the configuration file that the commands look
// for beside the database.
const ConfigFile = "lianfang.toml"

// Config is lianfang.toml: where the database, the reports and the word
// lists are, the mail server, the sender, the resubmission deadline and the
// mail templates. The SMTP password is never in it: SMTP.PasswordEnv names
// the environment variable that holds it.
type Config struct {
	// Path is the file the configuration was read from, "" for Default.
	Path string `toml:"-"`
	// DB, Out and Lexicon are the database file, the output folder and the
	// word-list folder ("" for the built-in lists). Load resolves relative
	// paths against the configuration file's folder.
	DB        string    `toml:"db"`
	Out       string    `toml:"out"`
	Lexicon   string    `toml:"lexicon"`
	Deadline  string    `toml:"deadline"` // 重新报送期限, such as 下周五
	SMTP      SMTP      `toml:"smtp"`
	Sender    Sender    `toml:"sender"`
	Templates Templates `toml:"templates"`
}

// SMTP is the mail server section.
type SMTP struct {
	Host           string   `toml:"host"`
	Port           int      `toml:"port"` // 0: the usual port of Security
	Security       Security `toml:"security"`
	User           string   `toml:"user"`         // "" for a server without login
	PasswordEnv    string   `toml:"password_env"` // the environment variable holding the password
	TimeoutSeconds int      `toml:"timeout_seconds"`
}

// Sender is who the mails come from.
type Sender struct {
	Name    string  `toml:"name"`
	Address Address `toml:"address"`
}

// Templates are the two mails: the 退回 mail and the 通过 receipt.
type Templates struct {
	Return  Template `toml:"return"`
	Receipt Template `toml:"receipt"`
}

// Template is a mail's subject and body with {占位符} placeholders.
type Template struct {
	Subject Text `toml:"subject"`
	Body    Text `toml:"body"`
}

// Example is the commented example configuration that "lianfang init"
// writes. Its values are the defaults (Default).
//
//go:embed lianfang.example.toml
var Example []byte

// defaults is Example decoded once.
var defaults = func() Config {
	var c Config
	if _, err := toml.Decode(string(Example), &c); err != nil {
		panic("notify: example configuration: " + err.Error())
	}
	return c
}()

// Default returns the configuration used when there is no file: the
// values of Example.
func Default() *Config {
	c := defaults
	return &c
}

// Load reads and checks the configuration file at path. Keys it does not
// set keep their Default value; relative paths are resolved against the
// file's folder. Problems are *ConfigError values with the line.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读取配置文件 %s: %w", path, err)
	}
	c, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	for _, p := range []*string{&c.DB, &c.Out, &c.Lexicon} {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(dir, *p)
		}
	}
	return c, nil
}

// Parse parses a configuration from data; name is the file name used in
// errors. Paths are left as written.
func Parse(name string, data []byte) (*Config, error) {
	c := Default()
	c.Path = name
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &ConfigError{File: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: parseMessage(pe)}
		}
		return nil, &ConfigError{File: name, Msg: err.Error()}
	}
	for _, k := range md.Undecoded() {
		e := &ConfigError{File: name, Line: keyLine(data, k), Key: k.String(), Msg: "未知的设置项,请检查拼写"}
		if last := k[len(k)-1]; strings.Contains(strings.ToLower(last), "password") || last == "pass" {
			e.Msg = "不要把密码写在配置文件里:请把密码放在环境变量中,并在 [smtp] 的 password_env 写上变量名"
		}
		return nil, e
	}
	if err := c.check(data); err != nil {
		return nil, err
	}
	return c, nil
}

// parseMessage words a TOML syntax or type error.
func parseMessage(pe toml.ParseError) string {
	return "TOML 格式错误:" + pe.Message
}

// check verifies the values: the security mode, the sender's address, the
// templates' placeholders, numbers in range, and a login that names its
// password variable. Each problem is reported at its key's line.
func (c *Config) check(data []byte) error {
	type problem struct {
		bad bool
		msg string
		key []string
	}
	security := fmt.Sprintf("%q 不是有效的加密方式,应为 ssl、starttls 或 none", string(c.SMTP.Security))
	problems := []problem{
		{!c.SMTP.Security.valid(), security, []string{"smtp", "security"}},
		{c.SMTP.Port < 0 || c.SMTP.Port > 65535, "端口应在 1 到 65535 之间", []string{"smtp", "port"}},
		{c.SMTP.TimeoutSeconds < 0, "超时秒数不能为负数", []string{"smtp", "timeout_seconds"}},
		{c.SMTP.User != "" && c.SMTP.PasswordEnv == "", "填写了 user 时,password_env 要写上存放密码的环境变量名", []string{"smtp", "password_env"}},
		{checkAddress(c.Sender.Address) != "", checkAddress(c.Sender.Address), []string{"sender", "address"}},
	}
	for _, t := range []struct {
		name string
		tpl  Template
	}{{"return", c.Templates.Return}, {"receipt", c.Templates.Receipt}} {
		problems = append(problems,
			problem{checkText(t.tpl.Subject) != "", checkText(t.tpl.Subject), []string{"templates", t.name, "subject"}},
			problem{strings.ContainsAny(string(t.tpl.Subject), "\r\n"), "邮件主题只能有一行", []string{"templates", t.name, "subject"}},
			problem{checkText(t.tpl.Body) != "", checkText(t.tpl.Body), []string{"templates", t.name, "body"}})
	}
	for _, p := range problems {
		if p.bad {
			return &ConfigError{File: c.Path, Line: keyLine(data, p.key), Key: strings.Join(p.key, "."), Msg: p.msg}
		}
	}
	return nil
}

// CheckSending reports what is missing before mail can be sent: the
// server, the sender's address, and the password when the server needs a
// login. getenv is os.Getenv outside tests. It returns the password.
func (c *Config) CheckSending(getenv func(string) string) (string, error) {
	where := c.Path
	if where == "" {
		where = ConfigFile
	}
	switch {
	case c.SMTP.Host == "":
		return "", &ConfigError{File: where, Key: "smtp.host", Msg: "没有填写邮件服务器(运行 lianfang init 写出配置文件样例)"}
	case c.Sender.Address == "":
		return "", &ConfigError{File: where, Key: "sender.address", Msg: "没有填写发件人邮箱"}
	case c.SMTP.User == "":
		return "", nil
	}
	pw := getenv(c.SMTP.PasswordEnv)
	if pw == "" {
		return "", &ConfigError{File: where, Key: "smtp.password_env",
			Msg: fmt.Sprintf("环境变量 %s 没有设置:请先设置邮箱密码(或授权码),如 export %s=…", c.SMTP.PasswordEnv, c.SMTP.PasswordEnv)}
	}
	return pw, nil
}

// port returns the configured port, or the usual one of the security mode.
func (s SMTP) port() int {
	if s.Port != 0 {
		return s.Port
	}
	switch s.Security {
	case SecuritySTARTTLS:
		return 587
	case SecurityNone:
		return 25
	}
	return 465
}
