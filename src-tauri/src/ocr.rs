//! The OCR engine of the running app: loaded from the app's bundled
//! resources (`ocr/`) when a photo is to be read and let go once no reading
//! runs (the models take ~36 MB; loading them with their SHA-256 checks
//! takes ~0.1 s beside a reading's seconds, and a request's photos are read
//! once). A small cache of readings by photo shows a reopened request's
//! suggestions at once.

use loket_core::ocr::{PaddleEngine, Reading};
use loket_core::{ErrorCode, LoketError};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, Weak};

/// Readings kept in memory (one per photo page; a day's work is far more,
/// but a reopened request is usually among the last few).
const CACHED: usize = 64;

#[derive(Default)]
pub struct OcrService {
    /// The bundled models' folder, set once the app knows its resource folder.
    pub models: OnceLock<PathBuf>,
    /// The engine while some reading holds it.
    engine: Mutex<Weak<PaddleEngine>>,
    cache: Mutex<Vec<(String, Reading)>>,
}

impl OcrService {
    /// The engine: the one a running reading holds, or loaded anew (SHA-256
    /// of each model checked). It is freed when the last holder drops it.
    pub fn engine(&self) -> Result<Arc<PaddleEngine>, LoketError> {
        // Held while loading, so two readings starting together load once.
        let mut held = self.engine.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(engine) = held.upgrade() {
            return Ok(engine);
        }
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
        let engine = Arc::new(PaddleEngine::load(&dir)?);
        *held = Arc::downgrade(&engine);
        Ok(engine)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_is_shared_while_held_and_freed_after() {
        let Some(dir) = PaddleEngine::default_dir() else {
            assert!(
                std::env::var("LOKET_CI").as_deref() != Ok("1"),
                "the OCR models are missing in CI: run scripts/fetch-ocr-models.sh"
            );
            return;
        };
        let service = OcrService::default();
        service.models.set(dir).unwrap();
        let first = service.engine().unwrap();
        let second = service.engine().unwrap();
        assert!(
            Arc::ptr_eq(&first, &second),
            "one engine while readings run"
        );
        let gone = Arc::downgrade(&first);
        drop((first, second));
        assert!(gone.upgrade().is_none(), "the models are freed after");
        assert!(
            service.engine().is_ok(),
            "loaded again for the next reading"
        );
    }
}
