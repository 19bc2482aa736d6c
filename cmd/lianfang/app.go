package main

import (
	"context"
	"fmt"
	"io"
)

// Exit codes of every subcommand.
const (
	exitOK       = 0 // done; for check: no error findings
	exitFindings = 1 // check: error findings
	exitUsage    = 2 // could not run: bad arguments or I/O failure
)

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "用法: lianfang <命令> [参数]  (lianfang help 查看全部命令)")
		return exitUsage
	}
	fmt.Fprintf(stderr, "未知命令 %q\n", args[0])
	return exitUsage
}
