package checks

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"lianfang/importer"
)

// TestFieldEnumsMatchSchema keeps the oneof lists of the validator tags in
// step with the importer's canonical values.
func TestFieldEnumsMatchSchema(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(powerFields{}), reflect.TypeOf(riskFields{})} {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			col := importer.ColumnOf(importer.Key(f.Tag.Get("col")))
			_, oneof, ok := strings.Cut(f.Tag.Get("validate"), "oneof=")
			if col.Enum == nil {
				if ok {
					t.Errorf("%s has oneof but column %s is not enumerated", f.Name, col.Header)
				}
				continue
			}
			if !ok || !slices.Equal(strings.Fields(oneof), col.Enum.Values) {
				t.Errorf("%s oneof = %q, schema values %v", f.Name, oneof, col.Enum.Values)
			}
			for tag := range strings.SplitSeq(strings.Split(f.Tag.Get("validate"), "=")[0], ",") {
				if _, ok := fieldRules[f.Name+"."+tag]; !ok {
					t.Errorf("%s.%s has no rule", f.Name, tag)
				}
			}
		}
	}
}

func TestFieldMessagesAreChinese(t *testing.T) {
	fs := Check(tail(func(p *pw) { p.level = "学校" })(), "", nil)
	got := ofRule(fs, "S08")
	if len(got) != 1 {
		t.Fatalf("S08:%s", describe(got))
	}
	want := `职权目录!B` + strconv.Itoa(tailRow) + `:职权层级应为单位职权、内设部门职权、岗位职权之一,填写的是"学校"`
	if got[0].Message != want {
		t.Errorf("message %q, want %q", got[0].Message, want)
	}
}
