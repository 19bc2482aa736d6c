package checks

// registry is the rule registry of SPEC §4: every rule's ID, severity, text
// and suggestion.
var registry = concatRules(structureRules, nameRules, basisRules, disclosureRules, riskRules, completeRules, countyRules)

// concatRules joins rule tables into one new slice.
func concatRules(tables ...[]Rule) []Rule {
	var out []Rule
	for _, t := range tables {
		out = append(out, t...)
	}
	return out
}

// suggestBasis is the one example of a well-cited basis.
const suggestBasis = "请写明法律法规或文件名称及条款,如《中华人民共和国教育法》第二十九条"

var structureRules = []Rule{
	{ID: "S01", Title: "文件无法读取", Category: catStructure, Severity: Error,
		Text:       "文件损坏、不是 Excel 文件、有密码保护或是空文件,无法读取。",
		Suggestion: "请用 Excel 或 WPS 打开确认文件完好,取消密码保护后另存为 .xlsx 文件重新报送"},
	{ID: "S02", Title: "找不到职权目录表", Category: catStructure, Severity: Error,
		Text:       "没有一个工作表的表头与附件1职权目录表相符(至少要有 5 个模板列)。",
		Suggestion: "请使用县局下发的附件1职权目录表模板填写,不要删改第3行表头"},
	{ID: "S03", Title: "缺少必填列", Category: catStructure, Severity: Error,
		Text:       "职权目录表缺少必填列:序号、职权层级、职权类别、职权名称、职权依据、承办科室、公开范围、风险等级、防控措施、责任人,以及风险源、风险点、危害性三列(或一列廉政风险点)。",
		Suggestion: "请按附件1模板补齐该列,表头文字与模板一致"},
	{ID: "S04", Title: "单位与名册不符", Category: catStructure, Severity: Error,
		Text:       "填报单位在全县单位名册中找不到,或表中填报单位与文件名所指的单位不一致。",
		Suggestion: "请在第2行“填报单位”填写名册中的单位全称,文件以本单位名称命名"},
	{ID: "S05", Title: "序号不规范", Category: catStructure, Severity: Error,
		Text:       "序号须为从 1 起连续的正整数,每项职权一个,不得重复(权力运行流程图的排列顺序和序号要与职权目录表一致)。",
		Suggestion: "请按职权顺序重新编号 1、2、3……,同一职权的多个风险点不另编号"},
	{ID: "S06", Title: "职权目录表无数据", Category: catStructure, Severity: Error,
		Text:       "职权目录表只有表头,没有填写任何职权。",
		Suggestion: "请逐项填写本单位清理出的职权后重新报送"},
	{ID: "S07", Title: "模板以外的列", Category: catStructure, Severity: Warning,
		Text:       "表中有模板以外的列,其内容予以保留,但不参加校验。",
		Suggestion: "请确认是否需要该列;如果是模板列改了名称,请改回模板表头"},
	{ID: "S08", Title: "选项值不规范", Category: catStructure, Severity: Error,
		Text:       "职权层级、职权类别、公开范围、风险等级须填写下拉列表中的值。",
		Suggestion: "请从下拉列表中选择:职权层级(单位职权、内设部门职权、岗位职权)、职权类别(外部职权、内部职权)、公开范围(面向社会、单位内部、不公开)、风险等级(高、中、低)"},
}

