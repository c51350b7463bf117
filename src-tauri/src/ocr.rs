//! The OCR engine of the running app: loaded on the first reading (the
//! models are 31 MB; a desk that never reads a photo never loads them),
//! from the app's bundled resources (`ocr/`), and a small cache of
//! readings by photo, so reopening a request shows its suggestions at once.

use loket_core::ocr::{PaddleEngine, Reading};
use loket_core::{ErrorCode, LoketError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Readings kept in memory (one per photo page; a day's work is far more,
/// but a reopened request is usually among the last few).
const CACHED: usize = 64;

#[derive(Default)]
pub struct OcrService {
    /// The bundled models' folder, set once the app knows its resource folder.
    pub models: OnceLock<PathBuf>,
    engine: OnceLock<Result<Arc<PaddleEngine>, LoketError>>,
    cache: Mutex<Vec<(String, Reading)>>,
}

impl OcrService {
    /// The engine, loading it on first use (SHA-256 of each model checked).
    pub fn engine(&self) -> Result<Arc<PaddleEngine>, LoketError> {
        self.engine
            .get_or_init(|| {
                let dir = self
                    .models
                    .get()
                    .filter(|d| d.is_dir())
                    .cloned()
                    .or_else(PaddleEngine::default_dir)
                    .ok_or_else(|| {
                        LoketError::new(
                            ErrorCode::ModelOcrTidakAda,
                            "Model pembaca foto tidak terpasang. Pasang ulang Loket.",
                        )
                    })?;
                PaddleEngine::load(&dir).map(Arc::new)
            })
            .clone()
    }

    pub fn cached(&self, key: &str) -> Option<Reading> {
        let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.iter().find(|(k, _)| k == key).map(|(_, r)| r.clone())
    }

    pub fn keep(&self, key: String, reading: Reading) {
        let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
        cache.retain(|(k, _)| *k != key);
        if cache.len() >= CACHED {
            cache.remove(0);
        }
        cache.push((key, reading));
    }
}
