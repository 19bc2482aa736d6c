// Package samples generates a realistic sample county deterministically: a
// roster and returned workbooks, most clean and some with the typical
// mistakes. It feeds make demo, the tests and the benchmarks.
//
// Generate writes roster.csv (the 名册), inbox/ with one 附件1 workbook per
// unit (written by reports.WriteTemplate) and MANIFEST.md; Manifest returns
// the same plan as data: which unit sent which file and which findings each
// file is built to produce, rule by rule and cell by cell, so the tests of
// the checks and of the county database can compare against it.
//
// The content comes from the phrase bank under bank/: the powers a school,
// 教管中心 or 幼儿园 lists (pairwise far apart, so a unit of 200 rows has no
// near-duplicate names), their bases, and the parts of the three-part risk
// statements in the style of the training's examples. Statements are
// composed from those parts by number (statements.go), so that no two units
// of a county, or of a province of thousands of units, write near-identical
// ones unless a unit is planned to copy another's (X04). Clean units pass every rule of the
// checks under the default lexicon; defective units carry bundles of the
// typical mistakes (naming and bases, disclosure and format, completeness,
// risk statements) so that every rule of SPEC §4 shows up in the default
// county. The same Options, seed included, always give byte-identical files
// with the same modification times.
package samples
