package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Options bounds what Parse will do with one file.
type Options struct {
	MaxUnzip    int64         // total unpacked bytes of an .xlsx
	MaxUnzipXML int64         // one XML part held in memory (larger ones spill to a temp file)
	MaxCells    int           // cells in the whole workbook
	XLSTimeout  time.Duration // time allowed to read an .xls
	// Convert allows converting an .xls the built-in reader cannot read
	// with LibreOffice (soffice), when it is installed.
	Convert bool
}

// DefaultOptions returns the limits used by the command line.
func DefaultOptions() Options {
	return Options{
		MaxUnzip:    defaultMaxUnzip,
		MaxUnzipXML: defaultMaxUnzipXML,
		MaxCells:    defaultMaxCells,
		XLSTimeout:  30 * time.Second,
		Convert:     true,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	if o.MaxUnzip <= 0 {
		o.MaxUnzip = d.MaxUnzip
	}
	if o.MaxUnzipXML <= 0 {
		o.MaxUnzipXML = d.MaxUnzipXML
	}
	if o.MaxCells <= 0 {
		o.MaxCells = d.MaxCells
	}
	if o.XLSTimeout <= 0 {
		o.XLSTimeout = d.XLSTimeout
	}
	return o
}

// Parse reads one returned workbook. It never panics and never fails on
// bad content: a file that cannot be read, has no catalogue sheet or no
// data rows comes back with an S01, S02 or S06 problem. The error is
// reserved for failures outside the file's content and is currently
// always nil.
func Parse(name string, data []byte, opt Options) (sub *Submission, err error) {
	sum := sha256.Sum256(data)
	sub = &Submission{File: name, SHA256: hex.EncodeToString(sum[:]), Size: len(data)}
	defer func() {
		if r := recover(); r != nil {
			sub.Sheets, sub.Powers = nil, nil
			sub.Problems = []Problem{unreadable(fmt.Errorf("%w: %v\n%s", ErrInternal, r, debug.Stack()),
				"读取文件时发生内部错误,文件已原样保留供分析。请将此文件报送县局信息管理员")}
			err = nil
		}
	}()
	opt = opt.withDefaults()
	format, p := sniff(data)
	if p == nil {
		sub.Format = format
		var grids []grid
		if grids, p = readGrids(format, data, opt); p == nil {
			sub.read(grids)
			return sub, nil
		}
	}
	sub.Problems = append(sub.Problems, *p)
	sub.readUnit(nil, nil) // the file name is all there is
	return sub, nil
}

// readGrids turns the bytes of a sniffed format into sheets of text.
func readGrids(format string, data []byte, opt Options) ([]grid, *Problem) {
	var grids []grid
	var err error
	if format == "xls" {
		grids, err = readXLS(data, opt)
		if err != nil && opt.Convert && !errors.Is(err, ErrEncrypted) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*opt.XLSTimeout)
			defer cancel()
			if x, cerr := convertXLS(ctx, data); cerr == nil {
				grids, err = readXLSX(x, opt)
			}
		}
	} else {
		grids, err = readXLSX(data, opt)
	}
	if err == nil {
		err = limitMerges(grids, opt.MaxCells)
	}
	if err == nil {
		return grids, nil
	}
	var p Problem
	switch {
	case errors.Is(err, ErrEncrypted):
		p = unreadable(err, "文件设置了密码,无法读取。请取消密码后重新提交")
	case errors.Is(err, ErrTooLarge) || errors.Is(err, excelize.ErrOptionsUnzipSizeLimit):
		p = unreadable(fmt.Errorf("%w: %v", ErrTooLarge, err), fmt.Sprintf("文件解压后超过 %d MB 或单元格超过 %d 个,超出职权目录表的正常规模,未读取。请删除无关的工作表和空行后重新提交", opt.MaxUnzip>>20, opt.MaxCells))
	case errors.Is(err, ErrOldFormat):
		p = unreadable(err, "文件是 Excel 95 或更早的格式,无法读取。"+adviceResave)
	case format == "xls":
		p = unreadable(fmt.Errorf("%w: %v", ErrCorrupt, err), "这个 .xls 文件无法读取(文件损坏或格式特殊)。"+adviceResave)
	default:
		p = unreadable(fmt.Errorf("%w: %v", ErrCorrupt, err), "文件已损坏,无法打开。请确认文件能在 Excel 或 WPS 中正常打开,另存为 .xlsx 后重新提交")
	}
	return nil, &p
}

