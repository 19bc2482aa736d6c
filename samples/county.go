package samples

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"lianfang/importer"
)

// typePattern is the order unit types come in: a county of 12 has two
// 直属学校, two 教管中心, two 初中, four 小学 and two 幼儿园.
var typePattern = []string{"直属学校", "教管中心", "初中", "小学", "幼儿园", "小学", "初中", "小学", "直属学校", "教管中心", "小学", "幼儿园"}

// codePrefix starts the 单位代码 of each unit type.
var codePrefix = map[string]string{"直属学校": "ZS", "教管中心": "JG", "初中": "CZ", "小学": "XX", "幼儿园": "YE"}

// namedUnit is a unit name with its other names.
type namedUnit struct {
	name    string
	aliases []string
}

// unitNames returns the names a county can give units of type t, in the
// order they are handed out.
func unitNames(b *bank, t string) []namedUnit {
	towns, villages := b.list("towns"), b.list("villages")
	var out []namedUnit
	add := func(name string, aliases ...string) { out = append(out, namedUnit{name, aliases}) }
	switch t {
	case "直属学校":
		for _, f := range b.county["direct"] {
			add(f[0], f[1:]...)
		}
		for k := 4; k < 100; k++ {
			add("县第"+chineseNumber(k)+"中学", "县"+chineseNumber(k)+"中")
		}
	case "教管中心":
		for _, town := range towns {
			add(town+"教管中心", town+"镇教管中心")
		}
	case "初中":
		for _, town := range towns {
			add(town+"中学", town+"初中")
		}
		for _, town := range towns {
			add(town+"第二中学", town+"二中")
		}
	case "小学":
		add(towns[0]+"第一小学", towns[0]+"一小")
		add(towns[0]+"第二小学", towns[0]+"二小")
		for _, town := range towns[1:] {
			add(town+"中心小学", town+"中心校")
		}
		add(towns[0]+"第三小学", towns[0]+"三小")
		add(towns[0]+"第四小学", towns[0]+"四小")
		for _, v := range villages {
			for _, town := range towns[1:] {
				add(town+v+"小学", town+v+"村小")
			}
		}
	case "幼儿园":
		add(towns[0]+"幼儿园", "县"+towns[0]+"幼儿园")
		for _, town := range towns[1:] {
			add(town+"中心幼儿园", town+"幼儿园")
		}
		for _, v := range villages {
			for _, town := range towns[1:] {
				add(town+v+"幼儿园", town+v+"村幼儿园")
			}
		}
	}
	return out
}

// rosterUnits returns the n units of the roster, in roster order. Past
// about a thousand units the name lists run out and start again in the
// next district ("二区…", "三区…"), as a city or province roster would.
func rosterUnits(b *bank, n int, rng *rand.Rand) []importer.RosterUnit {
	names := map[string][]namedUnit{}
	next := map[string]int{}
	units := make([]importer.RosterUnit, 0, n)
	for i := 0; len(units) < n; i++ {
		t := typePattern[i%len(typePattern)]
		if names[t] == nil {
			names[t] = unitNames(b, t)
		}
		k := next[t]
		next[t]++
		nu := names[t][k%len(names[t])]
		code := fmt.Sprintf("%s%03d", codePrefix[t], next[t])
		if round := k / len(names[t]); round > 0 {
			district := chineseNumber(round+1) + "区"
			aliases := make([]string, len(nu.aliases))
			for j, a := range nu.aliases {
				aliases[j] = district + a
			}
			nu = namedUnit{district + nu.name, aliases}
			code = fmt.Sprintf("%s%d%04d", codePrefix[t], round+1, k%len(names[t])+1)
		}
		units = append(units, newUnit(b, rng, nu, t, code))
	}
	return units
}

// outsider returns the unit that sends a workbook but is not on the
// roster.
func outsider(b *bank, rng *rand.Rand) importer.RosterUnit {
	f := b.county["outsider"][0]
	return newUnit(b, rng, namedUnit{name: f[0]}, f[1], "")
}

// newUnit fills a roster entry with a contact, a phone and an e-mail.
func newUnit(b *bank, rng *rand.Rand, nu namedUnit, t, code string) importer.RosterUnit {
	u := importer.RosterUnit{
		Code: code, Name: nu.name, Type: t, Aliases: nu.aliases,
		Contact: personName(b, rng),
		Phone:   fmt.Sprintf("1%d%d%04d%04d", 3+rng.IntN(6), rng.IntN(10), rng.IntN(10000), rng.IntN(10000)),
	}
	if code != "" {
		u.Email = strings.ToLower(code) + "@example.edu.cn"
	} else {
		u.Email = "jsjx@example.edu.cn"
	}
	return u
}

// personName draws a Chinese name.
func personName(b *bank, rng *rand.Rand) string {
	s, g := b.list("surnames"), b.list("given")
	return s[rng.IntN(len(s))] + g[rng.IntN(len(g))]
}

// chineseNumber writes 1 to 99 in Chinese numerals (十一, 二十, 四十五).
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
