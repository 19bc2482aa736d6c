package checks

import (
	"testing"

	"lianfang/importer"
)

// Shared texts of the clean catalogue.
const (
	webForms      = "学校网站、校务公开栏"
	internalForms = "教代会、校内公示栏"
	meetingForms  = "教职工会议、文件"
	sanZhongBasis = "《中华人民共和国教育法》第三十一条;《县教委关于中小学校“三重一大”事项集体决策的实施意见》"
)

// risk3 builds a three-part risk point.
func risk3(source, point, harm, grade, measures, owner string) rk {
	return rk{source: source, point: point, harm: harm, grade: grade, measures: measures, owner: owner}
}

// cleanPowers is a complete, correct 小学 catalogue: all three levels, every
// required post, the four 三重一大 powers at unit level, articles cited,
// external powers public and listed first.
func cleanPowers() []pw {
	return []pw{
		{level: "单位职权", kind: "外部职权", name: "新生入学招生审核", basis: "《中华人民共和国义务教育法》第十二条", dept: "教导处", scope: "面向社会", form: webForms,
			risks: []rk{risk3("因受人情干扰或亲友请托", "违规招收不符合划片条件的学生", "损害教育公平,影响学校声誉", "高", "招生计划、条件和录取结果在校务公开栏公示,接受家长监督", "校长")}},
		{level: "单位职权", kind: "外部职权", name: "学生转学审核", basis: "《中小学生学籍管理办法》第十五条", dept: "教导处", scope: "面向社会", form: webForms,
			risks: []rk{risk3("因审核把关不严", "为不符合条件的学生办理转学手续", "扰乱学籍管理秩序", "中", "转学材料由教导处初审、分管副校长复核后报县教委审批", "教导主任")}},
		{level: "单位职权", kind: "外部职权", name: "家庭经济困难学生资助对象认定", basis: "《学生资助资金管理办法》第十条", dept: "总务处、教导处", scope: "面向社会", form: "学校网站、公示栏",
			risks: []rk{risk3("因调查核实不深入", "将不符合条件的学生认定为资助对象", "造成资助资金被冒领", "高", "资助对象经班级评议、学校审核后公示五个工作日", "总务主任")}},
		{level: "内设部门职权", kind: "外部职权", name: "学生学籍变动审核", basis: "《中小学生学籍管理办法》第十二条", dept: "教导处", scope: "面向社会", form: "学校网站",
			risks: []rk{risk3("因学籍管理人员责任心不强", "违规办理学籍变动或虚报在校学生人数", "造成公用经费多拨", "中", "学籍变动每月核对一次,变动情况报分管副校长签字", "教导主任")}},
		{level: "内设部门职权", kind: "外部职权", name: "食堂物资采购验收", basis: "《学校食品安全与营养健康管理规定》第二十五条", dept: "总务处", scope: "面向社会", form: "校务公开栏、家长群",
			risks: []rk{risk3("因受供货商拉拢或收受回扣", "在物资采购中把关不严,以次充好", "给学校造成经济损失、带来食品安全隐患", "高", "食材定点采购,两人以上共同验收并签字,价格每月公示", "总务主任")}},
		{level: "单位职权", kind: "内部职权", name: "重大事项集体决策", basis: sanZhongBasis, dept: "校长办公室", scope: "单位内部", form: internalForms,
			risks: []rk{risk3("由于民主集中制执行不到位", "个人决定重大事项,不经班子集体研究", "造成决策失误,损害学校利益", "高", "重大事项经行政会集体研究,会议纪要存档并在教代会通报", "校长")}},
		{level: "单位职权", kind: "内部职权", name: "中层干部任免决定", basis: "《事业单位人事管理条例》第十四条", dept: "校长办公室", scope: "单位内部", form: internalForms,
			risks: []rk{risk3("因任人唯亲或受人情干扰", "不按程序推荐考察中层干部", "挫伤教职工积极性,影响班子威信", "高", "中层干部任免经民主推荐、考察公示、集体研究决定", "书记")}},
		{level: "单位职权", kind: "内部职权", name: "重大项目安排审定", basis: "《中华人民共和国政府采购法》第二条", dept: "总务处", scope: "单位内部", form: meetingForms,
			risks: []rk{risk3("因项目论证不充分", "擅自确定维修改造项目和施工单位", "造成资金浪费和工程质量隐患", "高", "项目经可行性论证、集体研究后按规定招标,结果公示", "校长")}},
		{level: "单位职权", kind: "内部职权", name: "大额资金使用审批", basis: "《中小学校财务制度》第二十二条", dept: "财务室", scope: "单位内部", form: meetingForms,
			risks: []rk{risk3("由于财经制度不完善和法规意识淡薄", "大额度资金使用审批不经集体研究", "给学校造成经济损失", "高", "五千元以上支出经行政会集体研究,票据由校长和经办人共同签字", "校长")}},
		{level: "内设部门职权", kind: "内部职权", name: "教师绩效考核", basis: "《中华人民共和国教师法》第二十二条", dept: "办公室", scope: "单位内部", form: internalForms,
			risks: []rk{risk3("因考核标准不明确", "考核打分凭印象、讲关系", "挫伤教师工作积极性", "中", "考核方案经教代会通过,考核结果公示三天", "办公室主任")}},
		{level: "内设部门职权", kind: "内部职权", name: "教师职称评聘推荐", basis: "《中华人民共和国教师法》第十六条", dept: "教导处", scope: "单位内部", form: internalForms,
			risks: []rk{risk3("因受人情干扰或收受好处", "推荐不符合条件的教师参评职称", "损害评聘公正,引发教师不满", "高", "评聘小组量化打分,评分细则和推荐结果在校内公示", "教导主任")}},
		{level: "岗位职权", kind: "内部职权", name: "学校经费支出审批", basis: "《中小学校财务制度》第二十条", dept: "校长办公室", post: "校长", scope: "单位内部", form: meetingForms,
			risks: []rk{risk3("因个人说了算", "对不合规票据审批报销", "造成公用经费流失", "高", "实行经办人、证明人、审批人三签制度,每学期公开收支", "校长")}},
		{level: "岗位职权", kind: "内部职权", name: "教学常规检查", basis: "《重庆市中小学教学常规管理办法》第八条", dept: "教导处", post: "副校长", scope: "单位内部", form: meetingForms,
			risks: []rk{risk3("因碍于情面", "检查走过场,对违规补课不予纠正", "影响教学秩序和学校声誉", "中", "检查结果当场反馈并记录,每月在教职工会议通报", "副校长")}},
		{level: "岗位职权", kind: "内部职权", name: "发展党员审核", basis: "《中国共产党章程》第五条;《中国共产党发展党员工作细则》第十条", dept: "党支部", post: "党支部书记", scope: "单位内部", form: "党员大会、校内公示栏",
			risks: []rk{risk3("因把关不严或照顾关系", "不按程序发展党员", "损害党组织形象", "中", "发展对象经支部委员会讨论、公示七天后提交党员大会表决", "书记")}},
		{level: "岗位职权", kind: "内部职权", name: "学生评优评先审核", basis: "《中小学生守则》第九条", dept: "教导处", post: "教导主任", scope: "单位内部", form: internalForms,
			risks: []rk{risk3("因受家长请托", "评优评先不按班级推荐结果确定", "挫伤学生积极性,引发家长投诉", "中", "评优名额按班分配,推荐结果在校内公示栏公示", "教导主任")}},
		{level: "岗位职权", kind: "内部职权", name: "食堂食材验收", basis: "《学校食品安全与营养健康管理规定》第二十六条", dept: "食堂", post: "食堂管理员", scope: "单位内部", form: internalForms,
			risks: []rk{risk3("因责任心不强或收受好处", "验收不核对数量质量,接收过期变质食材", "危害师生身体健康", "高", "验收由食堂管理员和教师代表两人共同签字,留样四十八小时", "食堂负责人")}},
		{level: "岗位职权", kind: "内部职权", name: "报销单据审核", basis: "《中华人民共和国会计法》第十四条", dept: "财务室", post: "会计", scope: "单位内部", form: meetingForms,
			risks: []rk{risk3("因会计监督意识淡薄", "对不真实、不合法的原始凭证予以报销", "造成经费流失", "高", "原始凭证逐张审核,不合规票据退回并登记", "会计")}},
		{level: "岗位职权", kind: "内部职权", name: "现金收付办理", basis: "《现金管理暂行条例》第五条", dept: "财务室", post: "出纳", scope: "单位内部", form: meetingForms,
			risks: []rk{risk3("因现金管理制度执行不严", "挪用公款、坐支现金", "给学校造成资金损失", "高", "库存现金日清月结,会计每月盘点一次并签字", "出纳")}},
	}
}

