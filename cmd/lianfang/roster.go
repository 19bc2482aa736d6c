package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"lianfang/importer"
	"lianfang/merge"
)

func init() {
	commands["roster"] = command{"名册管理:lianfang roster import 名册.xlsx|名册.csv", runRoster}
}

// rosterOptions are the flags of "lianfang roster import".
type rosterOptions struct {
	DB string
}

func newRosterOptions() rosterOptions { return rosterOptions{DB: "lianfang.db"} }

const rosterSynopsis = "lianfang roster import 名册.xlsx|名册.csv [--db lianfang.db]\n\n名册的列:单位代码、单位名称、单位类型、别名(多个用、分隔)、联系人、联系电话、邮箱"

func runRoster(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newRosterOptions()
	fs := newFlags("roster", rosterSynopsis, stderr)
	fs.StringVar(&opt.DB, "db", opt.DB, "全县数据库文件(SQLite)")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	if fs.NArg() != 2 || fs.Arg(0) != "import" {
		fs.Usage()
		return exitUsage
	}
	file := fs.Arg(1)
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "读取名册 %s 失败: %v\n", file, err)
		return exitUsage
	}
	units, err := importer.ReadRoster(file, data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if len(units) == 0 {
		fmt.Fprintf(stderr, "名册 %s 中没有任何单位\n", file)
		return exitUsage
	}
	for _, u := range units {
		if u.Type == "" || !contains(importer.UnitTypes, u.Type) {
			fmt.Fprintf(stderr, "注意:单位“%s”的单位类型“%s”不在 %v 之中,将不检查必需岗位(C01)\n", u.Name, u.Type, importer.UnitTypes)
		}
	}
	store, err := merge.Open(opt.DB)
	if err != nil {
		fmt.Fprintf(stderr, "无法打开数据库 %s: %v\n", opt.DB, err)
		return exitUsage
	}
	defer store.Close()
	added, updated, err := store.ImportRoster(ctx, units)
	if err != nil {
		fmt.Fprintf(stderr, "导入名册失败,数据库未改动: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "名册已导入 %s:共 %d 个单位,新增 %d 个,更新 %d 个。\n", opt.DB, len(units), added, updated)
	return exitOK
}
