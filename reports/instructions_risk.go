package reports

import (
	"strings"

	"lianfang/importer"
)

// riskParagraphs returns sections 八 to 十一 of the 填表说明 sheet: the
// three-part risk statement with the slides' six examples, grading,
// measures and owners, and powers with several risk points.
func riskParagraphs() []para {
	h := func(k importer.Key) string { return importer.ColumnOf(k).Header }
	parts := joinQuoted(h(importer.KeySource), h(importer.KeyPoint), h(importer.KeyHarm))
	ps := []para{
		{paraHead, "八、廉政风险点的表述"},
		{paraBody, "每个风险点的表述由风险源、风险点、危害性三个要素组成,本表分" + parts + "三栏填写,三栏都不能空。风险点表述必须准确、具体,不能太简单、太笼统。表述方法有两种:"},
		{paraBody, "一是因果关系法。"},
	}
	for i, e := range seedExamples[:3] {
		ps = append(ps, para{paraExample, "例" + string(rune('1'+i)) + ":" + e})
	}
	ps = append(ps, para{paraBody, "二是行为表现法:就是直接用可能的行为表现来阐述风险点。"})
	for i, e := range seedExamples[3:] {
		ps = append(ps, para{paraExample, "例" + string(rune('1'+i)) + ":" + e})
	}
	ps = append(ps,
		para{paraBody, "查找风险点需注意的问题:一要避免虚拟化,二要避免扩大化,三要避免形式化。每一项职权都要查找风险点,“查不到风险是最现实的危险”;不能只写“存在廉政风险”“违规违纪”等空话,也不能把同一句话套用到多项职权上。"},
		para{paraHead, "九、风险等级"},
		para{paraBody, h(importer.KeyGrade) + "从下拉列表选择" + joinQuoted(importer.GradeEnum.Values...) + ":"},
		para{paraExample, "高:涉及人、财、物的职权,如财务、资金、经费、收费、采购、招标、工程、维修、食堂、人事、招聘、职称评聘、招生等,特别是“三重一大”事项;"},
		para{paraExample, "中:一般的审批、确认、检查、考核、评优等职权;"},
		para{paraExample, "低:对人、财、物支配权力较小的岗位职权。"},
		para{paraBody, "风险等级要实事求是,不能全部定为高(扩大化),也不能全部定为低(查风险走过场)。"},
		para{paraHead, "十、防控措施和责任人"},
		para{paraBody, h(importer.KeyMeasures) + "要针对每一个风险点写明具体做法,不能只写“加强管理”“加强学习”“严格执行制度”等空话。" + h(importer.KeyOwner) + "填写负责防控该风险点的岗位或姓名。"},
		para{paraExample, "如:“采购实行三人以上询价比价,采购结果在校务公开栏公示”。"},
		para{paraHead, "十一、一项职权有多个风险点"},
		para{paraBody, "一项职权有多个风险点的,每个风险点占一行:职权各栏(" + strings.Join(powerHeaders(), "、") + ")可以向下合并单元格,也可以在后面各行留空;" + parts + "和风险等级、防控措施、责任人每行都要填写。"},
		para{paraBody, "一个单元格内写了多个风险点的,要用“1.”“2.”“3.”编号分开;风险等级和防控措施或者全部适用,或者按同样的编号对应填写。"},
	)
	return ps
}

// powerHeaders returns the headers of the template's power columns.
func powerHeaders() []string {
	var hs []string
	for _, k := range importer.PowerKeys {
		if c := importer.ColumnOf(k); c.InTemplate {
			hs = append(hs, c.Header)
		}
	}
	return hs
}
