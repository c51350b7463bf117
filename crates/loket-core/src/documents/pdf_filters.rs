//! The PDF stream filters that can make a small file large (Flate, LZW,
//! run-length) and the text encodings that can hide one of them (ASCII85,
//! ASCIIHex), as `Read` adapters that chain in the order a stream's
//! `/Filter` names them. `pdf_expand.rs` reads a chain's output into
//! nothing, counting, so a stream is never held whole whatever it decodes to.
//!
//! Flate is flate2's (the one the PDF reader uses) and LZW weezl's; the
//! other three are a few lines each, written here from the PDF reference
//! (ISO 32000-1, 7.4), as no maintained crate offers them as readers.

use flate2::bufread::{DeflateDecoder, ZlibDecoder};
use std::io::{self, BufRead, BufReader, Read};

/// A stream filter this module decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Filter {
    Flate,
    /// `early_change` is the `/EarlyChange` decode parameter (default 1).
    Lzw {
        early_change: bool,
    },
    RunLength,
    Ascii85,
    AsciiHex,
}

impl Filter {
    /// The filter a `/Filter` name stands for (full or abbreviated), or
    /// `None` for one this module does not decode (image codecs, Crypt).
    pub(super) fn named(name: &[u8], early_change: bool) -> Option<Filter> {
        Some(match name {
            b"FlateDecode" | b"Fl" => Filter::Flate,
            b"LZWDecode" | b"LZW" => Filter::Lzw { early_change },
            b"RunLengthDecode" | b"RL" => Filter::RunLength,
            b"ASCII85Decode" | b"A85" => Filter::Ascii85,
            b"ASCIIHexDecode" | b"AHx" => Filter::AsciiHex,
            _ => return None,
        })
    }

    /// Whether its output can be larger than its input by more than a
    /// constant (the text encodings only shrink).
    pub(super) fn expands(self) -> bool {
        matches!(self, Filter::Flate | Filter::Lzw { .. } | Filter::RunLength)
    }
}

/// `data` decoded by each filter in turn.
pub(super) fn chain<'a>(data: &'a [u8], filters: &[Filter]) -> Box<dyn Read + 'a> {
    let mut reader: Box<dyn Read + 'a> = Box::new(data);
    for filter in filters {
        let input = BufReader::new(reader);
        reader = match filter {
            Filter::Flate => flate(input),
            Filter::Lzw { early_change } => Box::new(Lzw::new(input, *early_change)),
            Filter::RunLength => Box::new(RunLength {
                inner: input,
                run: Run::Next,
            }),
            Filter::Ascii85 => Box::new(Ascii85 {
                inner: input,
                out: Vec::new(),
                done: false,
            }),
            Filter::AsciiHex => Box::new(AsciiHex {
                inner: input,
                done: false,
            }),
        };
    }
    reader
}

/// zlib, or raw deflate as the PDF reader also accepts.
fn flate<'a>(mut input: BufReader<Box<dyn Read + 'a>>) -> Box<dyn Read + 'a> {
    let zlib = match input.fill_buf() {
        Ok([cmf, flg, ..]) => cmf & 0x0F == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    };
    if zlib {
        Box::new(ZlibDecoder::new(input))
    } else {
        Box::new(DeflateDecoder::new(input))
    }
}

/// Reads one byte, `None` at the end.
fn byte(r: &mut impl BufRead) -> io::Result<Option<u8>> {
    let b = r.fill_buf()?.first().copied();
    if b.is_some() {
        r.consume(1);
    }
    Ok(b)
}

/// LZW, MSB first, 8-bit symbols, through weezl.
struct Lzw<R> {
    inner: R,
    decoder: weezl::decode::Decoder,
    done: bool,
}

