//! The 30-minute time promise in office hours (work in progress).
