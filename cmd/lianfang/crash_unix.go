//go:build unix

package main

import (
	"os"
	"syscall"
)

// stopSelf freezes the process (SIGSTOP) until it is continued or killed.
func stopSelf() { syscall.Kill(os.Getpid(), syscall.SIGSTOP) }