impl<R: BufRead> Lzw<R> {
    fn new(inner: R, early_change: bool) -> Lzw<R> {
        let order = weezl::BitOrder::Msb;
        let decoder = if early_change {
            weezl::decode::Decoder::with_tiff_size_switch(order, 8)
        } else {
            weezl::decode::Decoder::new(order, 8)
        };
        Lzw {
            inner,
            decoder,
            done: false,
        }
    }
}

impl<R: BufRead> Read for Lzw<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while !self.done && !out.is_empty() {
            let input = self.inner.fill_buf()?;
            let at_end = input.is_empty();
            let result = self.decoder.decode_bytes(input, out);
            self.inner.consume(result.consumed_in);
            match result.status {
                Ok(weezl::LzwStatus::Done) | Err(_) => self.done = true,
                Ok(_) if result.consumed_out == 0 && (at_end || result.consumed_in == 0) => {
                    self.done = true
                }
                Ok(_) => {}
            }
            if result.consumed_out > 0 {
                return Ok(result.consumed_out);
            }
        }
        Ok(0)
    }
}

/// Run-length: a length byte `n` below 128 copies the next `n + 1` bytes,
/// above 128 repeats the next byte `257 - n` times, 128 ends the data.
struct RunLength<R> {
    inner: R,
    run: Run,
}

enum Run {
    Next,
    Copy(usize),
    Repeat(u8, usize),
    Done,
}

impl<R: BufRead> Read for RunLength<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match self.run {
                Run::Done => return Ok(0),
                Run::Copy(n) if n > 0 => {
                    let want = n.min(out.len());
                    let k = self.inner.read(&mut out[..want])?;
                    self.run = if k == 0 { Run::Done } else { Run::Copy(n - k) };
                    return Ok(k);
                }
                Run::Repeat(b, n) if n > 0 => {
                    let k = n.min(out.len());
                    out[..k].fill(b);
                    self.run = Run::Repeat(b, n - k);
                    return Ok(k);
                }
                _ => {
                    self.run = match byte(&mut self.inner)? {
                        None | Some(128) => Run::Done,
                        Some(n) if n < 128 => Run::Copy(usize::from(n) + 1),
                        Some(n) => match byte(&mut self.inner)? {
                            Some(b) => Run::Repeat(b, 257 - usize::from(n)),
                            None => Run::Done,
                        },
                    }
                }
            }
        }
    }
}

/// ASCII85: five characters `!`..`u` for four bytes, `z` for four zeros,
/// white space ignored, `~>` ends; a last group of k characters gives k - 1.
struct Ascii85<R> {
    inner: R,
    /// Decoded bytes not yet handed out, in reverse order.
    out: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Ascii85<R> {
    /// Decodes the next group into `self.out`.
    fn group(&mut self) -> io::Result<()> {
        let mut digits = [0u32; 5];
        let mut k = 0;
        while k < 5 {
            match byte(&mut self.inner)? {
                Some(b'z') if k == 0 => {
                    self.out.extend([0; 4]);
                    return Ok(());
                }
                Some(c @ b'!'..=b'u') => {
                    digits[k] = u32::from(c - b'!');
                    k += 1;
                }
                Some(c) if c.is_ascii_whitespace() => {}
                _ => {
                    self.done = true;
                    break;
                }
            }
        }
        if k < 2 {
            return Ok(());
        }
        digits[k..].fill(84); // padded with `u`
        let value = digits
            .iter()
            .fold(0u32, |v, d| v.wrapping_mul(85).wrapping_add(*d));
        self.out
            .extend(value.to_be_bytes()[..k - 1].iter().rev().copied());
        Ok(())
    }
}

impl<R: BufRead> Read for Ascii85<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < out.len() {
            match self.out.pop() {
                Some(b) => {
                    out[n] = b;
                    n += 1;
                }
                None if self.done => break,
                None => self.group()?,
            }
        }
        Ok(n)
    }
}

/// ASCIIHex: pairs of hex digits, white space ignored, `>` ends; a lone
/// last digit is followed by 0.
struct AsciiHex<R> {
    inner: R,
    done: bool,
}