var nameRules = []Rule{
	{ID: "N01", Title: "职权名称为空", Category: catName, Severity: Error,
		Text:       "每项职权都要填写职权名称。",
		Suggestion: "请填写职权名称,如“学生学籍变动审核”"},
	{ID: "N02", Title: "名称未体现权力性质", Category: catName, Severity: Error,
		Text:       "职权名称要体现权力的性质,如审核、审定、审批、决定、认定、评审、检查、处理、推荐、采购、验收等。",
		Suggestion: "请在名称中写明权力的性质,如“教师职称评聘推荐”“学生转学审核”“食堂物资采购验收”"},
	{ID: "N03", Title: "名称性质不明", Category: catName, Severity: Warning,
		Text:       "职权名称只用“管理”等泛称,看不出权力的性质。",
		Suggestion: "请写明具体的权力,如把“学籍管理”改为“学籍变动审核”,把“财务管理”改为“经费支出审批”"},
	{ID: "N04", Title: "名称不够简练", Category: catName, Severity: Warning,
		Text:       "职权名称要简练概括:不超过 25 个字,不含逗号、句号等句子标点。",
		Suggestion: "请把名称压缩为一个短语,具体内容写入职权依据或风险点栏"},
	{ID: "N05", Title: "名称笼统", Category: catName, Severity: Error,
		Text:       "职权名称不得是“其他”“其他事项”“日常工作”“相关工作”等笼统说法,也不得以“等”结尾。",
		Suggestion: "请把笼统的事项逐项列出,每项职权一行,各写明名称和性质"},
	{ID: "N06", Title: "职权重复", Category: catName, Severity: Error,
		Text:       "同一职权在本单位同一层级列了两次;同一职权由两个以上处科室承担的,只列一项权力。",
		Suggestion: "请删除重复的一项,在承办科室栏将相关科室都填写上,用、分隔"},
	{ID: "N07", Title: "职权名称相近", Category: catName, Severity: Warning,
		Text:       "本单位两项职权名称几乎相同(字符二元组 Dice 相似度不低于 0.8),可能重复、交叉。",
		Suggestion: "请核实两项是否为同一职权:是则合并为一项,不是则在名称中写明区别"},
}

var basisRules = []Rule{
	{ID: "B01", Title: "职权依据为空", Category: catBasis, Severity: Error,
		Text:       "每项职权都要填写职权依据。",
		Suggestion: suggestBasis},
	{ID: "B02", Title: "依据无法识别", Category: catBasis, Severity: Error,
		Text:       "职权依据中既没有《》文件名称,也没有可识别的依据名称(宪法、教育法、义务教育法、教师法、党章、“三定”方案等)。",
		Suggestion: suggestBasis},
	{ID: "B03", Title: "依据不是依据", Category: catBasis, Severity: Error,
		Text:       "“上级要求”“领导安排”“工作需要”“惯例”“按规定”“有关规定”“相关文件”“上级文件”等不是职权依据(除非同时写明文件名称)。",
		Suggestion: suggestBasis},
	{ID: "B04", Title: "依据未写条款", Category: catBasis, Severity: Warning,
		Text:       "引用法律、条例没有写明第几条,依据不充分。",
		Suggestion: "请在法规名称后写明条款,如《中华人民共和国教育法》第二十九条"},
	{ID: "B05", Title: "文件名称不规范", Category: catBasis, Severity: Warning,
		Text:       "《》中应是完整的文件名称,以法、条例、规定、办法、细则、意见、通知、决定、方案、章程、制度、标准等文种结尾,书名号要成对。",
		Suggestion: "请核对并写全文件名称,如《中小学幼儿园安全管理办法》"},
	{ID: "B06", Title: "党务依据不当", Category: catBasis, Severity: Warning,
		Text:       "党务职权(名称涉及党、党员、党组织、组织生活、发展党员)要依据党章、党内法规;行政职权不能只以党内法规为依据。",
		Suggestion: "党务职权请引用《中国共产党章程》或有关党内法规;行政职权请引用教育法律法规或政府文件"},
}

