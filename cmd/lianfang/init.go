package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"lianfang/notify"
)

func init() {
	commands["init"] = command{"写出带中文注释的配置文件样例 lianfang.toml(邮件服务器、发件人、期限、邮件模板)", runInit}
}

// initOptions are the flags of "lianfang init".
type initOptions struct {
	Output string
	Force  bool
}

func newInitOptions() initOptions { return initOptions{Output: notify.ConfigFile} }

const initSynopsis = "lianfang init [-o lianfang.toml] [--force]\n\n" +
	"把配置文件放在全县数据库所在的文件夹里,lianfang send 会自动找到它。"

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newInitOptions()
	fs := newFlags("init", initSynopsis, stderr)
	fs.StringVar(&opt.Output, "o", opt.Output, "写出的配置文件")
	fs.BoolVar(&opt.Force, "force", opt.Force, "覆盖已有的配置文件")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	if _, err := os.Stat(opt.Output); err == nil && !opt.Force {
		fmt.Fprintf(stderr, "配置文件 %s 已经存在,没有改动。要用样例覆盖它,请加 --force\n", opt.Output)
		return exitUsage
	}
	err := writeFileAtomic(opt.Output, func(w io.Writer) error {
		_, err := w.Write(notify.Example)
		return err
	})
	if err != nil {
		fmt.Fprintf(stderr, "写配置文件失败: %v\n", err)
		return exitUsage
	}
	env := notify.Default().SMTP.PasswordEnv
	fmt.Fprintf(stdout, "已写出配置文件 %s。\n", opt.Output)
	fmt.Fprintln(stdout, "下一步:")
	fmt.Fprintln(stdout, "  1. 填写 [smtp] 的邮件服务器和 [sender] 的发件邮箱,按需修改期限和邮件模板;")
	fmt.Fprintf(stdout, "  2. 把邮箱密码(或授权码)放在环境变量 %s 中,不要写进配置文件;\n", env)
	fmt.Fprintln(stdout, "  3. 运行 lianfang config 检查配置,lianfang send --dry-run 查看邮件,再 lianfang send 发送。")
	return exitOK
}
