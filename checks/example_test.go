package checks_test

import (
	"fmt"

	"lianfang/checks"
	"lianfang/importer"
)

func ExampleSplit() {
	ps, err := checks.Split("因受人情干扰或收受贿赂(风险源),在物资采购中把关不严,造成采购物资价格偏高、质量低劣(风险点),给企业造成经济损失、带来安全隐患(危害性)")
	fmt.Println(ps.Source)
	fmt.Println(ps.Point)
	fmt.Println(ps.Harm)
	fmt.Println(err)

	_, err = checks.Split("审核把关不严,造成资金损失")
	fmt.Println(err)
	// Output:
	// 因受人情干扰或收受贿赂
	// 在物资采购中把关不严,造成采购物资价格偏高、质量低劣
	// 给企业造成经济损失、带来安全隐患
	// <nil>
	// 廉政风险点缺少风险源
}

func ExampleRuleByID() {
	r, _ := checks.RuleByID("B03")
	fmt.Println(r.ID, r.Severity, r.Title)
	fmt.Println(r.Suggestion)
	// Output:
	// B03 error 依据不是依据
	// 请写明法律法规或文件名称及条款,如《中华人民共和国教育法》第二十九条
}

func ExampleCheck() {
	sub := &importer.Submission{
		File: "城关小学.xlsx",
		Unit: importer.UnitInfo{Name: "城关小学"},
		Sheets: []importer.Sheet{{Name: "职权目录", Catalogue: true, HeaderRow: 3, Columns: map[importer.Key]string{
			importer.KeySeq: "A", importer.KeyLevel: "B", importer.KeyKind: "C", importer.KeyName: "D",
			importer.KeyBasis: "E", importer.KeyDept: "F", importer.KeyScope: "G", importer.KeyForm: "H",
			importer.KeyStatement: "I", importer.KeyGrade: "J", importer.KeyMeasures: "K", importer.KeyOwner: "L",
		}}},
		Powers: []importer.Power{{
			Seq: "1", Level: importer.LevelDept, Kind: importer.KindExternal, Name: "学籍管理",
			Basis: "上级要求", Dept: "教导处", Scope: importer.ScopePublic, Form: "学校网站", Forms: []string{"学校网站"},
			Ref: importer.Ref{Sheet: "职权目录", Row: 4},
			Risks: []importer.Risk{{
				Statement: "因审核把关不严(风险源),违规办理学籍变动(风险点),造成公用经费多拨(危害性)。",
				Grade:     importer.GradeMedium, Measures: "学籍变动每月核对并报分管副校长签字", Owner: "教导主任",
				Ref: importer.Ref{Sheet: "职权目录", Row: 4},
			}},
		}},
	}
	for _, f := range checks.Check(sub, "", nil) {
		if f.Row > 0 {
			fmt.Println(f.Rule, f.Severity, f.Message)
		}
	}
	// Output:
	// N03 warning 职权目录!D4:职权名称"学籍管理"只有“管理”,权力性质不明确
	// B03 error 职权目录!E4:职权依据"上级要求"不是依据:“上级要求”没有写明具体的法律法规或文件
}