impl<R: BufRead> AsciiHex<R> {
    fn digit(&mut self) -> io::Result<Option<u8>> {
        while !self.done {
            match byte(&mut self.inner)? {
                Some(c) if c.is_ascii_whitespace() => {}
                Some(c) => match (c as char).to_digit(16) {
                    Some(d) => return Ok(Some(d as u8)),
                    None => self.done = true,
                },
                None => self.done = true,
            }
        }
        Ok(None)
    }
}

impl<R: BufRead> Read for AsciiHex<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < out.len() {
            let Some(high) = self.digit()? else { break };
            let low = self.digit()?.unwrap_or(0);
            out[n] = high << 4 | low;
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn decode(data: &[u8], filters: &[Filter]) -> Vec<u8> {
        let mut out = Vec::new();
        chain(data, filters).read_to_end(&mut out).unwrap();
        out
    }

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn ascii85_decodes_groups_zeros_and_a_short_last_group() {
        // The reference's own example: "Man " is "9jqo^".
        assert_eq!(decode(b"9jqo^", &[Filter::Ascii85]), b"Man ");
        assert_eq!(decode(b"9jq o^\nz~>", &[Filter::Ascii85]), b"Man \0\0\0\0");
        assert_eq!(decode(b"9jqo^Bla~>", &[Filter::Ascii85]), b"Man is");
        assert_eq!(decode(b"9jqo^BlbD-~>", &[Filter::Ascii85]), b"Man is d");
        assert_eq!(decode(b"", &[Filter::Ascii85]), b"");
    }

    #[test]
    fn ascii_hex_decodes_pairs_and_pads_a_lone_digit() {
        assert_eq!(decode(b"4d 61\n6E>", &[Filter::AsciiHex]), b"Man");
        assert_eq!(decode(b"7>", &[Filter::AsciiHex]), [0x70]);
    }

    #[test]
    fn run_length_copies_and_repeats() {
        let data = [2, b'a', b'b', b'c', 254, b'x', 128, 0, b'!'];
        assert_eq!(decode(&data, &[Filter::RunLength]), b"abcxxx");
        assert_eq!(decode(&[129, 0], &[Filter::RunLength]).len(), 128);
    }

    #[test]
    fn lzw_decodes_what_weezl_encodes_with_either_early_change() {
        let text = b"TOBEORNOTTOBEORTOBEORNOT".repeat(50);
        for early_change in [true, false] {
            let order = weezl::BitOrder::Msb;
            let mut enc = if early_change {
                weezl::encode::Encoder::with_tiff_size_switch(order, 8)
            } else {
                weezl::encode::Encoder::new(order, 8)
            };
            let packed = enc.encode(&text).unwrap();
            let out = decode(&packed, &[Filter::Lzw { early_change }]);
            assert_eq!(out, text, "early change {early_change}");
        }
    }

    #[test]
    fn filters_chain_in_the_order_named() {
        let text = b"Kartu Keluarga ".repeat(100);
        let packed = zlib(&text);
        let hex: String = packed.iter().map(|b| format!("{b:02x}")).collect();
        let out = decode(hex.as_bytes(), &[Filter::AsciiHex, Filter::Flate]);
        assert_eq!(out, text);
        // Raw deflate (no zlib header) is read too.
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        raw.write_all(&text).unwrap();
        assert_eq!(decode(&raw.finish().unwrap(), &[Filter::Flate]), text);
    }

    #[test]
    fn names_and_abbreviations() {
        assert_eq!(Filter::named(b"Fl", true), Some(Filter::Flate));
        assert_eq!(
            Filter::named(b"LZWDecode", false),
            Some(Filter::Lzw {
                early_change: false
            })
        );
        assert_eq!(Filter::named(b"DCTDecode", true), None);
        assert!(!Filter::Ascii85.expands() && Filter::RunLength.expands());
    }
}
