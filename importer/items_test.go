package importer

import (
	"reflect"
	"testing"
)

func TestSplitItems(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"点号分号", "1.因人情干扰,违规录取;2.因制度不全,乱收费", []string{"因人情干扰,违规录取", "因制度不全,乱收费"}},
		{"顿号换行", "1、审核不严\n2、收受好处\n3、泄露信息", []string{"审核不严", "收受好处", "泄露信息"}},
		{"括号", "(1)虚报价格 (2)以次充好", []string{"虚报价格", "以次充好"}},
		{"全角括号数字", "（１）虚报价格；（２）以次充好", []string{"虚报价格", "以次充好"}},
		{"圈码", "①虚报价格②以次充好", []string{"虚报价格", "以次充好"}},
		{"小数不拆", "超过1.5万元的支出未经集体研究", []string{"超过1.5万元的支出未经集体研究"}},
		{"条款不拆", "依据第1、2条执行", []string{"依据第1、2条执行"}},
		{"无编号", "  审核不严。 ", []string{"审核不严。"}},
		{"空", " ", nil},
		{"前导标签", "风险点:1.虚报;2.冒领", []string{"风险点:虚报", "冒领"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SplitItems(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("SplitItems(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
