//go:build !unix

package main

import "os"

// killSelf ends the process at once, with no deferred functions run.
func killSelf() { os.Exit(137) }
