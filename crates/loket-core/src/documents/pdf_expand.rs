//! How far a PDF's compressed streams expand, measured before the PDF is
//! opened. The PDF reader (`hayro`) decodes each stream whole in memory,
//! trusting the file: a 1 MB PDF whose page is a gigabyte of compressed
//! spaces took 1.2 GB of memory to show a blank page, and the 40 MB a file
//! may have would expand to some 40 GB and end the app. Here every stream
//! is inflated in small pieces into nothing, counting, and the count stops
//! at the limit, so the check itself needs 64 kB whatever the file.
//!
//! Streams are found by their `stream` … `endstream` keywords, not by the
//! cross-reference table (a hostile file's `/Length` and offsets are not
//! trusted); streams that are not Flate (JPEG, JBIG2 and other image codecs
//! with their own size checks, or text) count nothing. Not covered: LZW and
//! run-length streams (rare; at most ~128× their size) and a page whose
//! drawing is slow rather than large.

use flate2::read::{DeflateDecoder, ZlibDecoder};
use std::io::Read;

/// The bytes the file's Flate streams expand to together, counted up to
/// just past `limit` (a result above `limit` means "too far").
pub(super) fn expanded_size(bytes: &[u8], limit: u64) -> u64 {
    let mut total = 0u64;
    let mut from = 0;
    while let Some((start, end)) = next_stream(bytes, from) {
        from = end;
        let data = bytes.get(start..end).unwrap_or_default();
        total = total.saturating_add(inflated_len(data, limit.saturating_sub(total)));
        if total > limit {
            break;
        }
    }
    total
}

/// The data of the next stream at or after `from`: after `stream` and its
/// end of line, up to the next `endstream`.
fn next_stream(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    loop {
        let found = at + find(bytes.get(at..)?, b"stream")?;
        let after = found + b"stream".len();
        at = after;
        if bytes[..found].ends_with(b"end") {
            continue;
        }
        let start = match bytes.get(after..after + 2) {
            Some([b'\r', b'\n']) => after + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => after + 1,
            _ => continue,
        };
        let end = find(bytes.get(start..)?, b"endstream").map_or(bytes.len(), |n| start + n);
        return Some((start, end));
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// How many bytes `data` inflates to (zlib, or raw deflate as the reader
/// also accepts), reading at most `budget + 1`; 0 for data that is neither.
fn inflated_len(data: &[u8], budget: u64) -> u64 {
    let zlib = count(ZlibDecoder::new(data), budget);
    if zlib > 0 {
        return zlib;
    }
    count(DeflateDecoder::new(data), budget)
}

fn count(reader: impl Read, budget: u64) -> u64 {
    let mut reader = reader.take(budget.saturating_add(1));
    let mut buf = [0u8; 64 * 1024];
    let mut n = 0u64;
    loop {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => return n,
            Ok(k) => n += k as u64,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = ZlibEncoder::new(Vec::new(), Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn with_streams(streams: &[Vec<u8>]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.4\n".to_vec();
        for (i, s) in streams.iter().enumerate() {
            write!(
                pdf,
                "{} 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\r\n",
                i + 1,
                s.len()
            )
            .unwrap();
            pdf.extend_from_slice(s);
            pdf.extend_from_slice(b"\nendstream\nendobj\n");
        }
        pdf.extend_from_slice(b"%%EOF\n");
        pdf
    }

    #[test]
    fn counts_every_flate_stream() {
        let pdf = with_streams(&[
            zlib(&[b'a'; 1000]),
            zlib(&[b' '; 5000]),
            b"not compressed".to_vec(),
        ]);
        assert_eq!(expanded_size(&pdf, 1 << 20), 6000);
    }

    #[test]
    fn stops_just_past_the_limit() {
        // 64 MB of zeros: about 64 kB compressed.
        let bomb = zlib(&vec![0u8; 64 << 20]);
        assert!(bomb.len() < 100_000);
        let pdf = with_streams(&[bomb]);
        assert_eq!(expanded_size(&pdf, 1 << 20), (1 << 20) + 1);
        assert_eq!(expanded_size(&pdf, 1 << 30), 64 << 20);
    }

    #[test]
    fn a_stream_cut_off_counts_what_it_holds() {
        let mut data = zlib(&[b'x'; 100_000]);
        data.truncate(data.len() / 2);
        let mut pdf = b"1 0 obj\n<<>>\nstream\n".to_vec();
        pdf.extend_from_slice(&data);
        let n = expanded_size(&pdf, 1 << 20);
        assert!(n > 0 && n < 100_000, "{n}");
    }

    #[test]
    fn no_streams_no_bytes() {
        assert_eq!(expanded_size(b"%PDF-1.4\nendstream stream", 10), 0);
        assert_eq!(expanded_size(b"", 10), 0);
    }
}
