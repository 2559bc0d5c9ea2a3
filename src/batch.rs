//! Running a per-document function on several threads while keeping the
//! input's order.
//!
//! Why a pipeline and not batches: one thread reads documents into a bounded
//! queue, every worker takes the next few documents as soon as it is free, and the
//! calling thread puts the results back in input order and hands them on. Reading,
//! working and writing overlap, and no worker waits at the end of a batch for the
//! slowest document. Output bytes are the same whatever the number of threads, and
//! memory holds a few documents per thread, not the corpus.

use crate::error::Error;
use crate::model::Document;
use std::collections::BTreeMap;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

/// Chunks waiting for a worker, per thread.
const QUEUE_PER_THREAD: usize = 4;
/// Documents handed to a worker at a time.
const CHUNK: usize = 8;

/// The number of threads to use by default: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Applies `work` to every document of `docs` on `jobs` threads and passes each
/// result, in input order, to `emit`. Errors from the reader are passed to `emit`
/// in their place; `emit` decides whether they stop the run.
///
/// ```
/// use quotegraph::{batch::process_ordered, model::Document};
/// let docs = (0..10).map(|i| Ok(Document::new(i.to_string(), "x")));
/// let mut ids = Vec::new();
/// process_ordered(docs, 3, |d| d.id.clone(), |r| { ids.push(r?.1); Ok(()) }).unwrap();
/// assert_eq!(ids, (0..10).map(|i| i.to_string()).collect::<Vec<_>>());
/// ```
pub fn process_ordered<I, T, W, E>(docs: I, jobs: usize, work: W, mut emit: E) -> Result<(), Error>
where
    I: Iterator<Item = Result<Document, Error>> + Send,
    T: Send,
    W: Fn(&Document) -> T + Sync,
    E: FnMut(Result<(Document, T), Error>) -> Result<(), Error>,
{
    let jobs = jobs.max(1);
    if jobs == 1 {
        for d in docs {
            emit(d.and_then(|d| guarded(&work, d)))?;
        }
        return Ok(());
    }
    // documents travel in small chunks: one hand-over per chunk, not per document, keeps the
    // threads from waking each other thousands of times a second
    type Chunk = (usize, Vec<Result<Document, Error>>);
    type Done<T> = (usize, Vec<Result<(Document, T), Error>>);
    std::thread::scope(|s| {
        let (todo_tx, todo_rx) = sync_channel::<Chunk>(jobs * QUEUE_PER_THREAD);
        let (done_tx, done_rx) = sync_channel::<Done<T>>(jobs * QUEUE_PER_THREAD);
        // the reader stops when a send fails: the workers are gone because the run stopped
        s.spawn(move || {
            let mut docs = docs.peekable();
            let mut n = 0;
            while docs.peek().is_some() {
                let chunk: Vec<Result<Document, Error>> = docs.by_ref().take(CHUNK).collect();
                if todo_tx.send((n, chunk)).is_err() {
                    break;
                }
                n += 1;
            }
        });
        let todo_rx: Arc<Mutex<Receiver<Chunk>>> = Arc::new(Mutex::new(todo_rx));
        let work = &work;
        for _ in 0..jobs {
            let (todo_rx, done_tx) = (Arc::clone(&todo_rx), done_tx.clone());
            s.spawn(move || loop {
                // the lock is held only to take the next chunk, not while working on it
                let next = match todo_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok((i, chunk)) = next else { return };
                let done = chunk.into_iter().map(|d| d.and_then(|d| guarded(work, d))).collect();
                if done_tx.send((i, done)).is_err() {
                    return;
                }
            });
        }
        drop((done_tx, todo_rx));
        // chunks come back in any order; hand their results on in input order
        let mut waiting: BTreeMap<usize, Vec<Result<(Document, T), Error>>> = BTreeMap::new();
        let mut next = 0;
        for (i, done) in done_rx.iter() {
            waiting.insert(i, done);
            while let Some(done) = waiting.remove(&next) {
                next += 1;
                for r in done {
                    // on an error, returning drops `done_rx`: the workers' sends fail, they
                    // stop, and with them the reader
                    emit(r)?;
                }
            }
        }
        Ok(())
    })
}

/// Runs `work` on `d`, turning a panic (a bug) into an error about that document, so that
/// one document cannot end a run over an archive: `--keep-going` skips it like a bad input.
fn guarded<T>(work: &impl Fn(&Document) -> T, d: Document) -> Result<(Document, T), Error> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&d))) {
        Ok(t) => Ok((d, t)),
        Err(_) => Err(Error::input(&d.id, "an internal error stopped the work on this document (a bug: please report it)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(n: usize) -> impl Iterator<Item = Result<Document, Error>> + Send {
        (0..n).map(|i| Ok(Document::new(i.to_string(), "x".repeat(i % 7))))
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads_and_the_time_each_takes() {
        for jobs in [1, 2, 3, 8] {
            let mut ids = Vec::new();
            let slow = |d: &Document| {
                // later documents finish first within a window
                std::thread::sleep(std::time::Duration::from_micros(50 * (7 - d.text.len() as u64)));
                d.id.clone()
            };
            process_ordered(docs(300), jobs, slow, |r| {
                let (d, id) = r?;
                assert_eq!(d.id, id);
                ids.push(id);
                Ok(())
            })
            .unwrap();
            assert_eq!(ids, (0..300).map(|i| i.to_string()).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn an_error_from_emit_stops_the_run_without_waiting_for_the_rest() {
        let mut seen = 0;
        let r = process_ordered(
            docs(1_000_000),
            3,
            |d| d.id.len(),
            |r| {
                r?;
                seen += 1;
                if seen == 5 {
                    return Err(Error::Usage("stop".into()));
                }
                Ok(())
            },
        );
        assert!(matches!(r, Err(Error::Usage(_))));
        assert_eq!(seen, 5);
    }

    #[test]
    fn a_reader_error_is_handed_on_in_its_place() {
        let items = (0..20).map(|i| if i == 7 { Err(Error::Usage("bad line".into())) } else { Ok(Document::new(i.to_string(), "x")) });
        let mut got = Vec::new();
        process_ordered(
            items,
            2,
            |d| d.id.clone(),
            |r| {
                got.push(r.map(|(_, id)| id).unwrap_or_else(|_| "error".into()));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got[7], "error");
        assert_eq!(got[8], "8");
        assert_eq!(got.len(), 20);
    }

    #[test]
    fn a_document_that_panics_becomes_an_error_naming_it_and_the_run_goes_on() {
        for jobs in [1, 3] {
            let mut got = Vec::new();
            let work = |d: &Document| {
                assert!(d.id != "4", "a bug");
                d.id.clone()
            };
            process_ordered(docs(10), jobs, work, |r| {
                got.push(r.map(|(_, id)| id).unwrap_or_else(|e| e.to_string()));
                Ok(())
            })
            .unwrap();
            assert_eq!(got.len(), 10, "jobs {jobs}");
            assert!(got[4].starts_with("4: an internal error"), "{}", got[4]);
            assert_eq!(got[5], "5");
        }
    }
}
