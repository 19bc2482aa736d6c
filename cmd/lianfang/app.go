package main

import (
	"context"
	"fmt"
	"io"
	"sort"
)

// Exit codes of every subcommand, documented in "lianfang help".
const (
	exitOK       = 0 // done; for check: no error findings
	exitFindings = 1 // check: error findings
	exitUsage    = 2 // could not run: bad arguments or I/O failure
)

// command is one subcommand: its one-line summary and its entry point.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

// commands is filled by each subcommand's file.
var commands = map[string]command{}

// order is the order subcommands are listed in help.
var order = []string{"init", "template", "check", "rules", "roster", "run", "status", "send", "export", "config"}

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "未知命令 %q。\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return c.run(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "lianfang(廉防):职权目录表校验与汇总工具")
	fmt.Fprintln(w, "\n用法: lianfang <命令> [参数]\n\n命令:")
	names := append([]string{}, order...)
	for n := range commands {
		if !contains(order, n) {
			names = append(names, n)
		}
	}
	sort.SliceStable(names, func(i, j int) bool { return indexOf(order, names[i]) < indexOf(order, names[j]) })
	for _, n := range names {
		if c, ok := commands[n]; ok {
			fmt.Fprintf(w, "  %-10s %s\n", n, c.summary)
		}
	}
	fmt.Fprintln(w, "\n每个命令的参数: lianfang <命令> -h")
	fmt.Fprintln(w, "\n退出码:\n  0  完成(check:没有“错误”级问题)\n  1  check:发现“错误”级问题,需退回修改;send:有邮件发送失败\n  2  无法运行:参数错误或读写失败(run 完成整批处理即为 0,无论发现什么问题)")
}

func contains(list []string, s string) bool { return indexOf(list, s) < len(list) }

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return len(list)
}
