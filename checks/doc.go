// Package checks holds every rule of the catalogue review (SPEC §4, S to C):
// the rule registry with its Chinese messages and suggestions, the word
// lists, the risk-statement splitter and the per-submission checks. It is
// pure: no file or database I/O and no clock.
package checks
