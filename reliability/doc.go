// Package reliability holds the tests behind docs/RELIABILITY.md: hostile
// and broken input files, SIGKILL at many points of a run, concurrent runs,
// unsafe unit names and formula text, cross-unit leaks, file permissions,
// and read-only or full output folders. The tests build the lianfang
// binary and drive it as the bureau would; the package itself has no code.
// They run on Linux: they read /proc, the peak RSS of rusage, and mount a
// small or read-only file system in a user namespace (unshare).
package reliability
