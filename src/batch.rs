//! Running a per-document function on several threads while keeping the
//! input's order: documents are read in batches, each batch is shared out among
//! the threads, and the results are handed on in the order the documents came
//! in. Output bytes are therefore the same whatever the number of threads, and
//! memory holds one batch, not the corpus.

use crate::error::Error;
use crate::model::Document;

/// Documents per thread in one batch.
const PER_THREAD: usize = 64;

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
    I: Iterator<Item = Result<Document, Error>>,
    T: Send,
    W: Fn(&Document) -> T + Sync,
    E: FnMut(Result<(Document, T), Error>) -> Result<(), Error>,
{
    let jobs = jobs.max(1);
    let mut docs = docs.peekable();
    if jobs == 1 {
        for d in docs {
            emit(d.map(|d| {
                let t = work(&d);
                (d, t)
            }))?;
        }
        return Ok(());
    }
    while docs.peek().is_some() {
        let batch: Vec<Result<Document, Error>> = docs.by_ref().take(jobs * PER_THREAD).collect();
        let mut results: Vec<Option<T>> = Vec::with_capacity(batch.len());
        results.resize_with(batch.len(), || None);
        std::thread::scope(|s| {
            // thread k takes documents k, k + jobs, k + 2·jobs, …
            let mut slots: Vec<Vec<(usize, &mut Option<T>)>> = (0..jobs).map(|_| Vec::new()).collect();
            for (i, slot) in results.iter_mut().enumerate() {
                slots[i % jobs].push((i, slot));
            }
            let (batch, work) = (&batch, &work);
            for mine in slots {
                s.spawn(move || {
                    for (i, slot) in mine {
                        if let Ok(d) = &batch[i] {
                            *slot = Some(work(d));
                        }
                    }
                });
            }
        });
        for (d, t) in batch.into_iter().zip(results) {
            match (d, t) {
                (Ok(d), Some(t)) => emit(Ok((d, t)))?,
                (Err(e), _) => emit(Err(e))?,
                // every document of a batch was processed; should a thread have missed one, do it here
                (Ok(d), None) => {
                    let t = work(&d);
                    emit(Ok((d, t)))?
                }
            }
        }
    }
    Ok(())
}
