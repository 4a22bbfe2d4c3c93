//! The job that works through the queue: opening IndexedDB and queueing what it holds, then
//! reading, checking and storing files batch by batch, with a turn for the page in between.

use std::rc::Rc;

use trygg_core::roster::import::{batch_value, next_batch_size, stored_files, BATCH_FILES};

use super::read::{read_batch, Pending};
use super::{notify, today, Keeping, Shared};
use crate::shared::browser::roster_store::{next_tick, RosterStore};

/// Opens IndexedDB and queues what it holds ahead of anything picked meanwhile.
pub(super) async fn restore(session: Shared) {
    let course_id = session.borrow().import.course_id().to_owned();
    match RosterStore::open(&course_id).await {
        Ok(store) => read_stored(session, store).await,
        Err(e) => {
            session.borrow_mut().keeping = Keeping::Memory(e);
            start(&session);
            notify(&session);
        }
    }
}

/// Queues what `store` holds ahead of anything picked meanwhile, then keeps the roster
/// there: on opening, and again when another tab changed it.
pub(super) async fn read_stored(session: Shared, store: RosterStore) {
    let saved = match store.get_all().await {
        Ok(values) => values,
        Err(e) => {
            session.borrow_mut().save_error = Some(e);
            Vec::new()
        }
    };
    {
        let mut s = session.borrow_mut();
        s.keeping = Keeping::Saved(store);
        let files = stored_files(&saved);
        s.import.restoring(files.len());
        for file in files.into_iter().rev() {
            s.queue.push_front(Pending::Stored(file));
        }
    }
    start(&session);
    notify(&session);
}

/// Starts the job on what is queued, unless it runs already, IndexedDB is still opening
/// (restored files go first), or the session is closed.
pub(super) fn start(session: &Shared) {
    {
        let mut s = session.borrow_mut();
        let idle = s.queue.is_empty() || matches!(s.keeping, Keeping::Opening);
        if s.running || s.closed || idle {
            return;
        }
        s.running = true;
    }
    wasm_bindgen_futures::spawn_local(drain(session.clone()));
}

/// Works through the queue batch by batch, yielding to the page between batches.
async fn drain(session: Shared) {
    let mut batch_size = BATCH_FILES;
    loop {
        let batch = {
            let mut s = session.borrow_mut();
            if s.closed {
                // No page shows this session any more; what is stored stays.
                s.running = false;
                return;
            }
            let take = batch_size.min(s.queue.len());
            s.queue.drain(..take).collect::<Vec<_>>()
        };
        if batch.is_empty() {
            break;
        }
        let (received, bytes_read) = read_batch(batch).await;
        batch_size = next_batch_size(bytes_read);
        let to_store = session.borrow_mut().import.check(received, today());
        let store = match &session.borrow().keeping {
            Keeping::Saved(store) => Some(store.clone()),
            _ => None,
        };
        if let Some(store) = store {
            // The batch as one value: one put per 200 files instead of 200.
            let value = batch_value(&to_store);
            if let Err(e) = store.put_all(value.as_slice()).await {
                session.borrow_mut().save_error = Some(e);
            }
        }
        notify(&session);
        next_tick().await;
    }
    // Build the new rows now, then render them in the next task.
    {
        let mut s = session.borrow_mut();
        let next = s.revision + 1;
        let rows = Rc::new(s.import.roster().rows(today()));
        s.rows = Some((next, rows));
    }
    next_tick().await;
    {
        let mut s = session.borrow_mut();
        s.running = false;
        s.revision += 1;
        if s.import.finish() {
            s.focus_result = true;
        }
    }
    notify(&session);
    if std::mem::take(&mut session.borrow_mut().reread) {
        super::reread(&session);
    }
}
