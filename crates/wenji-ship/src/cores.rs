//! The build's slow steps (wasm-opt, brotli) spread over the machine's
//! cores: one queue of jobs, a thread per core taking the next. Callers
//! put the largest job first, so that no core is left with it at the end.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `items` by the size of their file (`path`), largest first: the order
/// `each` wants (a file that cannot be read counts as empty).
pub fn largest_first<'a, T>(
    items: impl IntoIterator<Item = &'a T>,
    path: impl Fn(&T) -> &Path,
) -> Vec<&'a T> {
    let mut items: Vec<&T> = items.into_iter().collect();
    items
        .sort_by_cached_key(|item| std::cmp::Reverse(path(item).metadata().map_or(0, |m| m.len())));
    items
}

/// `job` run on every item of `items`, on as many threads as the machine
/// has cores (at most one per item). A thread stops at its job's error and
/// the others finish the queue; then one of the errors is returned.
pub fn each<T: Sync>(
    items: &[T],
    job: impl Fn(&T) -> anyhow::Result<()> + Sync,
) -> anyhow::Result<()> {
    let next = AtomicUsize::new(0);
    let work = || -> anyhow::Result<()> {
        while let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) {
            job(item)?;
        }
        Ok(())
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len())
        .max(1);
    std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut result = work();
        for other in others {
            let theirs = other
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("a build thread panicked")));
            result = result.and(theirs);
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn every_item_is_done_once() {
        let items: Vec<u32> = (0..50).collect();
        let done = Mutex::new(Vec::new());
        each(&items, |&i| {
            done.lock().unwrap().push(i);
            Ok(())
        })
        .unwrap();
        let mut done = done.into_inner().unwrap();
        done.sort();
        assert_eq!(done, items);
    }

    #[test]
    fn an_error_is_returned_and_the_rest_still_run() {
        let items: Vec<u32> = (0..20).collect();
        let done = AtomicUsize::new(0);
        let result = each(&items, |&i| {
            done.fetch_add(1, Ordering::Relaxed);
            anyhow::ensure!(i != 3, "item {i} failed");
            Ok(())
        });
        assert_eq!(result.unwrap_err().to_string(), "item 3 failed");
        // The thread that failed stops; another, if there is one, finishes
        // the queue.
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let expected = if cores > 1 { items.len() } else { 4 };
        assert_eq!(done.load(Ordering::Relaxed), expected);
    }

    #[test]
    fn files_come_largest_first() {
        let dir = std::env::temp_dir().join(format!("wenji-cores-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let files: Vec<_> = [("small", 1), ("large", 300), ("middle", 20)]
            .iter()
            .map(|(name, len)| {
                let path = dir.join(name);
                std::fs::write(&path, vec![0u8; *len]).unwrap();
                path
            })
            .collect();
        let missing = dir.join("missing");
        let all: Vec<_> = files.iter().chain([&missing]).collect();
        let ordered = largest_first(all.iter().copied(), |p| p);
        let names: Vec<_> = ordered.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["large", "middle", "small", "missing"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn nothing_to_do_is_done() {
        each(&[] as &[u32], |_| anyhow::bail!("never called")).unwrap();
    }
}
