package samples_test

import (
	"fmt"
	"os"

	"lianfang/samples"
)

func ExampleGenerate() {
	dir, err := os.MkdirTemp("", "county")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := samples.Generate(dir, samples.DefaultOptions()); err != nil {
		fmt.Println(err)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// MANIFEST.md
	// inbox
	// roster.csv
}

func ExampleManifest() {
	count := map[samples.Role]int{}
	for _, up := range samples.Manifest(samples.DefaultOptions()) {
		count[up.Role]++
	}
	fmt.Println(count[samples.RoleClean], "合格,", count[samples.RoleDefective], "有错误,",
		count[samples.RoleMissing], "未提交,", count[samples.RoleOutsider], "不在名册")
	// Output:
	// 4 合格, 4 有错误, 1 未提交, 1 不在名册
}
