package checks

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	zhtrans "github.com/go-playground/validator/v10/translations/zh"

	"lianfang/importer"
)

// powerFields are the field-level constraints on a power's own cells. The
// col tag names the column key; validator reports fields by the column's
// Chinese header. The oneof lists are the importer's canonical values
// (TestFieldEnumsMatchSchema keeps them in step).
type powerFields struct {
	Name  string `col:"name" validate:"required"`
	Level string `col:"level" validate:"required,oneof=单位职权 内设部门职权 岗位职权"`
	Kind  string `col:"kind" validate:"required,oneof=外部职权 内部职权"`
	Basis string `col:"basis" validate:"required"`
	Scope string `col:"scope" validate:"required,oneof=面向社会 单位内部 不公开"`
}

// riskFields are the field-level constraints on a risk point's cells.
type riskFields struct {
	Grade    string `col:"grade" validate:"required,oneof=高 中 低"`
	Measures string `col:"measures" validate:"required"`
	Owner    string `col:"owner" validate:"required"`
}

// fieldRules maps a failed constraint (struct field and tag) to its rule.
var fieldRules = map[string]string{
	"Name.required": "N01", "Level.required": "S08", "Level.oneof": "S08",
	"Kind.required": "S08", "Kind.oneof": "S08", "Basis.required": "B01",
	"Scope.required": "D01", "Scope.oneof": "S08", "Grade.required": "R05",
	"Grade.oneof": "S08", "Measures.required": "R08", "Owner.required": "R09",
}

// fieldValidator is validator/v10 set up once with Chinese messages.
type fieldValidator struct {
	v     *validator.Validate
	trans ut.Translator
}

var (
	validatorOnce sync.Once
	theValidator  *fieldValidator
)

// fieldCheck returns the shared validator: Chinese translations, field
// names from the column headers, "{0}未填写" for required and the allowed
// values joined with 、 for oneof.
func fieldCheck() *fieldValidator {
	validatorOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(func(f reflect.StructField) string {
			return header(importer.Key(f.Tag.Get("col")))
		})
		loc := zh.New()
		trans, _ := ut.New(loc, loc).GetTranslator("zh")
		if err := zhtrans.RegisterDefaultTranslations(v, trans); err != nil {
			panic("checks: validator translations: " + err.Error())
		}
		mustTranslate(v, trans, "required", "{0}未填写", nil)
		mustTranslate(v, trans, "oneof", "{0}应为{1}之一", func(t ut.Translator, fe validator.FieldError) string {
			s, _ := t.T("oneof", fe.Field(), strings.ReplaceAll(fe.Param(), " ", "、"))
			return s
		})
		theValidator = &fieldValidator{v: v, trans: trans}
	})
	return theValidator
}

// mustTranslate overrides the translation of tag.
func mustTranslate(v *validator.Validate, trans ut.Translator, tag, text string, fn validator.TranslationFunc) {
	if fn == nil {
		fn = func(t ut.Translator, fe validator.FieldError) string {
			s, _ := t.T(tag, fe.Field())
			return s
		}
	}
	err := v.RegisterTranslation(tag, trans, func(t ut.Translator) error {
		return t.Add(tag, text, true)
	}, fn)
	if err != nil {
		panic("checks: validator translation " + tag + ": " + err.Error())
	}
}

// fields runs the field-level constraints on p and its risk points: N01,
// B01, D01, R05, R08 (empty), R09 and S08. Columns the sheet lacks are
// skipped (S03 covers them).
func (c *checker) fields(p *importer.Power) {
	tr := strings.TrimSpace
	pf := powerFields{Name: tr(p.Name), Level: tr(p.Level), Kind: tr(p.Kind), Basis: tr(p.Basis), Scope: tr(p.Scope)}
	c.validate(p, p.Ref.Row, &pf, p.Raw)
	for i := range p.Risks {
		r := &p.Risks[i]
		if !c.hasRiskText(p, r) {
			continue
		}
		rf := riskFields{Grade: tr(r.Grade), Measures: tr(r.Measures), Owner: tr(r.Owner)}
		c.validate(p, r.Ref.Row, &rf, map[importer.Key]string{importer.KeyGrade: r.RawGrade})
	}
}

// tagCheck is one field's validate tag when it holds only required and
// oneof, the two constraints of powerFields and riskFields.
type tagCheck struct {
	field    int
	required bool
	oneof    []string // nil: any value
}

// tagChecks reads the validate tags of powerFields and riskFields once. A
// type is missing when a tag of it holds anything else.
var tagChecks = sync.OnceValue(func() map[reflect.Type][]tagCheck {
	out := map[reflect.Type][]tagCheck{}
	for _, v := range []any{powerFields{}, riskFields{}} {
		if checks, ok := readTags(reflect.TypeOf(v)); ok {
			out[reflect.TypeOf(v)] = checks
		}
	}
	return out
})

// readTags reads the validate tags of struct type t, or reports false.
func readTags(t reflect.Type) ([]tagCheck, bool) {
	var checks []tagCheck
	for i := 0; i < t.NumField(); i++ {
		tc := tagCheck{field: i}
		for _, part := range strings.Split(t.Field(i).Tag.Get("validate"), ",") {
			switch {
			case part == "required":
				tc.required = true
			case strings.HasPrefix(part, "oneof=") && !strings.Contains(part, "'"):
				tc.oneof = strings.Fields(strings.TrimPrefix(part, "oneof="))
			case part != "":
				return nil, false
			}
		}
		checks = append(checks, tc)
	}
	return checks, true
}

// obviouslyValid reports whether every field of s, a pointer to a struct
// of tagChecks, meets its constraints: then validator finds nothing, with
// or without fields skipped, and need not run (it is slow next to this).
func obviouslyValid(s any) bool {
	v := reflect.ValueOf(s).Elem()
	checks, ok := tagChecks()[v.Type()]
	if !ok {
		return false
	}
	for _, tc := range checks {
		x := v.Field(tc.field).String()
		if tc.required && x == "" || tc.oneof != nil && !slices.Contains(tc.oneof, x) {
			return false
		}
	}
	return true
}

// validate checks one struct and records a finding per failed constraint.
// raw holds the enumerated cells as written, for quoting.
func (c *checker) validate(p *importer.Power, row int, s any, raw map[importer.Key]string) {
	if obviouslyValid(s) {
		return
	}
	fv := fieldCheck()
	var skip []string
	t := reflect.TypeOf(s).Elem()
	for i := 0; i < t.NumField(); i++ {
		if !c.has(p, importer.Key(t.Field(i).Tag.Get("col"))) {
			skip = append(skip, t.Field(i).Name)
		}
	}
	err := fv.v.StructExcept(s, skip...)
	var errs validator.ValidationErrors
	if !errors.As(err, &errs) {
		return
	}
	for _, fe := range errs {
		id, ok := fieldRules[fe.StructField()+"."+fe.Tag()]
		if !ok {
			continue
		}
		f, _ := t.FieldByName(fe.StructField())
		k := importer.Key(f.Tag.Get("col"))
		body := fe.Translate(fv.trans)
		if fe.Tag() == "oneof" {
			written := raw[k]
			if written == "" {
				written, _ = fe.Value().(string)
			}
			body += ",填写的是" + q(written)
		}
		c.add(id, c.at(p, row, k), k, body)
	}
}
