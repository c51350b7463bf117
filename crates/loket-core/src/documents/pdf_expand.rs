//! How far a PDF's compressed streams expand, measured before the PDF is
//! opened. The PDF reader (`hayro`) decodes each stream whole in memory,
//! trusting the file: a 1 MB PDF whose page is a gigabyte of compressed
//! spaces took 1.2 GB of memory to show a blank page, and the 40 MB a file
//! may have would expand to some 40 GB and end the app. Here every stream
//! is decoded in small pieces into nothing, counting, and the count stops
//! at the limit, so the check itself needs a few hundred kB whatever the
//! file.
//!
//! Streams are found by their `stream` … `endstream` keywords, not by the
//! cross-reference table (a hostile file's `/Length` and offsets are not
//! trusted). Each is decoded by the filters its dictionary names
//! (`pdf_filters.rs`: Flate, LZW, run-length, and ASCII85/ASCIIHex around
//! them, in any chain, so a bomb inside a bomb counts what comes out last),
//! and also inflated as if it were plain Flate whatever the dictionary
//! says, in case the dictionary was not read as the reader reads it; the
//! larger count is taken. Image codecs (JPEG, JBIG2, JPEG 2000, fax) end a
//! chain: they have their own size checks. Not covered: a page whose drawing
//! is slow rather than large.

use super::pdf_filters::{chain, Filter};
use flate2::read::{DeflateDecoder, ZlibDecoder};
use std::io::Read;

/// How far back from `stream` its dictionary is looked for.
const DICT_WINDOW: usize = 4096;

/// The bytes the file's compressed streams expand to together, counted up
/// to just past `limit` (a result above `limit` means "too far").
pub(super) fn expanded_size(bytes: &[u8], limit: u64) -> u64 {
    let mut total = 0u64;
    let mut from = 0;
    while let Some((start, end)) = next_stream(bytes, from) {
        from = end;
        let data = bytes.get(start..end).unwrap_or_default();
        let budget = limit.saturating_sub(total);
        let filters = filters_before(bytes, start);
        let named = if filters.iter().any(|f| f.expands()) {
            count(chain(data, &filters), budget)
        } else {
            0
        };
        let as_flate = if filters == [Filter::Flate] {
            named // the same decode
        } else {
            inflated_len(data, budget)
        };
        total = total.saturating_add(named.max(as_flate));
        if total > limit {
            break;
        }
    }
    total
}

/// The filters named by the dictionary of the stream whose data starts at
/// `start`, up to the first one not decoded here; empty when none is found.
fn filters_before(bytes: &[u8], start: usize) -> Vec<Filter> {
    let window = &bytes[start.saturating_sub(DICT_WINDOW)..start];
    let Some(obj) = window.windows(3).rposition(|w| w == b"obj") else {
        return Vec::new();
    };
    let dict = &window[obj + 3..];
    let after = |key: &[u8]| -> Option<&[u8]> {
        let at = find(dict, key)? + key.len();
        let rest = &dict[at..];
        let skip = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
        Some(&rest[skip..])
    };
    let early_change = !after(b"/EarlyChange").is_some_and(|v| v.starts_with(b"0"));
    let Some(value) = after(b"/Filter") else {
        return Vec::new();
    };
    let (value, many) = match value.strip_prefix(b"[") {
        Some(list) => (
            &list[..list.iter().position(|&c| c == b']').unwrap_or(list.len())],
            true,
        ),
        None => (value, false),
    };
    value
        .split(|&c| c == b'/')
        .skip(1)
        .map(|name| {
            let end = name
                .iter()
                .position(|c| c.is_ascii_whitespace() || b"/[]<>()%{}".contains(c))
                .unwrap_or(name.len());
            &name[..end]
        })
        .take(if many { usize::MAX } else { 1 })
        .map_while(|name| Filter::named(name, early_change))
        .collect()
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

    /// A file of one stream with this dictionary.
    fn with_dict(dict: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = format!("%PDF-1.4\n7 0 obj\n{dict}\nstream\n").into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        pdf
    }

    fn lzw(data: &[u8], early_change: bool) -> Vec<u8> {
        let order = weezl::BitOrder::Msb;
        let mut enc = if early_change {
            weezl::encode::Encoder::with_tiff_size_switch(order, 8)
        } else {
            weezl::encode::Encoder::new(order, 8)
        };
        enc.encode(data).unwrap()
    }

    #[test]
    fn lzw_and_run_length_streams_count_what_they_decode_to() {
        let zeros = vec![0u8; 8 << 20];
        let pdf = with_dict("<< /Filter /LZWDecode >>", &lzw(&zeros, true));
        assert_eq!(expanded_size(&pdf, 1 << 30), 8 << 20);
        assert_eq!(expanded_size(&pdf, 1 << 20), (1 << 20) + 1);
        let late = "<< /Filter /LZW /DecodeParms << /EarlyChange 0 >> >>";
        let pdf = with_dict(late, &lzw(&zeros, false));
        assert_eq!(expanded_size(&pdf, 1 << 30), 8 << 20);
        let runs = [129u8, 0].repeat(1000);
        let pdf = with_dict("<</Filter/RL>>", &runs);
        assert_eq!(expanded_size(&pdf, 1 << 30), 128_000);
    }

    #[test]
    fn a_bomb_inside_a_bomb_or_inside_text_counts_what_comes_out_last() {
        let inner = zlib(&vec![b' '; 64 << 20]);
        let outer = zlib(&inner);
        let pdf = with_dict("<< /Filter [/FlateDecode /FlateDecode] >>", &outer);
        assert_eq!(expanded_size(&pdf, 1 << 30), 64 << 20);
        let hex: String = inner.iter().map(|b| format!("{b:02X}")).collect();
        let pdf = with_dict("<< /Filter [ /AHx /Fl ] /Length 9 >>", hex.as_bytes());
        assert_eq!(expanded_size(&pdf, 1 << 30), 64 << 20);
    }

    #[test]
    fn a_flate_stream_counts_whatever_its_dictionary_says() {
        let data = zlib(&[b'k'; 50_000]);
        for dict in [
            "<< /Filter /DCTDecode >>",
            "<< /Filter /Unknown >>",
            "<< >>",
        ] {
            assert_eq!(
                expanded_size(&with_dict(dict, &data), 1 << 20),
                50_000,
                "{dict}"
            );
        }
    }

    #[test]
    fn no_streams_no_bytes() {
        assert_eq!(expanded_size(b"%PDF-1.4\nendstream stream", 10), 0);
        assert_eq!(expanded_size(b"", 10), 0);
    }
}
