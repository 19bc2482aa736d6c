package smtptest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/textproto"
	"regexp"
	"strings"
)

// Parsed is a message read back with net/mail and mime/multipart only.
type Parsed struct {
	Header  mail.Header
	Subject string // decoded
	Body    string // the text/plain part, decoded, CRLF turned into LF
	Files   []File
}

// File is one attachment as a mail client would see it.
type File struct {
	ContentType string // media type, without parameters
	// Name is the file name from Content-Disposition as Go's MIME parser
	// reads it (RFC 2231 filename* first).
	Name string
	// Name2047 and Filename2047 are the RFC 2047 fallbacks, decoded: the
	// Content-Type name= and the Content-Disposition filename= parameters,
	// which clients without RFC 2231 read.
	Name2047, Filename2047 string
	Data                   []byte
}

// quotedFilename finds the plain filename="…" parameter of a header.
var quotedFilename = regexp.MustCompile(`(?:^|;)\s*filename="([^"]*)"`)

// Parse reads a message: headers, the decoded subject, the text body and
// every attachment with its names decoded each way.
func Parse(data []byte) (*Parsed, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("net/mail: %w", err)
	}
	dec := new(mime.WordDecoder)
	p := &Parsed{Header: msg.Header}
	if p.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return nil, fmt.Errorf("subject: %w", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	switch {
	case err != nil:
		return nil, fmt.Errorf("content type: %w", err)
	case mt == "text/plain": // a mail without attachment
		return p, p.addPart(dec, &multipart.Part{Header: textproto.MIMEHeader(msg.Header)}, msg.Body)
	case mt != "multipart/mixed":
		return nil, fmt.Errorf("content type %q", mt)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := r.NextRawPart()
		if err == io.EOF {
			return p, nil
		}
		if err != nil {
			return nil, fmt.Errorf("multipart: %w", err)
		}
		if err := p.addPart(dec, part, part); err != nil {
			return nil, err
		}
	}
}

// addPart decodes one part, its header and body, into the body or the
// attachments.
func (p *Parsed) addPart(dec *mime.WordDecoder, part *multipart.Part, body io.Reader) error {
	raw, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	data := raw
	if strings.EqualFold(part.Header.Get("Content-Transfer-Encoding"), "base64") {
		if data, err = base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(raw)), "")); err != nil {
			return fmt.Errorf("base64: %w", err)
		}
	}
	ct, ctParams, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
	if err != nil {
		return fmt.Errorf("part content type: %w", err)
	}
	disp := part.Header.Get("Content-Disposition")
	if disp == "" {
		if ct == "text/plain" {
			p.Body = strings.ReplaceAll(string(data), "\r\n", "\n")
		}
		return nil
	}
	kind, dParams, err := mime.ParseMediaType(disp)
	if err != nil || kind != "attachment" {
		return fmt.Errorf("content disposition %q: %v", disp, err)
	}
	f := File{ContentType: ct, Name: dParams["filename"], Data: data}
	if f.Name2047, err = dec.DecodeHeader(ctParams["name"]); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	if m := quotedFilename.FindStringSubmatch(disp); m != nil {
		if f.Filename2047, err = dec.DecodeHeader(m[1]); err != nil {
			return fmt.Errorf("filename: %w", err)
		}
	}
	p.Files = append(p.Files, f)
	return nil
}
