package checks

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
