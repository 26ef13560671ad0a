//! Where attachments' bytes are kept: R2 (Cloudflare's object storage) in the Worker, memory
//! in native tests. The database keeps what a file is and whose; this store keeps only bytes
//! under unguessable keys. A database write and a store write are never one transaction, so
//! rows are written after their file and deleted before it, and [`crate::jobs`] sweeps files
//! no row names.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

/// The store could not be reached or refused; the text is for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobError(pub String);

/// A kept file's key and when it was stored (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobEntry {
    pub key: String,
    pub stored_at: i64,
}

/// What a store's calls return: single-threaded, as everything in a Worker.
pub type BlobFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, BlobError>> + 'a>>;

/// A key-value store of files.
pub trait BlobStore {
    /// Stores `bytes` under `key` at `now` (Unix seconds; the memory store's listing uses it).
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>, now: i64) -> BlobFuture<'a, ()>;
    /// The bytes under `key`, if any.
    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Option<Vec<u8>>>;
    /// Removes `key` (nothing when absent).
    fn delete<'a>(&'a self, key: &'a str) -> BlobFuture<'a, ()>;
    /// Every key under `prefix`.
    fn list<'a>(&'a self, prefix: &'a str) -> BlobFuture<'a, Vec<BlobEntry>>;
}

/// Files in memory: native tests and contexts without a store.
#[derive(Default)]
pub struct MemoryBlobs {
    files: RefCell<BTreeMap<String, (Vec<u8>, i64)>>,
}

impl MemoryBlobs {
    /// How many files are kept (tests check that deleting removes them).
    pub fn len(&self) -> usize {
        self.files.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.borrow().is_empty()
    }
}

impl BlobStore for MemoryBlobs {
    fn put<'a>(&'a self, key: &'a str, bytes: Vec<u8>, now: i64) -> BlobFuture<'a, ()> {
        self.files.borrow_mut().insert(key.to_owned(), (bytes, now));
        Box::pin(async { Ok(()) })
    }

    fn get<'a>(&'a self, key: &'a str) -> BlobFuture<'a, Option<Vec<u8>>> {
        let found = self.files.borrow().get(key).map(|(b, _)| b.clone());
        Box::pin(async move { Ok(found) })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BlobFuture<'a, ()> {
        self.files.borrow_mut().remove(key);
        Box::pin(async { Ok(()) })
    }

    fn list<'a>(&'a self, prefix: &'a str) -> BlobFuture<'a, Vec<BlobEntry>> {
        let keys = self
            .files
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, (_, at))| BlobEntry {
                key: k.clone(),
                stored_at: *at,
            })
            .collect();
        Box::pin(async move { Ok(keys) })
    }
}

/// Where attachments' keys start.
pub const ATTACHMENT_PREFIX: &str = "attachments/";

/// A new unguessable key for an attachment (128 random bits).
pub fn new_attachment_key() -> Option<String> {
    crate::crypto::random_token().map(|t| format!("{ATTACHMENT_PREFIX}{t}"))
}
