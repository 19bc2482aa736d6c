package xls

import (
	"context"
	"fmt"
	"time"
)

// budget tracks the work done on one file against its Limits.
type budget struct {
	deadline time.Time
	timeout  time.Duration
	maxCells int
	cells    int // cells (text cells while reading, grid slots when building) charged so far
	ticks    int
}

func newBudget(l Limits) *budget {
	return &budget{deadline: time.Now().Add(l.Timeout), timeout: l.Timeout, maxCells: l.MaxCells}
}

// tick is called once per loop iteration; it checks the clock every 256
// calls and fails once the deadline has passed.
func (b *budget) tick() error {
	b.ticks++
	if b.ticks&0xff != 0 {
		return nil
	}
	return b.check()
}

// check fails when the deadline has passed.
func (b *budget) check() error {
	if time.Now().After(b.deadline) {
		return fmt.Errorf("%w: reading took longer than %v: %w", ErrTooLarge, b.timeout, context.DeadlineExceeded)
	}
	return nil
}

// charge adds n cells and fails when the total passes MaxCells.
func (b *budget) charge(n int) error {
	b.cells += n
	if b.cells > b.maxCells {
		return fmt.Errorf("%w: more than %d cells", ErrTooLarge, b.maxCells)
	}
	return nil
}
