//! What the receipt tests share: a finished request made through the real
//! binary, and reading a PNG's pixels and QR code back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)]

use crate::common::{cli, json, stderr};
use std::path::Path;

pub const NIK: &str = "3516024512900003";
pub const NIK_MASKED: &str = "351602******0003";

/// Registers a request with a NIK and takes it to `done`; returns its number.
pub fn finished_request(dir: &Path) -> String {
    let out = cli(
        dir,
        &[
            "request",
            "new",
            "--name",
            "Siti Aminah binti Abdul Rahman Wijayakusuma",
            "--phone",
            "081234567890",
            "--nik",
            NIK,
            "--category",
            "bpjs",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reg = json(&out)["reg_no"].as_str().unwrap().to_owned();
    for (to, outcome) in [("verifying", None), ("done", Some("updated"))] {
        let mut args = vec!["request", "move", reg.as_str(), "--to", to];
        if let Some(o) = outcome {
            args.extend(["--outcome", o]);
        }
        let out = cli(dir, &args);
        assert_eq!(out.status.code(), Some(0), "move to {to}: {}", stderr(&out));
    }
    reg
}

/// A PNG's pixels as grey levels, its width and height.
pub fn png_gray(bytes: &[u8]) -> (Vec<u8>, usize, usize) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let (w, h) = (info.width as usize, info.height as usize);
    let channels = info.color_type.samples();
    let gray = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| match channels {
            1 | 2 => p[0],
            _ => ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2])) / 3) as u8,
        })
        .collect();
    (gray, w, h)
}

/// The content of the one QR code in a greyscale image.
pub fn decode_qr(gray: &[u8], w: usize, h: usize) -> String {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| gray[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "exactly one QR code in the image");
    grids[0].decode().unwrap().1
}
