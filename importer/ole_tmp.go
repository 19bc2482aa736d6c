package importer

import (
	"bytes"

	"github.com/richardlehane/mscfb"
)

// oleKind sniffs an OLE compound file. Temporary until the xls package's
// Kind lands.
func oleKind(data []byte) (kind string) {
	defer func() {
		if recover() != nil {
			kind = ""
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	kind = "ole-other"
	for e, err := r.Next(); err == nil; e, err = r.Next() {
		switch e.Name {
		case "Workbook", "Book":
			return "xls"
		case "EncryptionInfo", "EncryptedPackage":
			kind = "encrypted-ooxml"
		}
	}
	return kind
}
