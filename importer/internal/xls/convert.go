package xls

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// DefaultConvertTimeout bounds Convert when ctx has no deadline.
const DefaultConvertTimeout = 2 * time.Minute

// converter returns the path of soffice or libreoffice, or ErrNoConverter.
func converter() (string, error) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoConverter
}

// Convert runs `soffice --headless --convert-to xlsx` on data in a temp dir
// when soffice (or libreoffice) is on PATH, with ctx deadline (or
// DefaultConvertTimeout when ctx has none); returns the .xlsx bytes, or an
// error (ErrNoConverter when not installed). Each call uses its own
// LibreOffice profile, so calls may run concurrently.
func Convert(ctx context.Context, data []byte) ([]byte, error) {
	bin, err := converter()
	if err != nil {
		return nil, err
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultConvertTimeout)
		defer cancel()
	}
	dir, err := os.MkdirTemp("", "lianfang-xls-")
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.xls")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	outDir := filepath.Join(dir, "out")
	profile := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "profile"))}
	cmd := exec.CommandContext(ctx, bin,
		"-env:UserInstallation="+profile.String(),
		"--headless", "--norestore", "--nologo", "--nolockcheck",
		"--convert-to", "xlsx", "--outdir", outDir, in)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	cmd.Env = append(os.Environ(), "HOME="+dir)
	killTree(cmd)
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("convert: %s: %w", filepath.Base(bin), ctx.Err())
	}
	out, err := os.ReadFile(filepath.Join(outDir, "in.xlsx"))
	if err != nil {
		return nil, fmt.Errorf("convert: %s wrote no xlsx (%v): %s", filepath.Base(bin), runErr, tail(output.Bytes(), 300))
	}
	return out, nil
}

// tail returns the last n bytes of b as text, for error messages.
func tail(b []byte, n int) string {
	b = bytes.TrimSpace(b)
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
