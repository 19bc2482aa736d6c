//go:build !unix

package xls

import "os/exec"

// killTree leaves cmd's default cancellation (kill the process) in place.
func killTree(cmd *exec.Cmd) {}