var disclosureRules = []Rule{
	{ID: "D01", Title: "公开范围为空", Category: catDisclosure, Severity: Error,
		Text:       "每项职权都要填写公开范围。",
		Suggestion: "请从下拉列表选择公开范围:面向社会、单位内部或不公开"},
	{ID: "D02", Title: "外部职权未面向社会公开", Category: catDisclosure, Severity: Error,
		Text:       "外部职权要全部面向社会公开。",
		Suggestion: "请把公开范围改为“面向社会”,公开形式以网站、公告为主"},
	{ID: "D03", Title: "外部职权无社会公开渠道", Category: catDisclosure, Severity: Error,
		Text:       "外部职权的公开形式中没有面向社会的渠道;面向社会公开主要以网站、公告为主。",
		Suggestion: "请在公开形式中写明网站、公告、校务公开栏、微信公众号等面向社会的渠道"},
	{ID: "D04", Title: "公开形式为空", Category: catDisclosure, Severity: Error,
		Text:       "公开范围为面向社会或单位内部的职权,要填写公开形式。",
		Suggestion: "面向社会的填写网站、公告、校务公开栏等;单位内部的填写内部网络、文件、会议、教代会等"},
	{ID: "D05", Title: "不公开未写理由", Category: catDisclosure, Severity: Error,
		Text:       "不公开的职权要在备注写明理由(国家秘密、工作秘密、商业秘密或个人隐私);不能以保密为由将应该公开的权力不公开。",
		Suggestion: "请在备注写明不公开的理由,如“涉及学生个人隐私”;没有这些理由的应当公开"},
	{ID: "D06", Title: "公开形式不规范", Category: catDisclosure, Severity: Warning,
		Text:       "公开形式不是规定的形式(网站、公告、公示栏、校务公开栏、微信公众号、内部网络、文件、会议、教代会等)。",
		Suggestion: "请填写规定的公开形式,如网站、公告、校务公开栏、内部网络、文件、会议,多项用、分隔"},
	{ID: "D07", Title: "“三重一大”事项不当", Category: catDisclosure, Severity: Error,
		Text:       "“三重一大”事项(重大决策、重要干部任免、重大项目安排、大额度资金使用)不得不公开(错误),并应列为单位职权由领导班子集体行使(否则警告)。",
		Suggestion: "请把“三重一大”事项列为单位职权,公开范围至少为单位内部,通过教代会、会议、文件等形式公开"},
}

var riskRules = []Rule{
	{ID: "R01", Title: "没有廉政风险点", Category: catRisk, Severity: Error,
		Text:       "每项职权都要查找廉政风险点,“查不到风险是最现实的危险”。",
		Suggestion: "请按“风险源、风险点、危害性”三要素查找并填写至少一个风险点"},
	{ID: "R02", Title: "风险点要素不全", Category: catRisk, Severity: Error,
		Text:       "每个风险点的表述由风险源、风险点、危害性三个要素组成,缺一不可。",
		Suggestion: "请补写缺少的要素,如“因受人情干扰或收受贿赂(风险源),在物资采购中把关不严(风险点),给单位造成经济损失(危害性)”"},
	{ID: "R03", Title: "风险表述太简单、太笼统", Category: catRisk, Severity: Error,
		Text:       "风险点表述必须准确、具体,不能太简单、太笼统:每个要素不少于 4 个汉字,不能只写“存在廉政风险”“违规违纪”“出现问题”等套话。",
		Suggestion: "请写明具体原因、具体行为和具体后果,如“在物资采购中把关不严,造成采购物资价格偏高、质量低劣”"},
	{ID: "R04", Title: "风险点表述雷同", Category: catRisk, Severity: Warning,
		Text:       "同一风险点表述用于本单位 3 项以上职权,查找风险流于形式化。",
		Suggestion: "请结合每项职权的具体办理环节分别查找风险点,避免形式化"},
	{ID: "R05", Title: "风险等级为空", Category: catRisk, Severity: Error,
		Text:       "每个风险点都要评定风险等级。",
		Suggestion: "请从下拉列表选择高、中、低;涉及人、财、物和“三重一大”的一般为高"},
	{ID: "R06", Title: "风险等级与职权不符", Category: catRisk, Severity: Warning,
		Text:       "涉及人、财、物(财务、资金、采购、基建、食堂、人事、招生等)和“三重一大”的职权评为高以下,或审批、确认、检查、考核类职权评为低(警告);其他职权评为高的,提示是否扩大化(提示)。",
		Suggestion: "请对照评级参考重新评估:财务、采购、基建和“三重一大”事项为高,一般审批、确认、检查事项为中,对人财物影响小的岗位为低"},
	{ID: "R07", Title: "风险等级没有区分", Category: catRisk, Severity: Warning,
		Text:       "本单位所有风险点等级相同:全为高是扩大化,全为低是查风险走过场。",
		Suggestion: "请按各项职权对人、财、物的影响逐项评定高、中、低"},
	{ID: "R08", Title: "防控措施为空或空泛", Category: catRisk, Severity: Error,
		Text:       "每个风险点都要有具体的防控措施(为空是错误;少于 8 个字或只有“加强管理”“严格执行制度”等套话是警告)。",
		Suggestion: "请针对风险点写明具体措施,如“采购实行三人以上询价,结果在校务公开栏公示”"},
	{ID: "R09", Title: "责任人为空", Category: catRisk, Severity: Error,
		Text:       "每个风险点都要明确防控责任人。",
		Suggestion: "请填写防控责任人的岗位或姓名,如“总务主任”"},
}

