//! Duplicate re-sends (work in progress).
