package xls

import (
	"fmt"
)

// contData reads a record's payload across its CONTINUE records. Plain
// bytes flow from one segment into the next; character data of a string
// split at a segment boundary resumes after a re-sent flags byte, whose low
// bit says whether the rest is UTF-16 or compressed ([MS-XLS] 2.5.293).
type contData struct {
	segs    [][]byte
	seg     int
	pos     int
	scratch []byte // UTF-16LE code units of the string being decoded
}

// atEnd reports whether every segment has been consumed.
func (c *contData) atEnd() bool {
	for c.seg < len(c.segs) && c.pos >= len(c.segs[c.seg]) {
		if c.seg == len(c.segs)-1 {
			return true
		}
		c.seg++
		c.pos = 0
	}
	return c.seg >= len(c.segs)
}

// read returns the next n plain bytes, spanning segments if needed.
func (c *contData) read(n int) ([]byte, error) {
	if c.atEnd() {
		return nil, errShort(n)
	}
	if s := c.segs[c.seg][c.pos:]; len(s) >= n {
		c.pos += n
		return s[:n], nil
	}
	out := make([]byte, 0, n)
	for len(out) < n {
		if c.atEnd() {
			return nil, errShort(n)
		}
		s := c.segs[c.seg][c.pos:]
		k := min(n-len(out), len(s))
		out = append(out, s[:k]...)
		c.pos += k
	}
	return out, nil
}

// skip discards n plain bytes, spanning segments if needed.
func (c *contData) skip(n int) error {
	for n > 0 {
		if c.atEnd() {
			return errShort(n)
		}
		k := min(n, len(c.segs[c.seg])-c.pos)
		c.pos += k
		n -= k
	}
	return nil
}

// chars decodes cch characters, stored as UTF-16LE when high is set and as
// compressed single bytes otherwise; a segment boundary inside them is
// followed by a flags byte giving the encoding of the rest.
func (c *contData) chars(cch int, high bool) (string, error) {
	c.scratch = c.scratch[:0]
	for got := 0; got < cch; {
		var s []byte
		if c.seg < len(c.segs) {
			s = c.segs[c.seg][c.pos:]
		}
		if len(s) == 0 || (high && len(s) < 2) {
			if c.seg+1 >= len(c.segs) {
				return "", fmt.Errorf("%w: string of %d characters ends after %d", ErrCorrupt, cch, got)
			}
			c.seg++
			c.pos = 0
			if s := c.segs[c.seg]; len(s) > 0 {
				high = s[0]&0x01 != 0
				c.pos = 1
			}
			continue
		}
		if high {
			k := min(cch-got, len(s)/2)
			c.scratch = append(c.scratch, s[:2*k]...)
			c.pos += 2 * k
			got += k
			continue
		}
		k := min(cch-got, len(s))
		for _, b := range s[:k] {
			c.scratch = append(c.scratch, b, 0)
		}
		c.pos += k
		got += k
	}
	return decodeUTF16(c.scratch), nil
}

func errShort(n int) error {
	return fmt.Errorf("%w: record data ends %d bytes early", ErrCorrupt, n)
}
