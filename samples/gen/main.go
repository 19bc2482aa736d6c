// Command gen writes the sample county (roster.csv, inbox/ and MANIFEST.md)
// for make demo and the benchmarks:
//
//	go run ./samples/gen -o demo/样例县 [-units 12] [-rows 30] [-defects 0.35] [-seed N]
package main

import (
	"flag"
	"fmt"
	"os"

	"lianfang/samples"
)

func main() {
	opt := samples.DefaultOptions()
	out := flag.String("o", "样例县", "输出文件夹")
	flag.IntVar(&opt.Units, "units", opt.Units, "单位数")
	flag.IntVar(&opt.Rows, "rows", opt.Rows, "每个单位的风险点行数")
	flag.Float64Var(&opt.DefectRate, "defects", opt.DefectRate, "有典型错误的单位比例")
	flag.Uint64Var(&opt.Seed, "seed", opt.Seed, "随机种子(相同参数生成相同文件)")
	flag.Parse()
	if err := samples.Generate(*out, opt); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("样例县已生成: %s(名册 roster.csv,收件 inbox/,说明 MANIFEST.md)\n", *out)
}
