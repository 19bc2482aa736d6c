package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"lianfang/checks"
	"lianfang/importer"
)

func init() {
	commands["check"] = command{"校验职权目录表文件或文件夹,列出问题(学校提交前自查)", runCheck}
}

// checkOptions are the flags of "lianfang check".
type checkOptions struct {
	Format   string
	UnitType string
	Roster   string
	Lexicon  string
	Workers  int
}

func newCheckOptions() checkOptions {
	return checkOptions{Format: "text", Workers: defaultWorkers()}
}

const checkSynopsis = "lianfang check [--format text|jsonl] [--unit-type 类型] [--roster 名册] [--lexicon 词表目录] 路径…"

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	opt := newCheckOptions()
	fs := newFlags("check", checkSynopsis, stderr)
	fs.StringVar(&opt.Format, "format", opt.Format, "输出格式:text(按文件分组的中文列表)或 jsonl(每行一个 JSON)")
	fs.StringVar(&opt.UnitType, "unit-type", opt.UnitType, "单位类型(直属学校、教管中心、初中、小学、幼儿园),默认取表中填写的单位类型")
	fs.StringVar(&opt.Roster, "roster", opt.Roster, "名册文件(.xlsx 或 .csv);给出时核对填报单位(规则 S04)")
	fs.StringVar(&opt.Lexicon, "lexicon", opt.Lexicon, "词表目录:其中的同名 .txt 文件替换内置词表")
	fs.IntVar(&opt.Workers, "workers", opt.Workers, "并行读取的文件数")
	if code, ok := parseFlags(fs, interleaved(fs, args)); !ok {
		return code
	}
	if opt.Format != "text" && opt.Format != "jsonl" {
		fmt.Fprintf(stderr, "--format 只能是 text 或 jsonl,而不是 %q\n", opt.Format)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	env, err := loadCheckEnv(opt)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	files, err := collectFiles(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "没有找到 .xlsx、.xlsm 或 .xls 文件")
		return exitUsage
	}
	results, err := checkFiles(ctx, files, env, opt.Workers)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitUsage
	}
	if opt.Format == "jsonl" {
		err = writeJSONL(stdout, results)
	} else {
		err = writeText(stdout, results)
	}
	if err != nil {
		fmt.Fprintf(stderr, "输出失败: %v\n", err)
		return exitUsage
	}
	for _, r := range results {
		if hasErrors(r.findings) {
			return exitFindings
		}
	}
	return exitOK
}

// checkEnv is what every file is checked against.
type checkEnv struct {
	unitType string
	lexicon  *checks.Lexicon
	roster   []importer.RosterUnit // nil when no roster is known
	units    *checks.UnitIndex     // the roster, prepared for matching
}

// setRoster sets the roster files are matched against.
func (env *checkEnv) setRoster(roster []importer.RosterUnit) {
	env.roster, env.units = roster, checks.NewUnitIndex(roster)
}

func loadCheckEnv(opt checkOptions) (*checkEnv, error) {
	env := &checkEnv{unitType: opt.UnitType, lexicon: checks.DefaultLexicon()}
	if opt.UnitType != "" && !contains(importer.UnitTypes, opt.UnitType) {
		return nil, fmt.Errorf("--unit-type %q 不是已知的单位类型(%v)", opt.UnitType, importer.UnitTypes)
	}
	if opt.Lexicon != "" {
		lx, err := checks.LoadLexicon(opt.Lexicon)
		if err != nil {
			return nil, fmt.Errorf("读取词表目录 %s 失败: %w", opt.Lexicon, err)
		}
		env.lexicon = lx
	}
	if opt.Roster != "" {
		data, err := os.ReadFile(opt.Roster)
		if err != nil {
			return nil, fmt.Errorf("读取名册 %s 失败: %w", opt.Roster, err)
		}
		roster, err := importer.ReadRoster(opt.Roster, data)
		if err != nil {
			return nil, err
		}
		env.setRoster(roster)
	}
	return env, nil
}

// checkOne parses and checks one file's bytes. A panic in either stage — a
// bug, never the file's fault — gives the file one S01 finding (内部错误),
// as in run, and the other files are still checked.
func (env *checkEnv) checkOne(name string, data []byte) (sub *importer.Submission, findings []checks.Finding) {
	defer func() {
		if r := recover(); r != nil {
			sub = internalError(name, data, r)
			findings = env.findings(sub)
		}
	}()
	sub, _ = importer.Parse(name, data, importer.DefaultOptions())
	crashPanic(name)
	return sub, env.findings(sub)
}

// findings checks one parsed file.
func (env *checkEnv) findings(sub *importer.Submission) []checks.Finding {
	unitType := env.unitType
	var findings []checks.Finding
	if env.roster != nil {
		u, f := env.units.Match(sub)
		findings = append(findings, f...)
		if u != nil && unitType == "" {
			unitType = u.Type
		}
	}
	findings = append(findings, checks.Check(sub, unitType, env.lexicon)...)
	checks.SortFindings(findings)
	return findings
}

func hasErrors(fs []checks.Finding) bool {
	for _, f := range fs {
		if f.Severity == checks.Error {
			return true
		}
	}
	return false
}

// writeJSONL writes one finding per line (SPEC §5).
func writeJSONL(w io.Writer, results []fileResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		for _, f := range r.findings {
			if err := enc.Encode(f); err != nil {
				return err
			}
		}
	}
	return nil
}
