//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// stopSelf freezes the process (SIGSTOP) and returns once it is continued
// (SIGCONT). SIGSTOP sent to oneself may land a moment after kill returns;
// waiting for SIGCONT keeps the caller from running on meanwhile.
func stopSelf() {
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	defer signal.Stop(cont)
	syscall.Kill(os.Getpid(), syscall.SIGSTOP)
	<-cont
}
