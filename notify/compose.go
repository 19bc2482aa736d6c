package notify

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"

	"lianfang/checks"
)

// Kind is what a mail is: a 退回 mail with the unit's 校验结果 workbook,
// or a short 通过 receipt.
type Kind string

// The kinds of mail, as recorded in the database.
const (
	KindReturn  Kind = "退回"
	KindReceipt Kind = "回执"
)

// The submission statuses a mail is about (the same words as merge's).
const (
	StatusPassed     = "已通过"
	StatusReturned   = "退回修改"
	StatusUnreadable = "无法读取"
)

// Report is what a mail tells one unit about its submission in a cycle.
type Report struct {
	Unit    string // 单位名称
	Code    string // 单位代码
	Contact string // 联系人 from the roster
	Address string // the roster's e-mail; several separated by ; , 、 or space
	Cycle   string
	Status  string // StatusReturned, StatusUnreadable or StatusPassed
	File    string // the file the unit sent
	// Findings are those of the unit's 退回 workbook: its own and the
	// county rules about it.
	Findings []checks.Finding
	// Attachment is the unit's 退回 workbook; nil when it has none (a
	// receipt for a unit without findings).
	Attachment *Attachment
}

// Attachment is a file sent with a mail.
type Attachment struct {
	Name string // file name as the unit sees it, such as 实验小学_校验结果.xlsx
	Data []byte
}

// Mail is one composed message to one unit, ready to be sent or written
// as an .eml file.
type Mail struct {
	Kind       Kind
	Unit, Code string
	Cycle      string
	From       Sender
	To         []string // bare addresses
	Subject    string
	Body       string
	Attachment *Attachment
	MessageID  string // without angle brackets
	Date       time.Time
}

// Compose writes the mail of one report with the configured templates: the
// 退回 template for a returned or unreadable submission, the receipt
// template for one that passed.
func (c *Config) Compose(r Report, now time.Time) (*Mail, error) {
	kind, tpl := KindReturn, c.Templates.Return
	switch r.Status {
	case StatusReturned, StatusUnreadable:
		if r.Attachment == nil {
			return nil, fmt.Errorf("compose %s: 退回邮件没有附件", r.Unit)
		}
	case StatusPassed:
		kind, tpl = KindReceipt, c.Templates.Receipt
	default:
		return nil, fmt.Errorf("compose %s: 状态 %q 不发邮件", r.Unit, r.Status)
	}
	to, err := Addresses(r.Address)
	if err != nil {
		return nil, fmt.Errorf("compose %s: %w", r.Unit, err)
	}
	id, err := messageID(r.Cycle, string(c.Sender.Address))
	if err != nil {
		return nil, fmt.Errorf("compose %s: %w", r.Unit, err)
	}
	values := c.values(r)
	return &Mail{Kind: kind, Unit: r.Unit, Code: r.Code, Cycle: r.Cycle, From: c.Sender, To: to,
		Subject: strings.TrimSpace(render(tpl.Subject, values)), Body: render(tpl.Body, values),
		Attachment: r.Attachment, MessageID: id, Date: now}, nil
}

// Addresses splits a roster's e-mail cell into bare addresses: several
// may be separated by semicolons or commas (half or full width), 、 or
// spaces. It fails on an
// empty cell or on anything that is not an address.
func Addresses(cell string) ([]string, error) {
	fields := strings.FieldsFunc(cell, func(r rune) bool {
		return r == ';' || r == ',' || r == '\uFF1B' || r == '\uFF0C' || r == '、' || unicode.IsSpace(r)
	})
	if len(fields) == 0 {
		return nil, errors.New("名册中没有邮箱")
	}
	for _, f := range fields {
		if a, err := mail.ParseAddress(f); err != nil || a.Address != f {
			return nil, fmt.Errorf("名册中的邮箱 %q 不是有效的邮箱地址", f)
		}
	}
	return fields, nil
}

// values are the placeholders' texts for one report.
func (c *Config) values(r Report) map[string]string {
	counts := map[checks.Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	conclusion := r.Status
	if r.Status == StatusPassed {
		conclusion = "通过"
	}
	attachment := "无"
	if r.Attachment != nil {
		attachment = r.Attachment.Name
	}
	return map[string]string{
		"单位": r.Unit, "联系人": r.Contact, "周期": r.Cycle, "结论": conclusion, "期限": c.Deadline,
		"附件": attachment, "文件": r.File, "发件人": c.Sender.Name,
		"问题统计": CategoryCounts(r.Findings), "常见问题": CommonProblems(r.Findings, 3),
		"错误": fmt.Sprint(counts[checks.Error]), "警告": fmt.Sprint(counts[checks.Warning]),
		"提示": fmt.Sprint(counts[checks.Info]),
	}
}

// render replaces the placeholders of t by their values.
func render(t Text, values map[string]string) string {
	pairs := make([]string, 0, 2*len(values))
	for k, v := range values {
		pairs = append(pairs, "{"+k+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(string(t))
}

// Placeholders are the names a template may write in braces, with what
// each stands for, in the order the example configuration lists them.
var Placeholders = []struct{ Name, Meaning string }{
	{"单位", "单位名称"},
	{"联系人", "名册中的联系人"},
	{"周期", "汇总周期,如 2026-W48"},
	{"结论", "退回修改、无法读取或通过"},
	{"期限", "重新报送的期限(deadline 的值)"},
	{"文件", "单位报送的文件名"},
	{"附件", "附件(校验结果工作簿)的文件名"},
	{"问题统计", "按类别列出的错误、警告、提示条数(多行)"},
	{"常见问题", "出现最多的三类问题及修改建议(多行)"},
	{"错误", "错误条数"},
	{"警告", "警告条数"},
	{"提示", "提示条数"},
	{"发件人", "发件人名称"},
}

var placeholderIndex = func() map[string]int {
	m := make(map[string]int, len(Placeholders))
	for i, p := range Placeholders {
		m[p.Name] = i
	}
	return m
}()

func placeholderList() string {
	names := make([]string, len(Placeholders))
	for i, p := range Placeholders {
		names[i] = "{" + p.Name + "}"
	}
	return strings.Join(names, " ")
}

// messageID returns a new globally unique Message-ID (without angle
// brackets) in the sender's domain: lianfang.<cycle>.<random>@<domain>.
func messageID(cycle, sender string) (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("message id: %w", err)
	}
	domain := "lianfang.invalid"
	if _, d, ok := strings.Cut(sender, "@"); ok && d != "" {
		domain = d
	}
	safe := strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return r
		}
		return -1
	}, cycle)
	return "lianfang." + safe + "." + hex.EncodeToString(b[:]) + "@" + domain, nil
}
