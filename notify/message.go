package notify

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"path/filepath"
	"strings"

	gomail "github.com/wneessen/go-mail"
)

// XLSXType is the MIME type of an .xlsx workbook.
const XLSXType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// userAgent names the program in every message.
const userAgent = "lianfang"

// message builds the go-mail message of m: UTF-8, base64 parts (compact
// for Chinese text), the plain-text body and the attachment with its
// Chinese name encoded for common clients. A draft carries X-Unsent: 1,
// which makes Outlook open the .eml file as a message ready to send.
func (m *Mail) message(draft bool) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingB64))
	if m.From.Address != "" {
		if err := msg.FromFormat(m.From.Name, string(m.From.Address)); err != nil {
			return nil, fmt.Errorf("发件人 %s: %w", m.From.Address, err)
		}
	}
	for _, to := range m.To {
		if err := msg.AddToFormat(m.Unit, to); err != nil {
			return nil, fmt.Errorf("收件人 %s: %w", to, err)
		}
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(m.MessageID)
	msg.SetDateWithValue(m.Date)
	msg.SetUserAgent(userAgent)
	if draft {
		msg.SetGenHeader("X-Unsent", "1")
	}
	msg.SetBodyString(gomail.TypeTextPlain, crlf(m.Body))
	if a := m.Attachment; a != nil {
		if err := msg.AttachReader(a.Name, bytes.NewReader(a.Data), withAttachmentHeaders(a.Name)); err != nil {
			return nil, fmt.Errorf("附件 %s: %w", a.Name, err)
		}
	}
	return msg, nil
}

// WriteEML writes m as an RFC 5322 message (an .eml file) to w. A draft
// (draft true) opens in Outlook as a message ready to send.
func (m *Mail) WriteEML(w io.Writer, draft bool) error {
	msg, err := m.message(draft)
	if err != nil {
		return fmt.Errorf("write %s: %w", m.Unit, err)
	}
	if _, err := msg.WriteTo(w); err != nil {
		return fmt.Errorf("write %s: %w", m.Unit, err)
	}
	return nil
}

// crlf turns every line break into CRLF, the canonical form of text/plain.
func crlf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// contentTypeOf returns the MIME type of an attached file by its extension.
func contentTypeOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx":
		return XLSXType
	case ".xlsm":
		return "application/vnd.ms-excel.sheet.macroEnabled.12"
	case ".xls":
		return "application/vnd.ms-excel"
	}
	return "application/octet-stream"
}

// withAttachmentHeaders sets the Content-Type and Content-Disposition of
// an attachment so that go-mail keeps them as they are.
func withAttachmentHeaders(name string) gomail.FileOption {
	ctype, disp := attachmentHeaders(name)
	return func(f *gomail.File) {
		f.Header.Set("Content-Type", ctype)
		f.Header.Set("Content-Disposition", disp)
	}
}

// attachmentHeaders returns the Content-Type and Content-Disposition of an
// attachment named name. The name is given twice: as RFC 2047 encoded
// words in name= and filename= (what Outlook, Foxmail and many web mails
// read), and as the RFC 2231 filename* parameter, UTF-8 percent-encoded and
// split into continuations (what standards-following clients prefer).
// Parameters are folded onto their own lines of at most 78 characters.
func attachmentHeaders(name string) (ctype, disp string) {
	words := strings.Join(encodedWords(name, 64), "\r\n ")
	ctype = contentTypeOf(name) + ";\r\n name=\"" + words + "\""
	disp = "attachment;\r\n filename=\"" + words + "\""
	chunks := rfc2231Chunks(name, 60)
	if len(chunks) == 1 {
		return ctype, disp + ";\r\n filename*=" + chunks[0]
	}
	for i, c := range chunks {
		disp += fmt.Sprintf(";\r\n filename*%d*=%s", i, c)
	}
	return ctype, disp
}

// encodedWords writes s as RFC 2047 encoded words (UTF-8, base64) of at
// most max characters each, never splitting a character; plain ASCII
// without specials stays as it is.
func encodedWords(s string, max int) []string {
	if mime.BEncoding.Encode("UTF-8", s) == s && !strings.ContainsAny(s, "\"\\") {
		return []string{s}
	}
	const frame = len("=?UTF-8?B??=")
	var words []string
	var cur []byte
	for _, r := range s {
		next := append(append([]byte{}, cur...), string(r)...)
		if len(cur) > 0 && frame+base64.StdEncoding.EncodedLen(len(next)) > max {
			words = append(words, "=?UTF-8?B?"+base64.StdEncoding.EncodeToString(cur)+"?=")
			next = []byte(string(r))
		}
		cur = next
	}
	return append(words, "=?UTF-8?B?"+base64.StdEncoding.EncodeToString(cur)+"?=")
}

// rfc2231Chunks percent-encodes s as an RFC 2231 extended value (UTF-8”
// first) and cuts it into pieces of at most max characters, never inside
// a character, so that clients decoding each piece on its own still read
// whole characters.
func rfc2231Chunks(s string, max int) []string {
	var chunks []string
	cur := "UTF-8''"
	for _, r := range s {
		var piece strings.Builder
		for _, b := range []byte(string(r)) {
			if attrChar(b) {
				piece.WriteByte(b)
			} else {
				fmt.Fprintf(&piece, "%%%02X", b)
			}
		}
		if len(cur)+piece.Len() > max {
			chunks = append(chunks, cur)
			cur = ""
		}
		cur += piece.String()
	}
	return append(chunks, cur)
}

// attrChar reports whether b stays unescaped in an RFC 2231 value: only
// letters, digits and -._~ (escaping more than needed is always allowed).
func attrChar(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || strings.IndexByte("-._~", b) >= 0
}
