package notify

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// Mailer sends mails through the configured SMTP server with go-mail. It
// keeps one connection, opened on the first Send and opened anew after a
// failed one, so one refused recipient never affects the next mail.
// A Mailer is not safe for concurrent use.
type Mailer struct {
	client *gomail.Client
	conn   *smtp.Client
}

// NewMailer returns a Mailer for the server of s; password is used when
// s.User is set. With security none a password is never sent in clear:
// only challenge-response logins (CRAM-MD5, SCRAM) are tried.
func NewMailer(s SMTP, password string) (*Mailer, error) {
	return newMailer(s, password, nil)
}

// newMailer is NewMailer with the TLS settings of a test server.
func newMailer(s SMTP, password string, tlsConfig *tls.Config) (*Mailer, error) {
	if s.Host == "" {
		return nil, errors.New("new mailer: no SMTP host")
	}
	timeout := time.Duration(s.TimeoutSeconds) * time.Second
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	opts := []gomail.Option{gomail.WithPort(s.port()), gomail.WithTimeout(timeout)}
	switch s.Security {
	case SecuritySSL:
		opts = append(opts, gomail.WithSSL())
	case SecuritySTARTTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case SecurityNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		return nil, fmt.Errorf("new mailer: security %q", s.Security)
	}
	if tlsConfig != nil {
		opts = append(opts, gomail.WithTLSConfig(tlsConfig))
	}
	if s.User != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.User), gomail.WithPassword(password))
	}
	c, err := gomail.NewClient(s.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("new mailer: %w", err)
	}
	return &Mailer{client: c}, nil
}

// Connect opens the connection to the server now, so that a wrong host,
// port or password is reported before any mail is attempted.
func (m *Mailer) Connect(ctx context.Context) error {
	if m.conn != nil {
		return nil
	}
	conn, err := m.client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fmt.Errorf("无法连接邮件服务器 %s: %w", m.client.ServerAddr(), err)
	}
	m.conn = conn
	return nil
}

// Send sends one mail. The error, if any, says in Chinese what went wrong
// and keeps the server's own reply.
func (m *Mailer) Send(ctx context.Context, mail *Mail) error {
	msg, err := mail.message(false)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := m.Connect(ctx); err != nil {
		return err
	}
	if err := m.client.SendWithSMTPClient(m.conn, msg); err != nil {
		m.drop()
		if msg.IsDelivered() {
			return nil // the server took the mail; only the RSET after it failed
		}
		return sendError(err)
	}
	return nil
}

// Close ends the connection, if one is open.
func (m *Mailer) Close() error {
	if m.conn == nil {
		return nil
	}
	err := m.client.CloseWithSMTPClient(m.conn)
	m.conn = nil
	return err
}

// drop ends the connection after a failure; the next Send opens a new one.
func (m *Mailer) drop() {
	_ = m.client.CloseWithSMTPClient(m.conn)
	m.conn = nil
}

// sendError words a go-mail send error in Chinese, keeping its text.
func sendError(err error) error {
	var se *gomail.SendError
	if !errors.As(err, &se) {
		return fmt.Errorf("发送失败:%w", err)
	}
	what := "发送失败"
	switch se.Reason {
	case gomail.ErrSMTPRcptTo:
		what = "收件地址被邮件服务器拒收"
	case gomail.ErrSMTPMailFrom:
		what = "发件地址被邮件服务器拒绝"
	case gomail.ErrSMTPData, gomail.ErrWriteContent, gomail.ErrSMTPDataClose:
		what = "邮件服务器拒收了邮件内容"
	case gomail.ErrConnCheck:
		what = "与邮件服务器的连接中断"
	}
	return fmt.Errorf("%s(%w)", what, err)
}