// read fills the submission from the workbook's sheets.
func (s *Submission) read(grids []grid) {
	var cats, hiddenCats []catalogue
	for i := range grids {
		g := &grids[i]
		s.Sheets = append(s.Sheets, Sheet{Name: g.name, Hidden: g.hidden, Rows: g.rows})
		if g.name == ListSheet && Normalize(g.cell(1, 1)) == VersionLabel {
			s.TemplateVersion = CleanLine(g.cell(1, 2))
		}
		if h := findHeader(g); h != nil {
			if g.hidden {
				hiddenCats = append(hiddenCats, catalogue{g, h})
			} else {
				cats = append(cats, catalogue{g, h})
			}
		}
	}
	if len(cats) == 0 {
		cats = hiddenCats
	}
	if len(cats) == 0 {
		s.Problems = append(s.Problems, Problem{Code: "S02", Err: ErrNoCatalogue,
			Message: fmt.Sprintf("没有找到职权目录表:工作簿中没有一个工作表在前 %d 行内有包含至少 %d 个模板列名(序号、职权名称、职权依据……)的表头行。请使用附件1模板填写", headerScanRows, MinHeaderColumns)})
		s.readUnit(grids, nil)
		return
	}
	var first *header
	var firstGrid *grid
	for _, c := range cats {
		sh := s.SheetByName(c.g.name)
		sh.Catalogue, sh.HeaderRow = true, c.h.row
		sh.Columns, sh.Headers = map[Key]string{}, map[Key]string{}
		for k, col := range c.h.cols {
			sh.Columns[k] = colName(col)
			sh.Headers[k] = c.h.texts[k]
		}
		for _, col := range c.h.extra {
			sh.Extra = append(sh.Extra, ExtraColumn{Col: colName(col), Header: extraHeader(c.g, c.h, col)})
		}
		powers, n := newTable(c.g, c.h).powers()
		sh.DataRows = n
		s.Powers = append(s.Powers, powers...)
		if first == nil {
			first, firstGrid = c.h, c.g
		}
	}
	if len(s.Powers) == 0 {
		s.Problems = append(s.Problems, Problem{Code: "S06", Err: ErrNoData,
			Ref:     Ref{Sheet: firstGrid.name},
			Message: fmt.Sprintf("职权目录表“%s”只有表头(第 %d 行),没有填写任何职权", firstGrid.name, first.row)})
	}
	s.readUnit(grids, &catalogue{firstGrid, first})
}

// catalogue is a sheet with a recognised header.
type catalogue struct {
	g *grid
	h *header
}

// readUnit finds the unit information: label/value pairs above the header,
// a 填报信息 sheet, a title such as "XX小学职权目录表", and last the file
// name.
func (s *Submission) readUnit(grids []grid, cat *catalogue) {
	u := &unitFields{values: map[string]string{}}
	from := ""
	if cat != nil {
		u.scanRows(cat.g, cat.h.row-1)
		from = u.nameFrom
	}
	for i := range grids {
		n := Normalize(grids[i].name)
		if strings.Contains(n, InfoSheet) || strings.Contains(n, "单位信息") {
			u.scanRows(&grids[i], len(grids[i].rows))
			u.scanColumns(&grids[i])
			if from == "" && u.values["name"] != "" {
				from = "sheet"
			}
		}
	}
	if cat != nil && u.values["name"] == "" {
		u.scanTitle(cat.g, cat.h.row-1)
		if u.values["name"] != "" {
			from = "title"
		}
	}
	s.Unit = UnitInfo{
		Name: u.values["name"], Reporter: u.values["reporter"], Phone: u.values["phone"],
		From: from, Ref: u.nameAt,
	}
	if t := u.values["type"]; t != "" {
		s.Unit.Type = canonicalUnitType(t)
	}
	if d := u.values["date"]; d != "" {
		s.Unit.Date = normalizeDate(d)
	}
	if s.Unit.Name == "" {
		if n := nameFromFile(s.File); n != "" {
			s.Unit.Name, s.Unit.From, s.Unit.Ref = n, "filename", Ref{}
		}
	}
}
