package notify

import (
	"bufio"
	"bytes"
	"fmt"
	"net/mail"
	"strings"

	"github.com/BurntSushi/toml"
)

// ConfigError is a problem in a configuration file, with where it is.
type ConfigError struct {
	File string
	Line int    // 1-based; 0 when the problem is not on one line
	Key  string // the setting, such as smtp.security; "" for the syntax
	Msg  string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Security is how the connection to the mail server is protected.
type Security string

// The security modes of [smtp] security.
const (
	SecuritySSL      Security = "ssl"      // TLS from the start (usually port 465)
	SecuritySTARTTLS Security = "starttls" // plain, then STARTTLS, required (usually 587)
	SecurityNone     Security = "none"     // no encryption: only for a server on the local network
)

// UnmarshalText reads a security mode in any case; "tls" is ssl. Unknown
// values are kept and reported by the configuration check, with the line.
func (s *Security) UnmarshalText(b []byte) error {
	v := Security(strings.ToLower(strings.TrimSpace(string(b))))
	if v == "tls" {
		v = SecuritySSL
	}
	*s = v
	return nil
}

func (s Security) valid() bool {
	return s == SecuritySSL || s == SecuritySTARTTLS || s == SecurityNone
}

// Address is one bare e-mail address, such as jcs@example.edu.cn.
type Address string

// checkAddress reports why a is not one bare address; "" is allowed.
func checkAddress(a Address) string {
	if a == "" {
		return ""
	}
	if p, err := mail.ParseAddress(string(a)); err != nil || p.Address != string(a) {
		return fmt.Sprintf("%q 不是有效的邮箱地址(只写地址,如 jcs@example.edu.cn)", string(a))
	}
	return ""
}

// Text is a template: text with {占位符} placeholders (Placeholders).
type Text string

// checkText reports the first unknown placeholder of t, or "".
func checkText(t Text) string {
	for _, name := range placeholdersIn(string(t)) {
		if _, ok := placeholderIndex[name]; !ok {
			return fmt.Sprintf("未知的占位符 {%s};可用的占位符:%s", name, placeholderList())
		}
	}
	return ""
}

// placeholdersIn returns the names written in braces in s: {单位} gives
// 单位. A brace pair holding space or more than 12 characters is not a
// placeholder but text.
func placeholdersIn(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		s = s[i+1:]
		j := strings.IndexByte(s, '}')
		if j < 0 {
			return out
		}
		name := s[:j]
		if name != "" && len([]rune(name)) <= 12 && !strings.ContainsAny(name, " \t\r\n{") {
			out = append(out, name)
			s = s[j+1:]
		}
	}
}

// keyLine finds the line where key is set in a TOML file: under its
// [table] header, a line starting with the last part of the key; or the
// header line of a table. It returns 0 when the key is not written there
// in a simple form (inline or dotted keys).
func keyLine(data []byte, key toml.Key) int {
	if len(key) == 0 {
		return 0
	}
	table, name := strings.Join(key[:len(key)-1], "."), key[len(key)-1]
	current := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			current = strings.Trim(strings.ReplaceAll(line, " ", ""), "[]")
			if current == strings.Join(key, ".") {
				return n
			}
			continue
		}
		if current != table {
			continue
		}
		if rest, ok := strings.CutPrefix(line, name); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return n
		}
	}
	return 0
}
