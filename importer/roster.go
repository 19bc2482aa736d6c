package importer

// RosterUnit is one unit of the county roster (名册).
type RosterUnit struct {
	Code    string   // 单位代码
	Name    string   // 单位名称
	Type    string   // 单位类型: one of UnitTypes
	Aliases []string // 别名, other names the unit goes by
	Contact string   // 联系人
	Phone   string   // 联系电话
	Email   string   // 邮箱
}

// RosterHeaders are the roster file's columns, in order.
var RosterHeaders = []string{"单位代码", "单位名称", "单位类型", "别名", "联系人", "联系电话", "邮箱"}
