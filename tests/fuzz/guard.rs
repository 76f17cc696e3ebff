//! Running one fuzz case under watch: on its own thread with a small stack (a phone's wasm has about
//! 1 MiB), with a deadline, with panics caught, and with its peak memory metered against a budget.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The stack of a case's thread: the wasm default (1 MiB), so that deep nesting which would
/// overflow a phone's stack overflows here too (debug frames are larger still, so this is strict).
const STACK: usize = 1 << 20;

/// How much memory a case may use: `factor` × the input's size + `constant` bytes.
///
/// A parser keeps a tree of what it read, and each small token (`1,`, `{}`, an empty cell) becomes
/// a node of 24–80 bytes, so some tens of bytes per byte of input is what a correct parser can
/// reach; the problems it lists are capped, so they add a constant. "Far beyond" is anything
/// past that: thousands of times the input, or growth faster than the input.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Bytes allowed per byte of input.
    pub factor: usize,
    /// Bytes allowed whatever the input (the problem lists, the reports' messages, tables).
    pub constant: usize,
}

impl Budget {
    /// The most bytes a case with `len` bytes of input may hold at once.
    pub fn limit(self, len: usize) -> usize {
        self.factor
            .saturating_mul(len)
            .saturating_add(self.constant)
    }
}

/// What went wrong with one case.
#[derive(Debug)]
pub enum Failure {
    /// The code panicked.
    Panic(String),
    /// It did not finish before the deadline.
    Hang(Duration),
    /// It held more memory at once than the budget allows.
    Memory {
        /// The peak, in bytes.
        peak: usize,
        /// The budget for this input.
        limit: usize,
    },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic(message) => write!(f, "panicked: {message}"),
            Failure::Hang(deadline) => write!(f, "still running after {deadline:?}"),
            Failure::Memory { peak, limit } => {
                write!(f, "held {peak} bytes at once; the budget was {limit}")
            }
        }
    }
}

/// How one case went when it went well.
#[derive(Debug, Clone, Copy)]
pub struct Pass {
    /// Peak bytes held by the case.
    pub peak: usize,
    /// How long it took.
    pub took: Duration,
}

/// Runs `case` on a fresh thread (the input already moved into it, so its own bytes are not
/// counted) and judges it.
pub fn run<F>(len: usize, budget: Budget, deadline: Duration, case: F) -> Result<Pass, Failure>
where
    F: FnOnce() + Send + 'static,
{
    let (send, receive) = mpsc::channel();
    let limit = budget.limit(len);
    let started = Instant::now();
    let spawned = std::thread::Builder::new()
        .name("fuzz-case".into())
        .stack_size(STACK)
        .spawn(move || {
            // A hard cap above the budget but within the machine (24 GB, shared): a case running
            // away is stopped (the process aborts with a message) before it takes the memory.
            alloc_meter::start(limit.saturating_mul(2).clamp(1 << 30, 8 << 30));
            let outcome = catch_unwind(AssertUnwindSafe(case));
            alloc_meter::stop();
            let peak = alloc_meter::peak();
            let outcome = outcome.map_err(|payload| {
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".into())
            });
            let _ = send.send((outcome, peak));
        });
    if let Err(e) = spawned {
        return Err(Failure::Panic(format!(
            "could not start the case's thread: {e}"
        )));
    }
    match receive.recv_timeout(deadline) {
        Ok((Err(message), _)) => Err(Failure::Panic(message)),
        Ok((Ok(()), peak)) if peak > limit => Err(Failure::Memory { peak, limit }),
        Ok((Ok(()), peak)) => Ok(Pass {
            peak,
            took: started.elapsed(),
        }),
        // The thread cannot be stopped; it is left running and the run reports the hang.
        Err(_) => Err(Failure::Hang(deadline)),
    }
}
