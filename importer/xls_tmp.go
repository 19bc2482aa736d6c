package importer

import (
	"context"
	"errors"
)

// ErrOldFormat marks an Excel 95 or older workbook.
var ErrOldFormat = errors.New("excel 95 or older format")

// readXLS is replaced by the BIFF8 reader when it lands.
func readXLS(data []byte, opt Options) ([]grid, error) {
	return nil, errors.New("xls reader not built yet")
}

func convertXLS(ctx context.Context, data []byte) ([]byte, error) {
	return nil, errors.New("no converter")
}
