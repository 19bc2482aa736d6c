package reports

import (
	"strings"

	"lianfang/importer"
)

// paraKind is how one paragraph of the 填表说明 sheet is shown.
type paraKind int

const (
	paraTitle   paraKind = iota // the sheet's title
	paraHead                    // a section heading, bold
	paraBody                    // a paragraph
	paraExample                 // an example, indented
)

// para is one paragraph of the 填表说明 sheet.
type para struct {
	kind paraKind
	text string
}

// seedExamples are the six risk statements of the training slides, word for
// word: 因果关系法 例1–3, then 行为表现法 例1–3. The 填表说明 sheet quotes
// them as the model of a three-part statement.
var seedExamples = []string{
	"因放松政治理论学习和党性锻炼(风险源),导致理想信念动摇、思想道德滑坡(风险点),工作中出现以权谋私、侵害企业利益现象(危害性)。",
	"因受人情干扰或收受贿赂(风险源),在物资采购中把关不严,造成采购物资价格偏高、质量低劣(风险点),给企业造成经济损失、带来安全隐患(危害性)",
	"由于财经制度不完善和法规意识淡薄(风险源),财务管理不规范,尤其大额度资金使用审批不能科学民主决策(风险点),造成决策失误,资金使用不正确、不合理,给企业造成经济损失(危害性)。",
	"放松政治理论学习和主观世界改造(风险源),工作不思进取、得过且过,甚至以权谋私(风险点),损害学校利益(危害性)。",
	"自我要求不严(风险源),违反廉洁自律规定,在公务活动中接受礼品、馈赠(风险点),做出有损企业利益的事情(危害性)。",
	"某某制度制定时间较长,不符合当前变化了的实际情况(风险源),可操作性不强,贯彻执行难度大,可能带来管理上的漏洞(风险点),导致违规违纪现象发生(危害性)。",
}

// requiredPosts lists, per unit type, the posts whose 岗位职权 must be
// listed, in the slides' words.
var requiredPosts = [][2]string{
	{"直属学校", "校长、副校长、书记、中层干部(含年级主任)、管理会计、出纳、食堂负责人"},
	{"教管中心", "主任、教研员、成教专干、管理会计"},
	{"初中、小学、幼儿园", "校长(园长)、副校长(副园长)、书记、中层干部、食堂负责人、管理会计、出纳"},
}

