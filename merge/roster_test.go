package merge_test

import (
	"context"
	"reflect"
	"testing"

	"lianfang/importer"
)

func TestImportRoster(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name           string
		units          []importer.RosterUnit
		added, updated int
	}{
		{"first import", testRoster, 4, 0},
		{"same again", testRoster, 0, 0},
		{"one changed, one new", []importer.RosterUnit{
			{Code: "A02", Name: "城关中学", Type: "初中", Phone: "0710-7654321"},
			{Code: "B01", Name: "城南小学", Type: "小学", Aliases: []string{"南小"}},
		}, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, u, err := s.ImportRoster(ctx, tc.units)
			if err != nil || a != tc.added || u != tc.updated {
				t.Errorf("ImportRoster = %d added, %d updated, %v; want %d, %d", a, u, err, tc.added, tc.updated)
			}
		})
	}
	got, err := s.Roster(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 || got[4].Code != "B01" || got[1].Phone != "0710-7654321" {
		t.Errorf("roster = %+v", got)
	}
	if !reflect.DeepEqual(got[0], testRoster[0]) {
		t.Errorf("unit A01 = %+v, want %+v", got[0], testRoster[0])
	}
	for _, bad := range [][]importer.RosterUnit{
		{{Code: "", Name: "无代码"}},
		{{Code: "C01", Name: ""}},
		{{Code: "C01", Name: "甲"}, {Code: "C01", Name: "乙"}},
	} {
		if _, _, err := s.ImportRoster(ctx, bad); err == nil {
			t.Errorf("ImportRoster(%+v) succeeded", bad)
		}
	}
	if n := mustCounts(t, s)["units"]; n != 5 {
		t.Errorf("units = %d after rejected imports, want 5", n)
	}
}
