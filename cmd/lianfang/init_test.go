package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lianfang/notify"
)

func TestInitAndConfig(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lianfang.toml")
	steps := []struct {
		name string
		args []string
		code int
		out  string // part of stdout
		err  string // part of stderr
	}{
		{"config without a file uses the defaults", []string{"config", "--db", filepath.Join(dir, "lianfang.db")}, exitOK, "配置文件: 未找到,使用默认设置", ""},
		{"init writes the example", []string{"init", "-o", path}, exitOK, "已写出配置文件", ""},
		{"init does not overwrite", []string{"init", "-o", path}, exitUsage, "", "已经存在"},
		{"init --force overwrites", []string{"init", "-o", path, "--force"}, exitOK, "LIANFANG_SMTP_PASSWORD", ""},
		{"config finds it beside the database", []string{"config", "--db", filepath.Join(dir, "lianfang.db")}, exitOK, "还不能发送邮件", ""},
		{"config --config", []string{"config", "--config", path}, exitOK, "配置文件: " + path, ""},
		{"config of a missing file", []string{"config", "--config", filepath.Join(dir, "none.toml")}, exitUsage, "", "不存在"},
		{"help lists the new commands", []string{"help"}, exitOK, "  send ", ""},
		{"send -h lists every flag", []string{"send", "-h"}, exitOK, "", "-receipts"},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			code, out, errs := cli(t, st.args...)
			if code != st.code || !strings.Contains(out, st.out) || !strings.Contains(errs, st.err) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, st.code, out, errs)
			}
		})
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(data, notify.Example) {
		t.Errorf("written file differs from the example (%v)", err)
	}
	if _, err := notify.Load(path); err != nil {
		t.Errorf("the written example does not load: %v", err)
	}
}
