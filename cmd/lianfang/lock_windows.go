//go:build windows

package main

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

var (
	kernel32       = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx = kernel32.NewProc("LockFileEx")
	procUnlockFile = kernel32.NewProc("UnlockFileEx")
	procDiskFree   = kernel32.NewProc("GetDiskFreeSpaceExW")
)

const (
	lockfileExclusiveLock   = 0x2
	lockfileFailImmediately = 0x1
	errorLockViolation      = syscall.Errno(33)
	errorDiskFull           = syscall.Errno(112)
	errorHandleDiskFull     = syscall.Errno(39)
	errorWriteProtect       = syscall.Errno(19)
	// The lock covers one byte far past the holder's text, so the text
	// stays readable by the run that waits.
	lockOffsetHigh = 0x7fffffff
)

// tryLock takes an exclusive LockFileEx lock on f without waiting; false
// when another process holds it.
func tryLock(f *os.File) (bool, error) {
	ol := new(syscall.Overlapped)
	ol.OffsetHigh = lockOffsetHigh
	r, _, err := procLockFileEx.Call(f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0, 1, 0, uintptr(unsafe.Pointer(ol)))
	switch {
	case r != 0:
		return true, nil
	case errors.Is(err, errorLockViolation):
		return false, nil
	}
	return false, err
}

func unlockFile(f *os.File) {
	ol := new(syscall.Overlapped)
	ol.OffsetHigh = lockOffsetHigh
	procUnlockFile.Call(f.Fd(), 0, 1, 0, uintptr(unsafe.Pointer(ol)))
}

func isReadOnlyFS(err error) bool { return errors.Is(err, errorWriteProtect) }

func isDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull)
}

// diskAlmostFull reports whether the disk holding path has less than 1 MiB
// free for this user.
func diskAlmostFull(path string) bool {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return false
	}
	var free uint64
	r, _, _ := procDiskFree.Call(uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&free)), 0, 0)
	return r != 0 && free < 1<<20
}
