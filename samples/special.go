package samples

import (
	"math/rand/v2"
	"time"

	"lianfang/importer"
)

// unreadableText is what a unit sent instead of its workbook (S01): a note
// saved under the workbook's name.
const unreadableText = "各位领导:本单位职权目录表已按要求填写完毕,因邮箱附件大小受限,已上传至QQ群共享文件,请到群共享下载。\r\n联系人:"

// special plans the units that send no usable catalogue: none at all
// (X01), a file that is not a spreadsheet (S01), a workbook without the
// catalogue header (S02), or the header and nothing below it (S06).
func (c *county) special(i int, received time.Time, rng *rand.Rand) {
	up := &c.plans[i]
	u := up.Unit
	file := inbox + "/" + u.Name + ".xlsx"
	switch up.Role {
	case RoleMissing:
		up.Defects = append(up.Defects, Defect{Rule: "X01", Note: "本周期未提交职权目录表"})
	case RoleUnreadable:
		c.texts = append(c.texts, inboxFile{name: file, body: unreadableText + u.Contact + "\r\n", received: received})
		up.Files = append(up.Files, PlannedFile{Name: file, Received: received, Note: "扩展名为.xlsx的文本文件"})
		up.Defects = append(up.Defects, Defect{Rule: "S01", File: file, Note: "文件不是Excel工作簿"})
	case RoleNoCatalogue:
		bk := c.cleanBook(u, 1, rng)
		for _, p := range bk.powers {
			p.risks = p.risks[:1]
		}
		bk.columns = []importer.Key{importer.KeySeq, importer.KeyName, importer.KeyDept, importer.KeyNote}
		bk.mark("S02", nil, -1, "", "只填了序号、职权名称、承办科室、备注四栏,找不到职权目录表头")
		c.addBook(i, bk, received, "简化表格,缺少职权目录表的大部分栏目")
	case RoleEmpty:
		bk := &book{unit: u}
		bk.mark("S06", nil, -1, "", "只有表头,没有填写任何职权")
		c.addBook(i, bk, received, "空白模板,只填了单位信息")
	}
}

// resubmission gives plan i an earlier workbook with two mistakes, sent on
// the Monday morning before the current one (X02).
func (c *county) resubmission(i int, current *book, rng *rand.Rand) {
	old := &book{unit: current.unit, names: current.names, merge: current.merge,
		halfWidth: current.halfWidth, oneColumn: current.oneColumn, old: true,
		file: inbox + "/" + current.unit.Name + "_旧.xlsx"}
	for _, p := range current.powers {
		q := *p
		q.risks = append([]risk(nil), p.risks...)
		old.powers = append(old.powers, &q)
	}
	if p := c.target(old, rng, anyPower); p != nil && len(p.risks) > 0 {
		p.risks[0].point = "存在廉政风险"
		old.mark("R03", p, 0, importer.KeyPoint, "旧版:风险点只写“存在廉政风险”")
	}
	if p := c.target(old, rng, anyPower); p != nil {
		p.basis = "上级要求"
		old.mark("B03", p, -1, importer.KeyBasis, "旧版:职权依据写“上级要求”")
	}
	c.addBook(i, old, cycleStart.Add(8*time.Hour+time.Duration(rng.IntN(30))*time.Minute), "较早提交的旧版本")
	c.plans[i].Defects = append(c.plans[i].Defects,
		Defect{Rule: "X02", File: current.file, Note: "同一周期提交两次,以最后收到的为准"})
}

// duplicateCopy has plan i send its workbook a second time, byte for byte,
// under another name (X03).
func (c *county) duplicateCopy(i int, bk *book) {
	name := inbox + "/" + bk.unit.Name + "(1).xlsx"
	t := bk.received.Add(3 * time.Hour)
	c.copies = append(c.copies, inboxFile{name: name, body: bk.file, received: t})
	up := &c.plans[i]
	up.Files = append(up.Files, PlannedFile{Name: name, Received: t, Note: "同一文件重复发送"})
	up.Defects = append(up.Defects, Defect{Rule: "X03", File: name, Note: "与已提交文件完全相同"})
}

// outsiderPlan adds a unit that is not on the roster but sends a correct
// workbook (S04).
func (c *county) outsiderPlan(rng *rand.Rand) {
	u := outsider(c.bank, rng)
	c.plans = append(c.plans, UnitPlan{Unit: u, Role: RoleOutsider})
	i := len(c.plans) - 1
	bk := c.cleanBook(u, c.opt.Rows, rng)
	c.layout(bk, rng, false)
	c.addBook(i, bk, receivedTime(rng), "名册以外单位填报的职权目录表")
	c.plans[i].Defects = append(c.plans[i].Defects,
		Defect{Rule: "S04", File: bk.file, Row: 2, Note: "填报单位“" + u.Name + "”不在名册中(第2行填报单位)"})
}