// cleanSubmission builds the clean catalogue in the three-column layout.
func cleanSubmission() *importer.Submission {
	return newBuilder(threeColLayout).addAll(cleanPowers()...).sub
}

// labelled writes a risk point as one labelled statement, as the seed does.
func labelled(r rk) rk {
	r.stmt = r.source + "(风险源)," + r.point + "(风险点)," + r.harm + "(危害性)。"
	r.source, r.point, r.harm = "", "", ""
	return r
}

// cleanOneColumn builds the clean catalogue in the one-column layout.
func cleanOneColumn() *importer.Submission {
	b := newBuilder(oneColLayout)
	for _, p := range cleanPowers() {
		for i := range p.risks {
			p.risks[i] = labelled(p.risks[i])
		}
		b.add(p)
	}
	return b.sub
}

// tailRow is the row a power appended to the clean catalogue lands on.
var tailRow = firstDataRow + len(cleanPowers())

func TestCleanSubmission(t *testing.T) {
	for _, tc := range []struct {
		name string
		sub  *importer.Submission
	}{
		{"三列", cleanSubmission()},
		{"一列", cleanOneColumn()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range Check(tc.sub, "", nil) {
				t.Errorf("unexpected finding: %s %s %s!%s%d %s", f.Rule, f.Severity, f.Sheet, f.Col, f.Row, f.Message)
			}
		})
	}
}
