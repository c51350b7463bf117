//! How the app's process gives memory back. Adding a 12-megapixel photo
//! decodes ~36 MB of pixels and reading a KK runs the OCR networks over
//! hundreds of megabytes of tensors, on worker threads. glibc's allocator
//! raises its mmap threshold each time such a block is freed (up to 32 MB),
//! after which blocks of that size come from per-thread arenas that are
//! rarely returned: measured with ten photos and one KTP and KK read, the
//! app process stayed at ~370 MB instead of ~140 MB. Fixing the thresholds
//! at glibc's own defaults keeps large blocks mapped and unmapped on their
//! own, at no measurable cost to adding or reading a photo.
//!
//! Windows' heap already hands large blocks back; nothing is done there.

/// Sets the allocator's thresholds; called first thing in `run`, before any
/// thread is started.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn give_back_freed_memory() {
    const THRESHOLD: libc::c_int = 128 * 1024;
    // SAFETY: mallopt only changes glibc's malloc parameters (it takes the
    // allocator's own lock); it is called before the app starts threads and
    // has no memory-safety preconditions. A 0 result (parameter refused)
    // leaves glibc's defaults, which is safe too.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, THRESHOLD);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back_freed_memory() {}
