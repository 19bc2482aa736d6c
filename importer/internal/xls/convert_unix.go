//go:build unix

package xls

import (
	"os/exec"
	"syscall"
)

// killTree makes cancelling cmd kill its whole process group: soffice is a
// wrapper that starts soffice.bin as a child.
func killTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
