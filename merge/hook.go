package merge

import "context"

// SetStageHook installs f as the function Accept calls between the stages
// of its transaction — "submission", "rows", "powers", "findings" and
// "current", in that order, all before the commit — and returns a function
// that removes it; an error f returns aborts the transaction. It lets the
// command line's crash-safety tests stop a process inside a merge (see
// LIANFANG_CRASH_AT in cmd/lianfang). Install it before the first Accept;
// it is not safe to change while Accept runs.
func SetStageHook(f func(ctx context.Context, stage string) error) (restore func()) {
	acceptHook = f
	return func() { acceptHook = nil }
}
