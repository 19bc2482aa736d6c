package merge

import "context"

// SetAcceptHook installs f as the hook Accept calls between its stages
// inside its transaction, and returns a function that removes it.
func SetAcceptHook(f func(ctx context.Context, stage string) error) (restore func()) {
	acceptHook = f
	return func() { acceptHook = nil }
}
