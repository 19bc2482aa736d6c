package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"lianfang/notify"
)

func init() {
	commands["config"] = command{"检查配置文件 lianfang.toml,显示生效的设置(不显示密码)", runConfig}
}

// configOptions are the flags of "lianfang config".
type configOptions struct {
	Config string
	DB     string
}

func newConfigOptions() configOptions { return configOptions{DB: "lianfang.db"} }

const configSynopsis = "lianfang config [--config lianfang.toml] [--db lianfang.db]\n\n" +
	"不指定 --config 时,读取数据库所在文件夹中的 lianfang.toml;没有这个文件时使用默认设置。"

func runConfig(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newConfigOptions()
	fs := newFlags("config", configSynopsis, stderr)
	fs.StringVar(&opt.Config, "config", opt.Config, "配置文件,默认为数据库所在文件夹中的 lianfang.toml")
	fs.StringVar(&opt.DB, "db", opt.DB, "全县数据库文件(SQLite),用来寻找它旁边的配置文件")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	cfg, err := loadConfig(opt.Config, opt.DB)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if flagSet(fs, "db") {
		cfg.DB = opt.DB
	}
	printConfig(stdout, cfg)
	if _, err := cfg.CheckSending(os.Getenv); err != nil {
		fmt.Fprintf(stdout, "\n还不能发送邮件:%v\n可以先用 lianfang send --dry-run 写出邮件草稿。\n", err)
		return exitOK
	}
	fmt.Fprintln(stdout, "\n配置完整,可以用 lianfang send 发送邮件(建议先 --dry-run 查看)。")
	return exitOK
}

// loadConfig reads the configuration: the file given with --config, which
// must exist; otherwise lianfang.toml in the database's folder when there
// is one; otherwise the defaults.
func loadConfig(path, db string) (*notify.Config, error) {
	if path != "" {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("配置文件 %s 不存在:可用 lianfang init -o %s 写出样例", path, path)
		}
		return notify.Load(path)
	}
	beside := filepath.Join(filepath.Dir(db), notify.ConfigFile)
	_, err := os.Stat(beside)
	if errors.Is(err, fs.ErrNotExist) {
		return notify.Default(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("读取配置文件 %s: %w", beside, err)
	}
	return notify.Load(beside)
}

// printConfig shows the settings in effect, never the password itself.
func printConfig(w io.Writer, c *notify.Config) {
	if c.Path == "" {
		fmt.Fprintln(w, "配置文件: 未找到,使用默认设置(lianfang init 写出样例)")
	} else {
		fmt.Fprintf(w, "配置文件: %s\n", c.Path)
	}
	lexicon := c.Lexicon
	if lexicon == "" {
		lexicon = "(内置词表)"
	}
	fmt.Fprintf(w, "数据库:   %s\n输出:     %s\n词表:     %s\n期限:     %s\n", c.DB, c.Out, lexicon, c.Deadline)
	host := c.SMTP.Host
	if host == "" {
		host = "(未填写)"
	}
	fmt.Fprintf(w, "邮件服务器: %s 端口 %d 加密 %s\n", host, c.SMTP.Port, c.SMTP.Security)
	if c.SMTP.User == "" {
		fmt.Fprintln(w, "登录:     不登录")
	} else {
		set := "未设置"
		if os.Getenv(c.SMTP.PasswordEnv) != "" {
			set = "已设置"
		}
		fmt.Fprintf(w, "登录:     %s,密码在环境变量 %s 中(%s)\n", c.SMTP.User, c.SMTP.PasswordEnv, set)
	}
	from := string(c.Sender.Address)
	if from == "" {
		from = "(未填写邮箱)"
	}
	fmt.Fprintf(w, "发件人:   %s %s\n", c.Sender.Name, from)
	fmt.Fprintf(w, "退回邮件主题: %s\n通过回执主题: %s\n", c.Templates.Return.Subject, c.Templates.Receipt.Subject)
}

// applyConfig fills the database, output and lexicon settings that were not
// given as flags from the configuration (--config, or lianfang.toml beside
// the database). A nil out or lexicon is not wanted by the command.
func applyConfig(fs *flag.FlagSet, cfgPath string, db, out, lexicon *string) error {
	cfg, err := loadConfig(cfgPath, *db)
	if err != nil {
		return err
	}
	if !flagSet(fs, "db") && cfg.DB != "" {
		*db = cfg.DB
	}
	if out != nil && !flagSet(fs, "out") && cfg.Out != "" {
		*out = cfg.Out
	}
	if lexicon != nil && !flagSet(fs, "lexicon") && cfg.Lexicon != "" {
		*lexicon = cfg.Lexicon
	}
	return nil
}
