package samples

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"lianfang/importer"
)

// power is one power of a sample catalogue with its risk points, as the
// unit writes it.
type power struct {
	spec                                               *powerSpec
	level, kind, name, basis, depts, post, scope, form string
	note                                               string
	risks                                              []risk
}

// risk is one risk point: its three parts, grade, measures and owner.
type risk struct {
	source, point, harm, grade, measures, owner string
	num                                         uint64 // its statement number (statements.go)
}

// book is one unit's workbook as planned.
type book struct {
	unit      importer.RosterUnit
	names     map[string]string // how the unit writes each post
	file      string            // path relative to the output directory
	plan      int               // index of the unit's plan in county.plans
	received  time.Time         // the file's modification time
	old       bool              // an earlier submission, superseded (X02)
	powers    []*power
	merge     bool           // powers merged down over their risk rows
	oneColumn bool           // the 廉政风险点 statement layout
	columns   []importer.Key // nil for the template's columns
	drop      []importer.Key // template columns left out (S03)
	extra     string         // header of an extra column, "" for none
	halfWidth bool           // punctuation typed half-width
	seqGap    *power         // 序号 skips a number before this power (S05)
	marks     []mark         // defects, resolved to cells when rendered
	noDept    bool           // department powers removed (C02)
	noPost    string         // required post whose powers were removed (C01)
}

// mark is a defect attached to a power (and risk point) of a book; rows
// are resolved when the book is rendered.
type mark struct {
	rule string // "" reserves p without recording a defect
	p    *power // nil for the whole file
	risk int    // index of the risk point, -1 for the power's first row
	ref  *power // an earlier power the defect refers to (N06, N07)
	col  importer.Key
	note string
}

// requiredPosts are the posts each unit type must list (SPEC §4 C01).
var requiredPosts = map[string][]string{
	"直属学校": {"校长", "副校长", "书记", "中层干部", "管理会计", "出纳", "食堂负责人"},
	"教管中心": {"主任", "教研员", "成教专干", "管理会计"},
	"初中":   {"校长", "副校长", "书记", "中层干部", "食堂负责人", "管理会计", "出纳"},
	"小学":   {"校长", "副校长", "书记", "中层干部", "食堂负责人", "管理会计", "出纳"},
	"幼儿园":  {"校长", "副校长", "书记", "中层干部", "食堂负责人", "管理会计", "出纳"},
}

// middlePosts are written posts that count as 中层干部.
var middlePosts = []string{"教导主任", "总务主任", "年级主任", "政教主任", "保教主任", "办公室主任", "教研组长"}

// postCanon returns the required post a listed post counts as.
func postCanon(post string) string {
	for _, m := range middlePosts {
		if post == m {
			return "中层干部"
		}
	}
	return post
}

// postVariants are the other names a unit may write for a post.
var postVariants = map[string][]string{
	"书记":    {"书记", "党支部书记"},
	"管理会计":  {"管理会计", "会计", "报账员"},
	"食堂负责人": {"食堂负责人", "食堂管理员"},
	"主任":    {"主任", "中心主任"},
}

// postNames picks how one unit writes each post.
func postNames(unitType string, rng *rand.Rand) map[string]string {
	names := map[string]string{}
	for _, post := range slices.Sorted(maps.Keys(postVariants)) { // sorted: the draws must not depend on map order
		vs := postVariants[post]
		names[post] = vs[rng.IntN(len(vs))]
	}
	if unitType == "幼儿园" {
		names["校长"], names["副校长"] = "园长", "副园长"
	}
	return names
}

// writtenPost returns post as the unit writes it.
func writtenPost(names map[string]string, post string) string {
	if n, ok := names[post]; ok {
		return n
	}
	return post
}

// deptHeads names the post answering for a department's powers.
var deptHeads = map[string]string{
	"教导处": "教导主任", "政教处": "政教主任", "总务处": "总务主任", "财务室": "管理会计",
	"办公室": "办公室主任", "安全办": "安全办主任", "教科室": "教科室主任", "工会": "工会主席",
	"保教办": "保教主任", "保健室": "保健医生", "教研室": "教研室主任", "成教办": "成教专干",
	"团委": "团委书记", "食堂": "食堂负责人",
}

// ownerOf returns who answers for the risk points of a power.
func ownerOf(p *powerSpec, unitType string, names map[string]string) string {
	switch {
	case p.Post != "":
		return writtenPost(names, p.Post)
	case p.Level == importer.LevelUnit && unitType == "教管中心":
		return writtenPost(names, "主任")
	case p.Level == importer.LevelUnit:
		return writtenPost(names, "校长")
	}
	first, _, _ := strings.Cut(p.Depts, "、")
	return writtenPost(names, deptHeads[first])
}

// Disclosure forms the sample units write (all in the form lexicon).
var (
	publicForms   = []string{"网站、公告", "校务公开栏、网站", "公告、公示栏", "网站、微信公众号", "校务公开栏、公告", "公示栏、家长会"}
	internalForms = []string{"内部网络、文件", "教代会、文件", "会议、校内公示栏", "文件、会议", "行政会议、内部网络", "教职工大会、校内公示栏"}
)

// secretNote is the 备注 of a power kept from disclosure.
const secretNote = "涉及学生个人隐私,依法不予公开"
