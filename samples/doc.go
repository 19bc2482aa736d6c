// Package samples generates a realistic sample county deterministically: a
// roster and returned workbooks, most clean and some with the typical
// mistakes. It feeds make demo, the tests and the benchmarks.
package samples
