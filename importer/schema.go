package importer

// Key identifies one column of the 附件1 职权目录表, whatever header a unit wrote.
type Key string

// The column keys of SPEC §2, in template order.
const (
	KeySeq       Key = "seq"
	KeyLevel     Key = "level"
	KeyKind      Key = "kind"
	KeyName      Key = "name"
	KeyBasis     Key = "basis"
	KeyDept      Key = "dept"
	KeyPost      Key = "post"
	KeyScope     Key = "scope"
	KeyForm      Key = "form"
	KeySource    Key = "source"
	KeyPoint     Key = "point"
	KeyHarm      Key = "harm"
	KeyStatement Key = "statement"
	KeyGrade     Key = "grade"
	KeyMeasures  Key = "measures"
	KeyOwner     Key = "owner"
	KeyNote      Key = "note"
)

// Column describes one column of the template: its canonical header, the
// aliases accepted on import, the input message shown in the template and,
// for enumerated columns, the allowed values.
type Column struct {
	Key        Key
	Header     string   // canonical header, as the template writes it
	Aliases    []string // other headers accepted when importing
	Hint       string   // input message shown on the header cell
	Width      float64  // template column width
	Enum       *Enum    // non-nil for enumerated columns
	InTemplate bool     // false for the one-column statement layout, which the template does not write
}

// Enum is an enumerated column's value list and its accepted aliases.
type Enum struct {
	Values  []string          // canonical values, in dropdown order
	Aliases map[string]string // alias → canonical value
}

// Canonical returns the canonical value for s (a canonical value or an
// alias, compared after Normalize) and whether s was recognised.
func (e *Enum) Canonical(s string) (string, bool) {
	n := Normalize(s)
	for _, v := range e.Values {
		if Normalize(v) == n {
			return v, true
		}
	}
	for a, v := range e.Aliases {
		if Normalize(a) == n {
			return v, true
		}
	}
	return "", false
}

// Canonical values of the enumerated columns.
const (
	LevelUnit = "单位职权"
	LevelDept = "内设部门职权"
	LevelPost = "岗位职权"

	KindExternal = "外部职权"
	KindInternal = "内部职权"

	ScopePublic   = "面向社会"
	ScopeInternal = "单位内部"
	ScopeNone     = "不公开"

	GradeHigh   = "高"
	GradeMedium = "中"
	GradeLow    = "低"
)

// The enumerations of SPEC §2.
var (
	LevelEnum = &Enum{
		Values: []string{LevelUnit, LevelDept, LevelPost},
		Aliases: map[string]string{
			"单位": LevelUnit, "学校职权": LevelUnit, "领导班子职权": LevelUnit,
			"部门": LevelDept, "科室职权": LevelDept, "处室职权": LevelDept,
			"岗位": LevelPost, "个人岗位职权": LevelPost,
		},
	}
	KindEnum = &Enum{
		Values:  []string{KindExternal, KindInternal},
		Aliases: map[string]string{"外部": KindExternal, "内部": KindInternal},
	}
	ScopeEnum = &Enum{
		Values: []string{ScopePublic, ScopeInternal, ScopeNone},
		Aliases: map[string]string{
			"社会公开": ScopePublic, "向社会公开": ScopePublic, "对外公开": ScopePublic,
			"内部公开": ScopeInternal, "校内公开": ScopeInternal, "对内公开": ScopeInternal,
			"不予公开": ScopeNone, "涉密": ScopeNone,
		},
	}
	GradeEnum = &Enum{
		Values: []string{GradeHigh, GradeMedium, GradeLow},
		Aliases: map[string]string{
			"高风险": GradeHigh, "一级": GradeHigh, "A": GradeHigh,
			"中风险": GradeMedium, "二级": GradeMedium, "B": GradeMedium,
			"低风险": GradeLow, "三级": GradeLow, "C": GradeLow,
		},
	}
)

// UnitTypes lists the unit types of the 单位类型 dropdown.
var UnitTypes = []string{"直属学校", "教管中心", "初中", "小学", "幼儿园"}

// FormHint lists the disclosure forms suggested in the template.
const FormHint = "面向社会:网站、公告、公示栏、校务公开栏、微信公众号;单位内部:内部网络、文件、会议、教代会、校内公示栏。可填多项,用、分隔"

