//go:build !unix

package main

import "time"

// stopSelf stands still for a day, as near as Windows comes to SIGSTOP.
func stopSelf() { time.Sleep(24 * time.Hour) }