var completeRules = []Rule{
	{ID: "C01", Title: "缺少必查岗位", Category: catComplete, Severity: Error,
		Text:       "按单位类型必须清理的岗位没有岗位职权(初中、小学、幼儿园:校长、副校长、书记、中层干部、食堂负责人、管理会计、出纳;直属学校另含年级主任;教管中心:主任、教研员、成教专干、管理会计)。",
		Suggestion: "请补充该岗位的岗位职权,职权层级填“岗位职权”,行使岗位填岗位名称"},
	{ID: "C02", Title: "缺少职权层级", Category: catComplete, Severity: Error,
		Text:       "单位职权、内设部门职权、岗位职权三个层次都要清理,某一层次没有职权。",
		Suggestion: "请清理并补充该层次的职权"},
	{ID: "C03", Title: "缺少“三重一大”职权", Category: catComplete, Severity: Warning,
		Text:       "单位职权中缺少某一类“三重一大”内部职权(重大决策、重要干部任免、重大项目安排、大额度资金使用)。",
		Suggestion: "请补充该类单位职权,职权类别填“内部职权”,如“重大事项集体决策”“大额资金使用审批”"},
	{ID: "C04", Title: "内外部职权顺序颠倒", Category: catComplete, Severity: Warning,
		Text:       "外部职权排在了内部职权之后;内部职权应填在职权目录表外部事项的后面。",
		Suggestion: "请调整顺序:先填外部职权,再填内部职权,并重新编排序号"},
}

var countyRules = []Rule{
	{ID: "X01", Title: "未提交", Category: catCounty, Severity: Error,
		Text:       "名册中的单位本周期没有报送职权目录表。",
		Suggestion: "请督促该单位按时报送附件1职权目录表"},
	{ID: "X02", Title: "重复报送", Category: catCounty, Severity: Info,
		Text:       "单位本周期报送了不止一次,以最后收到的为准,之前的保留在历史记录中。",
		Suggestion: "无需处理;如报送有误,请以最新文件为准"},
	{ID: "X03", Title: "重复文件", Category: catCounty, Severity: Info,
		Text:       "收到与已报送文件完全相同的文件,已记录,不再重复处理。",
		Suggestion: "无需处理"},
	{ID: "X04", Title: "与其他单位雷同", Category: catCounty, Severity: Warning,
		Text:       "风险点表述与其他单位高度雷同,查找风险流于形式化。",
		Suggestion: "请结合本单位实际和本岗位的具体环节查找风险点,不照抄照搬"},
}

// MessageX04 is the only text a unit's own report carries for X04: it never
// names or quotes the other unit.
const MessageX04 = "与其他单位填报内容高度雷同"
