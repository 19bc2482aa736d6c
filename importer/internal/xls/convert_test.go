package xls

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestConvertNoConverter(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Convert(context.Background(), []byte("x")); !errors.Is(err, ErrNoConverter) {
		t.Fatalf("error %v, want ErrNoConverter", err)
	}
}

func TestConvert(t *testing.T) {
	if _, err := converter(); err != nil {
		t.Skip("soffice not on PATH")
	}
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := Convert(ctx, readFixture(t, "gnumeric.xls"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct{ cell, want string }{
		{"A1", "职权目录表"},
		{"A4", "1"},
		{"F9", "第6项"},
		{"E5", "3.5"},
	} {
		if got, err := f.GetCellValue("职权目录", tc.cell, excelize.Options{RawCellValue: true}); err != nil || got != tc.want {
			t.Errorf("%s = %q (%v), want %q", tc.cell, got, err, tc.want)
		}
	}
}

func TestConvertCancelled(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice not on PATH")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Convert(ctx, readFixture(t, "gnumeric.xls")); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
}
