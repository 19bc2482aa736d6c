package reports

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"lianfang/checks"
)

func TestWriteJSONL(t *testing.T) {
	findings := []checks.Finding{
		{File: "收件/实验小学.xlsx", Unit: "实验小学", Sheet: "职权目录", Row: 12, Col: "K", Column: "风险点",
			Rule: "R03", Severity: checks.Error, Message: "风险点“有风险”过于笼统 <见K12> & 其他",
			Suggestion: "请写明具体行为,如\"在采购中把关不严\""},
		{File: "收件/城关中学.xls", Unit: "城关中学", Rule: "C02", Severity: checks.Error,
			Message: "缺少“岗位职权”", Suggestion: ""},
	}
	want := `{"file":"收件/实验小学.xlsx","unit":"实验小学","sheet":"职权目录","row":12,"col":"K","column":"风险点","rule":"R03","severity":"error","message":"风险点“有风险”过于笼统 <见K12> & 其他","suggestion":"请写明具体行为,如\"在采购中把关不严\""}
{"file":"收件/城关中学.xls","unit":"城关中学","sheet":"","row":0,"col":"","column":"","rule":"C02","severity":"error","message":"缺少“岗位职权”","suggestion":""}
`
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, findings); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != want {
		t.Errorf("WriteJSONL wrote\n%s\nwant\n%s", got, want)
	}
}

func TestWriteJSONLEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, nil); err != nil || buf.Len() != 0 {
		t.Errorf("WriteJSONL(nil) = %q, %v", buf.String(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteJSONLWriteError(t *testing.T) {
	if err := WriteJSONL(failWriter{}, []checks.Finding{{Rule: "S01"}}); err == nil {
		t.Error("WriteJSONL to a failing writer returned nil")
	}
}

func ExampleWriteJSONL() {
	_ = WriteJSONL(os.Stdout, []checks.Finding{{
		File: "收件/实验小学.xlsx", Unit: "实验小学", Sheet: "职权目录", Row: 12, Col: "K", Column: "风险点",
		Rule: "R03", Severity: checks.Error, Message: "风险点“有风险”过于笼统", Suggestion: "请写明具体的风险行为",
	}})
	// Output:
	// {"file":"收件/实验小学.xlsx","unit":"实验小学","sheet":"职权目录","row":12,"col":"K","column":"风险点","rule":"R03","severity":"error","message":"风险点“有风险”过于笼统","suggestion":"请写明具体的风险行为"}
}
