package main

import (
	"context"
	"fmt"
	"io"

	"lianfang/reports"
)

func init() {
	commands["template"] = command{"写出空白的附件1职权目录表模板", runTemplate}
}

// templateOptions are the flags of "lianfang template".
type templateOptions struct {
	Out string
}

func newTemplateOptions() templateOptions {
	return templateOptions{Out: "附件1_职权目录表.xlsx"}
}

func runTemplate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newTemplateOptions()
	fs := newFlags("template", "lianfang template [-o 文件]", stderr)
	fs.StringVar(&opt.Out, "o", opt.Out, "输出的模板文件")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	err := writeFileAtomic(opt.Out, func(w io.Writer) error {
		return reports.WriteTemplate(w, reports.TemplateOptions{})
	})
	if err != nil {
		fmt.Fprintf(stderr, "写模板失败: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "已写出空白模板: %s\n", opt.Out)
	return exitOK
}
