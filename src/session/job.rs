//! One background job type for everything the app does off the UI thread and waits for (loading
//! the data, a rebuild after a change, counting the missing places, writing a PNG): a named
//! thread, progress reported without ever blocking the work, cancellation, and a panic caught
//! and handed back as an error message, so a job never disappears silently.
//!
//! The worker reports progress with `try_send` on a bounded channel (a full channel drops a
//! progress message); the result is sent once. The owner polls with [`Job::poll`] in its frame
//! (`try_recv`, never blocking); `wake` is called after each message (the app passes egui's
//! `request_repaint`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};

/// What a job's work gets: a way to report progress and to see whether it was cancelled.
pub struct JobContext<P> {
    tx: SyncSender<P>,
    cancelled: Arc<AtomicBool>,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl<P> JobContext<P> {
    /// Reports progress; never blocks (a message the owner has no room for is dropped).
    pub fn progress(&self, p: P) {
        if self.tx.try_send(p).is_ok() {
            (self.wake)();
        }
    }

    /// Whether the owner cancelled the job; long work checks it and stops early.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// How a poll found the job.
#[derive(Debug, PartialEq)]
pub enum JobPoll<T> {
    /// Still running.
    Running,
    /// Finished with its result.
    Done(T),
    /// Panicked, could not start, or stopped without a result: why, for the user.
    Failed(String),
}

/// A job running on its own named thread.
pub struct Job<T, P = ()> {
    name: String,
    progress_rx: Receiver<P>,
    result_rx: Receiver<Result<T, String>>,
    cancelled: Arc<AtomicBool>,
    progress: P,
}

impl<T: Send + 'static, P: Clone + Default + Send + 'static> Job<T, P> {
    /// Runs `work` on a thread named `name`. A panic in `work` becomes [`JobPoll::Failed`] with
    /// the panic's message.
    pub fn spawn(
        name: &str,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&JobContext<P>) -> T + Send + 'static,
    ) -> Job<T, P> {
        let (progress_tx, progress_rx) = sync_channel(16);
        let (result_tx, result_rx) = sync_channel(1);
        let cancelled = Arc::new(AtomicBool::new(false));
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(wake);
        let context = JobContext {
            tx: progress_tx,
            cancelled: Arc::clone(&cancelled),
            wake: Arc::clone(&wake),
        };
        let what = name.to_owned();
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn({
            let result_tx = result_tx.clone();
            move || {
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&context)));
                let message = outcome
                    .map_err(|panic| format!("{what} failed: {}", panic_message(panic.as_ref())));
                let _ = result_tx.send(message);
                wake();
            }
        });
        if let Err(e) = spawned {
            let _ = result_tx.send(Err(format!("could not start {name}: {e}")));
        }
        Job {
            name: name.to_owned(),
            progress_rx,
            result_rx,
            cancelled,
            progress: P::default(),
        }
    }

    /// The last progress reported.
    pub fn progress(&self) -> P {
        self.progress.clone()
    }

    /// Asks the work to stop; it sees [`JobContext::is_cancelled`]. The result, if it still
    /// comes, is the work's to decide.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Takes the progress reported since the last poll and the result if it came; never blocks.
    pub fn poll(&mut self) -> JobPoll<T> {
        while let Ok(p) = self.progress_rx.try_recv() {
            self.progress = p;
        }
        match self.result_rx.try_recv() {
            Ok(Ok(value)) => JobPoll::Done(value),
            Ok(Err(why)) => JobPoll::Failed(why),
            Err(TryRecvError::Empty) => JobPoll::Running,
            Err(TryRecvError::Disconnected) => {
                JobPoll::Failed(format!("{} stopped without a result", self.name))
            }
        }
    }
}

/// The text of a panic payload (a `&str` or a `String`), else a generic phrase.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "it panicked".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait<T, P: Clone + Default + Send + 'static>(job: &mut Job<T, P>) -> JobPoll<T>
    where
        T: Send + 'static,
    {
        for _ in 0..2000 {
            match job.poll() {
                JobPoll::Running => std::thread::sleep(std::time::Duration::from_millis(5)),
                other => return other,
            }
        }
        JobPoll::Failed("test timed out".to_owned())
    }

    #[test]
    fn a_job_reports_progress_and_its_result() {
        let mut job: Job<u32, u32> = Job::spawn(
            "counting",
            || {},
            |cx| {
                for i in 1..=3 {
                    cx.progress(i);
                }
                42
            },
        );
        assert_eq!(wait(&mut job), JobPoll::Done(42));
        assert_eq!(job.progress(), 3);
    }

    #[test]
    fn a_panic_in_a_job_is_an_error_with_its_message() {
        let mut job: Job<u32> = Job::spawn("the count", || {}, |_| panic!("no articles"));
        match wait(&mut job) {
            JobPoll::Failed(why) => {
                assert!(
                    why.contains("the count") && why.contains("no articles"),
                    "{why}"
                );
            }
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn a_cancelled_job_sees_it() {
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let mut job: Job<bool> = Job::spawn(
            "waiting",
            || {},
            move |cx| {
                let _ = go_rx.recv();
                cx.is_cancelled()
            },
        );
        job.cancel();
        go_tx.send(()).expect("send");
        assert_eq!(wait(&mut job), JobPoll::Done(true));
    }
}
