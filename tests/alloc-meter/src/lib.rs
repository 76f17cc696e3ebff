//! A counting global allocator for tests: the bytes each thread holds, its peak since the last
//! [`start`], and a hard cap that aborts a metered thread before it can exhaust the machine.
//!
//! Counting is per thread (a thread-local with a `const` initialiser, so reading it never
//! allocates and needs no destructor): a case measured on its own thread is not disturbed by the
//! test harness or by other tests running beside it. Memory freed by another thread than the one
//! that allocated it is counted against the freeing thread; metered code should drop what it
//! allocates itself. This crate owns no policy (what peak is too much): the tests decide.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting bytes per thread.
pub struct Meter;

thread_local! {
    /// Bytes this thread holds (may go below zero when it frees another thread's memory).
    static CURRENT: Cell<isize> = const { Cell::new(0) };
    /// The most `CURRENT` reached since `start`.
    static PEAK: Cell<isize> = const { Cell::new(0) };
    /// `CURRENT` when `start` was called.
    static BASE: Cell<isize> = const { Cell::new(0) };
    /// Bytes above `BASE` past which the thread is aborted; 0 for no cap.
    static CAP: Cell<usize> = const { Cell::new(0) };
}

/// Starts metering the calling thread: its peak is counted from here, and if it ever holds more
/// than `cap` bytes more than now (0: no cap) the process aborts with a message, rather than
/// letting one runaway case take the memory of a shared machine.
pub fn start(cap: usize) {
    let now = CURRENT.with(Cell::get);
    BASE.with(|b| b.set(now));
    PEAK.with(|p| p.set(now));
    CAP.with(|c| c.set(cap));
}

/// The most bytes the calling thread held above what it held at [`start`].
pub fn peak() -> usize {
    let base = BASE.with(Cell::get);
    usize::try_from(PEAK.with(Cell::get) - base).unwrap_or(0)
}

/// The bytes the calling thread holds now above what it held at [`start`] (below zero if it
/// freed more than it allocated since).
pub fn held() -> isize {
    CURRENT.with(Cell::get) - BASE.with(Cell::get)
}

/// Stops the cap of the calling thread (its counts go on).
pub fn stop() {
    CAP.with(|c| c.set(0));
}

fn grew(bytes: usize) {
    let bytes = isize::try_from(bytes).unwrap_or(isize::MAX);
    let now = CURRENT.with(|c| {
        let now = c.get().saturating_add(bytes);
        c.set(now);
        now
    });
    if PEAK.with(|p| {
        if now > p.get() {
            p.set(now);
            true
        } else {
            false
        }
    }) {
        let cap = CAP.with(Cell::get);
        let above = usize::try_from(now - BASE.with(Cell::get)).unwrap_or(0);
        if cap != 0 && above > cap {
            // No allocation here: a fixed message straight to stderr, then abort.
            use std::io::Write;
            let _ = std::io::stderr()
                .write_all(b"alloc-meter: a metered thread went over its memory cap; aborting\n");
            std::process::abort();
        }
    }
}

fn shrank(bytes: usize) {
    let bytes = isize::try_from(bytes).unwrap_or(isize::MAX);
    CURRENT.with(|c| c.set(c.get().saturating_sub(bytes)));
}

// SAFETY: every method forwards to `System` with the caller's own arguments and only adds
// bookkeeping in thread-locals that never allocate.
unsafe impl GlobalAlloc for Meter {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract, passed on unchanged.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` through this allocator with this layout.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `dealloc`; the caller upholds `realloc`'s contract.
        let out = unsafe { System.realloc(ptr, layout, new_size) };
        if !out.is_null() {
            // Only the difference: what the thread holds after the move, as `dealloc` would see it.
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        out
    }
}