// Schema is the one definition of the catalogue's columns, used by the
// importer to recognise headers and by the template writer to write them.
var Schema = []Column{
	{Key: KeySeq, Header: "序号", Aliases: []string{"编号"}, Width: 6, InTemplate: true,
		Hint: "按职权顺序填写 1、2、3……,从 1 起连续编号;权力运行流程图的序号与此一致。同一职权的多个风险点不另编号"},
	{Key: KeyLevel, Header: "职权层级", Aliases: []string{"层级", "权力层级"}, Width: 12, Enum: LevelEnum, InTemplate: true,
		Hint: "从下拉列表选择:单位职权、内设部门职权、岗位职权"},
	{Key: KeyKind, Header: "职权类别", Aliases: []string{"类别", "职权类型", "权力类别"}, Width: 10, Enum: KindEnum, InTemplate: true,
		Hint: "外部职权:面向社会的职权;内部职权:“三重一大”等单位内部职权,填在外部职权的后面"},
	{Key: KeyName, Header: "职权名称", Aliases: []string{"权力名称", "权力事项", "职权事项", "职权内容"}, Width: 22, InTemplate: true,
		Hint: "根据依据的表述,反映权力的核心内容,简练概括,体现权力性质(如审核、审定、审批、决定),如“学生学籍变动审核”"},
	{Key: KeyBasis, Header: "职权依据", Aliases: []string{"实施依据", "法律依据", "设定依据", "依据"}, Width: 30, InTemplate: true,
		Hint: "写明法律法规或文件名称及条款,如《中华人民共和国教育法》第二十九条;党务职权依据党章、党内法规"},
	{Key: KeyDept, Header: "承办科室", Aliases: []string{"承办处室", "承办部门", "办理主体", "责任科室", "行使主体"}, Width: 14, InTemplate: true,
		Hint: "同一职权由两个以上科室承担的只列一项,在此栏填写相关科室,用、分隔"},
	{Key: KeyPost, Header: "行使岗位", Aliases: []string{"岗位", "责任岗位", "风险岗位"}, Width: 12, InTemplate: true,
		Hint: "岗位职权必填,如校长、副校长、书记、教导主任、管理会计、出纳、食堂负责人"},
	{Key: KeyScope, Header: "公开范围", Aliases: []string{"公开对象"}, Width: 10, Enum: ScopeEnum, InTemplate: true,
		Hint: "外部职权必须面向社会公开;内部职权在单位内部公开;不公开的须在备注写明理由(国家秘密、工作秘密、商业秘密或个人隐私)"},
	{Key: KeyForm, Header: "公开形式", Aliases: []string{"公开方式"}, Width: 16, InTemplate: true, Hint: FormHint},
	{Key: KeySource, Header: "风险源", Width: 24, InTemplate: true,
		Hint: "产生风险的原因,如“因受人情干扰或收受贿赂”"},
	{Key: KeyPoint, Header: "风险点", Width: 28, InTemplate: true,
		Hint: "可能发生的具体行为,如“在物资采购中把关不严,造成采购物资价格偏高、质量低劣”。表述准确、具体,不能太简单、太笼统"},
	{Key: KeyHarm, Header: "危害性", Aliases: []string{"危害", "可能后果"}, Width: 24, InTemplate: true,
		Hint: "风险发生后的后果,如“给单位造成经济损失、带来安全隐患”"},
	{Key: KeyStatement, Header: "廉政风险点", Aliases: []string{"风险描述", "风险点描述", "廉政风险点描述", "廉政风险主要内容及表现形式"}, Width: 40,
		Hint: "按“风险源、风险点、危害性”三要素表述,如“因……(风险源),导致……(风险点),造成……(危害性)”"},
	{Key: KeyGrade, Header: "风险等级", Aliases: []string{"等级", "风险级别"}, Width: 8, Enum: GradeEnum, InTemplate: true,
		Hint: "从下拉列表选择高、中、低。涉及人、财、物和“三重一大”的职权一般为高"},
	{Key: KeyMeasures, Header: "防控措施", Aliases: []string{"防范措施", "防控要点", "防控要点及防控措施"}, Width: 30, InTemplate: true,
		Hint: "针对风险点写明具体措施,如“采购实行三人以上询价,结果在校务公开栏公示”,不写“加强管理”等空话"},
	{Key: KeyOwner, Header: "责任人", Aliases: []string{"防控责任人", "直接责任人"}, Width: 10, InTemplate: true,
		Hint: "填写防控责任人的岗位或姓名"},
	{Key: KeyNote, Header: "备注", Width: 16, InTemplate: true,
		Hint: "不公开的职权在此写明理由(国家秘密、工作秘密、商业秘密或个人隐私)"},
}

// ColumnOf returns the schema column for key.
func ColumnOf(k Key) Column {
	for _, c := range Schema {
		if c.Key == k {
			return c
		}
	}
	return Column{Key: k, Header: string(k)}
}

// PowerKeys are the columns that describe the power itself; a row with all
// of them blank but risk columns filled is a continuation row.
var PowerKeys = []Key{KeySeq, KeyLevel, KeyKind, KeyName, KeyBasis, KeyDept, KeyPost, KeyScope, KeyForm}

// RiskKeys are the columns of one risk point.
var RiskKeys = []Key{KeySource, KeyPoint, KeyHarm, KeyStatement, KeyGrade, KeyMeasures, KeyOwner}

// Unit-info labels written in row 2 of the template and recognised on import.
const (
	LabelUnit     = "填报单位"
	LabelUnitType = "单位类型"
	LabelReporter = "填报人"
	LabelPhone    = "联系电话"
	LabelDate     = "填报日期"
)

// Sheet names and the template-version marker.
const (
	CatalogueSheet   = "职权目录"
	InstructionSheet = "填表说明"
	ListSheet        = "下拉列表"
	InfoSheet        = "填报信息"
	Title            = "职权目录表"
	// VersionLabel is written in cell A1 of the hidden list sheet, and the
	// template version in B1; the importer reads it back.
	VersionLabel = "模板版本"
	// VersionPrefix starts every template version this tool has written.
	VersionPrefix = "lianfang-附件1-"
	// TemplateVersion is the version this build writes.
	TemplateVersion = VersionPrefix + "v1"
)