// instructions returns the paragraphs of the 填表说明 sheet.
func instructions() []para {
	var ps []para
	add := func(k paraKind, texts ...string) {
		for _, t := range texts {
			ps = append(ps, para{k, t})
		}
	}
	add(paraTitle, importer.Title+importer.InstructionSheet)
	add(paraBody, "本表用于职权清理和廉政风险点排查。按照“谁行使谁清理,谁清理谁负责”的原则,把该清理的权力都清理出来,无一遗漏。凡是涉及单位和个人利益决定、调整,具有廉政风险的职权,都要清理出来。")
	add(paraHead, "一、怎样填写")
	add(paraBody,
		"1. 第2行填写"+joinQuoted(importer.LabelUnit, importer.LabelUnitType, importer.LabelReporter, importer.LabelPhone, importer.LabelDate)+",其中"+importer.LabelUnitType+"从下拉列表选择。",
		"2. 从第4行起,每行填写一个廉政风险点。一项职权有多个风险点的,第一行填写职权各栏和第一个风险点,以后各行只填写风险各栏(见第十一条)。",
		"3. "+importer.ColumnOf(importer.KeySeq).Header+"按职权从1起连续编号,同一职权的多个风险点不另编号。权力运行流程图的排列顺序要与职权目录表中的职权排列顺序相对应,序号要一致。",
		"4. "+joinQuoted(enumHeaders()...)+"各栏请从下拉列表中选择,不要填写列表以外的内容。",
		"5. 请不要增加、删除或改动表头各栏,不要修改工作表名称;选中表头单元格可以看到该栏的填写提示。")
	add(paraHead, "二、各栏填写要求")
	for _, c := range importer.Schema {
		if c.InTemplate && c.Hint != "" {
			add(paraBody, c.Header+":"+c.Hint)
		}
	}
	add(paraHead, "三、职权的三个层次和必须清理的岗位")
	add(paraBody,
		"权力的清理主要是三部分:一是对岗位职权的清理,二是对单位内设部门权力的清理,三是对单位的权力进行清理。"+importer.ColumnOf(importer.KeyLevel).Header+"分别填写"+joinQuoted(importer.LevelEnum.Values...)+"。",
		"本次开展对象分三个层次:领导岗位(校级)、中层岗位、重要岗位。下列岗位必须逐一填写岗位职权:")
	for _, p := range requiredPosts {
		add(paraExample, p[0]+":"+p[1]+"。")
	}
	add(paraBody,
		"岗位可以写实际名称:教导主任、总务主任、年级主任等属于中层干部,会计、报账员属于管理会计,食堂管理员属于食堂负责人,党支部书记属于书记。",
		"各学校在校内将廉政风险防控工作开展到教职工层次。")
	add(paraHead, "四、外部职权和内部职权")
	add(paraBody,
		"外部职权是各单位面向社会的职权。内部职权具体地说,主要是重大决策、重要干部任免、重大项目安排和大额度资金使用,一般简称“三重一大”。",
		"内部职权分为两个层次,一是单位领导班子行使的职权,二是内设部门行使的职权,清理后填在职权目录表外部职权的后面。单位职权中要把“三重一大”四类内部职权分别列出。内部职权不对外公开的,要在单位内部公开。")
	add(paraHead, "五、职权名称的规范")
	add(paraBody,
		"一是主要根据权力依据的表述,如法律法规、政策文件规定规范名称。二是要反映出权力的核心内容。三是名称要尽量简练概括。四是要体现权力的性质。如审核、审定、审批、决定等。",
		"职权名称的确定也要按照权力的管理权限的层级来确定。同一职权由两个以上处科室承担的,只列一项权力,可以在"+importer.ColumnOf(importer.KeyDept).Header+"栏将相关处、科、室都填写上。")
	add(paraExample, "如:写“学生学籍变动审核”,不写“学籍管理”;不写“其他事项”“日常工作”等笼统的名称。")
	add(paraHead, "六、职权依据的规范")
	add(paraBody,
		"职权依据要准确、充分。教育机关主要依据宪法、教育法、义务教育法、教师法、机关“三定”方案;党的机关主要依据党章、党纪方面管理的有关规定、党内事务管理办法、党的决议决定、党内规范性文件、部门机构的“三定”方案。",
		"依据要写明文件名称(用书名号《》)和具体条款,不能只写“上级要求”“有关规定”“相关文件”。")
	add(paraExample, "如:《中华人民共和国义务教育法》第十二条;《中国共产党章程》。")
	add(paraHead, "七、职权公开的规范")
	add(paraBody,
		"职权的公开分为面向社会公开和内部公开。外部权力要全部面向社会公开,面向社会公开的形式,主要以网站、公告为主。内部公开的采取内部网络、文件等形式。",
		"对于个别涉密事项是否公开,由本部门、本单位确定,但不能出于某种目的,以保密为由,将应该公开的权力不公开,必要时,可以向同级保密部门咨询。",
		importer.ColumnOf(importer.KeyScope).Header+"选“"+importer.ScopeNone+"”的,必须在"+importer.ColumnOf(importer.KeyNote).Header+"栏写明理由:属于国家秘密、工作秘密、商业秘密或个人隐私。")
	ps = append(ps, riskParagraphs()...)
	return ps
}

// enumHeaders returns the headers of the template's enumerated columns.
func enumHeaders() []string {
	var hs []string
	for _, c := range importer.Schema {
		if c.InTemplate && c.Enum != nil {
			hs = append(hs, c.Header)
		}
	}
	return hs
}

// joinQuoted quotes each item with “” and joins them with 、.
func joinQuoted(items ...string) string {
	return "“" + strings.Join(items, "”、“") + "”"
}
