package xls

import "fmt"

// Flags of an XLUnicodeRichExtendedString ([MS-XLS] 2.5.293).
const (
	strHighByte = 0x01 // characters are UTF-16LE, not compressed
	strExtSt    = 0x04 // an ExtRst (phonetic) block follows the runs
	strRichSt   = 0x08 // formatting runs follow the characters
)

// parseSST decodes the shared string table from an SST record and its
// CONTINUE records. Strings are read up to the end of the data whatever
// the header's count says (writers get it wrong); only a string inside the
// count that fails to decode is an error.
func parseSST(c *contData, bud *budget) ([]string, error) {
	head, err := c.read(8)
	if err != nil {
		return nil, fmt.Errorf("sst header: %w", err)
	}
	unique := int(u32(head[4:]) & 0x7fffffff)
	// Each string takes at least 3 bytes: never trust the count further.
	total := 0
	for _, s := range c.segs {
		total += len(s)
	}
	sst := make([]string, 0, min(unique, total/3))
	for i := 0; !c.atEnd(); i++ {
		if err := bud.tick(); err != nil {
			return nil, err
		}
		s, err := richString(c)
		if err != nil && i >= unique {
			break // trailing bytes past the announced strings
		}
		if err != nil {
			return nil, fmt.Errorf("sst string %d: %w", i, err)
		}
		sst = append(sst, s)
	}
	return sst, nil
}

// richString reads one XLUnicodeRichExtendedString, skipping its formatting
// runs and phonetic block.
func richString(c *contData) (string, error) {
	head, err := c.read(3)
	if err != nil {
		return "", err
	}
	cch, flags := u16(head), head[2]
	var runs, ext int
	if flags&strRichSt != 0 {
		b, err := c.read(2)
		if err != nil {
			return "", err
		}
		runs = u16(b)
	}
	if flags&strExtSt != 0 {
		b, err := c.read(4)
		if err != nil {
			return "", err
		}
		ext = int(u32(b) & 0x7fffffff)
	}
	s, err := c.chars(cch, flags&strHighByte != 0)
	if err != nil {
		return "", err
	}
	if err := c.skip(4*runs + ext); err != nil {
		return "", err
	}
	return s, nil
}
