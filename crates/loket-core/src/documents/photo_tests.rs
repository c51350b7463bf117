//! The JPEG path on photos made here: every EXIF orientation ends upright
//! in both derived images (with and without a scaled decode and resize),
//! CMYK, progressive and lossless JPEGs are added in colour, and a cut
//! camera photo is refused without leaving files.

use super::exif::with_orientation;
use super::test_support::{desk, files_under, fixture, new_request, NOW};
use super::*;
use crate::error::ErrorCode;
use turbojpeg::{Compressor, Image, PixelFormat, Subsamp};

const RED: [u8; 3] = [230, 20, 20];
const PAPER: [u8; 3] = [240, 240, 230];

/// A `w`×`h` photo, pale with a red block in its stored top-left corner.
fn marked(w: usize, h: usize) -> Vec<u8> {
    let mut px = Vec::with_capacity(w * h * 3);
    for y in 0..h {
        for x in 0..w {
            px.extend(if x < w / 4 && y < h / 4 { RED } else { PAPER });
        }
    }
    px
}

fn compress(px: &[u8], w: usize, h: usize, setup: impl FnOnce(&mut Compressor)) -> Vec<u8> {
    let mut c = Compressor::new().unwrap();
    c.set_quality(92).unwrap();
    c.set_subsamp(Subsamp::Sub2x2).unwrap();
    setup(&mut c);
    let format = if px.len() == w * h * 4 {
        PixelFormat::CMYK
    } else {
        PixelFormat::RGB
    };
    let image = Image {
        pixels: px,
        width: w,
        pitch: w * format.size(),
        height: h,
        format,
    };
    c.compress_to_vec(image).unwrap()
}

/// Decoded RGB of a stored JPEG file.
fn pixels(path: &std::path::Path) -> Image<Vec<u8>> {
    turbojpeg::decompress(&std::fs::read(path).unwrap(), PixelFormat::RGB).unwrap()
}

fn is_red(img: &Image<Vec<u8>>, fx: f64, fy: f64) -> bool {
    let x = ((img.width - 1) as f64 * fx) as usize;
    let y = ((img.height - 1) as f64 * fy) as usize;
    let p = &img.pixels[y * img.pitch + x * 3..][..3];
    p[0] > 180 && p[1] < 80 && p[2] < 80
}

/// Where the stored top-left corner shows once upright, per orientation.
fn corner(exif: u16) -> (f64, f64) {
    match exif {
        1 | 5 => (0.05, 0.05),
        2 | 6 => (0.95, 0.05),
        3 | 7 => (0.95, 0.95),
        4 | 8 => (0.05, 0.95),
        _ => unreachable!(),
    }
}

fn check_upright(desk: &Desk, doc: &Document, exif: u16, w: u32, h: u32) {
    let upright = if exif >= 5 { (h, w) } else { (w, h) };
    assert_eq!((doc.width, doc.height), upright, "orientation {exif}");
    let (cx, cy) = corner(exif);
    for (what, img) in [
        ("display", pixels(&display_path(desk, doc, 1))),
        ("thumbnail", pixels(&thumb_path(desk, doc, 1))),
    ] {
        let long = if what == "display" {
            w.max(h).min(DISPLAY_LONG_SIDE)
        } else {
            THUMB_LONG_SIDE
        };
        let size = (img.width as u32, img.height as u32);
        let landscape = upright.0 > upright.1;
        assert_eq!(size.0.max(size.1), long, "{what} {exif}: {size:?}");
        assert_eq!(
            size.0 > size.1,
            landscape,
            "{what} {exif}: upright {size:?}"
        );
        assert!(
            is_red(&img, cx, cy),
            "{what} {exif}: the mark is at {cx},{cy}"
        );
        for (ox, oy) in [(0.05, 0.05), (0.95, 0.05), (0.95, 0.95), (0.05, 0.95)] {
            if (ox, oy) != (cx, cy) {
                assert!(!is_red(&img, ox, oy), "{what} {exif}: no mark at {ox},{oy}");
            }
        }
    }
}

#[test]
fn every_orientation_ends_upright_in_display_copy_and_thumbnail() {
    let (_dir, mut desk, reg) = desk();
    let (w, h) = (1200, 900);
    // 4:2:0 goes through its YCbCr planes, 4:4:4 through RGB.
    for subsamp in [Subsamp::Sub2x2, Subsamp::None] {
        let plain = compress(&marked(w, h), w, h, |c| c.set_subsamp(subsamp).unwrap());
        for exif in 1..=8u16 {
            let bytes = with_orientation(&plain, exif);
            let doc = add_bytes(&mut desk, &reg, None, "a.jpg", &bytes, "Rina", NOW).unwrap();
            check_upright(&desk, &doc, exif, w as u32, h as u32);
        }
    }
}

#[test]
fn a_camera_photo_turned_as_planes_looks_as_it_does_through_rgb() {
    // A real phone photo taken sideways (EXIF 6): its display copy made
    // from the YCbCr planes against one made through RGB.
    let bytes = std::fs::read(fixture("IMG_20261123_191044.jpg")).unwrap();
    let photo = jpeg::decode(&bytes, DISPLAY_LONG_SIDE).unwrap();
    let jpeg::Pixels::Planes(planes) = &photo.pixels else {
        panic!("a 4:2:0 camera photo is decoded as planes");
    };
    assert_eq!(photo.exif, 6);
    let via_planes = derive::derive(planes, photo.exif).unwrap();
    let rgb = jpeg::decode_rgb(&bytes, DISPLAY_LONG_SIDE).unwrap();
    let via_rgb = derive::derive(&rgb, photo.exif).unwrap();
    for (ours, theirs, what) in [
        (&via_planes.display, &via_rgb.display, "display copy"),
        (&via_planes.thumb, &via_rgb.thumb, "thumbnail"),
    ] {
        let ours = jpeg::decode_rgb(ours, DISPLAY_LONG_SIDE)
            .unwrap()
            .into_image()
            .unwrap();
        let theirs = jpeg::decode_rgb(theirs, DISPLAY_LONG_SIDE)
            .unwrap()
            .into_image()
            .unwrap();
        assert_eq!(ours.dimensions(), theirs.dimensions(), "{what}");
        assert!(ours.width() < ours.height(), "{what} is upright (portrait)");
        let diff: u64 = ours
            .as_raw()
            .iter()
            .zip(theirs.as_raw())
            .map(|(a, b)| u64::from(a.abs_diff(*b)))
            .sum();
        let mean = diff as f64 / ours.as_raw().len() as f64;
        assert!(mean < 2.0, "{what}: off by {mean:.2} levels on average");
    }
}

#[test]
fn a_large_photo_is_scaled_in_the_decoder_then_resized_and_turned() {
    let (_dir, mut desk, reg) = desk();
    // 4032×3024 decodes at 1/2 to 2016×1512, then shrinks to 2000×1500;
    // 2400×1800 decodes at 7/8 to 2100×1575.
    for (w, h) in [(4032, 3024), (2400, 1800)] {
        let plain = compress(&marked(w, h), w, h, |_| {});
        for exif in [1, 6, 7] {
            let bytes = with_orientation(&plain, exif);
            let doc = add_bytes(&mut desk, &reg, None, "a.jpg", &bytes, "Rina", NOW).unwrap();
            check_upright(&desk, &doc, exif, w as u32, h as u32);
        }
    }
}

#[test]
fn cmyk_progressive_and_lossless_jpegs_are_added_in_colour() {
    let (_dir, mut desk, _reg) = desk();
    let (w, h) = (800, 600);
    // Adobe-style inverted CMYK of the same picture: red is no cyan, full
    // magenta and yellow, no black.
    let cmyk: Vec<u8> = marked(w, h)
        .chunks(3)
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    let cases = [
        ("cmyk", compress(&cmyk, w, h, |_| {})),
        (
            "progressive",
            compress(&marked(w, h), w, h, |c| c.set_progressive(true).unwrap()),
        ),
        (
            "lossless",
            compress(&marked(2400, 1800), 2400, 1800, |c| {
                c.set_subsamp(Subsamp::None).unwrap();
                c.set_lossless(true).unwrap();
            }),
        ),
    ];
    for (what, bytes) in cases {
        let reg = new_request(&mut desk, what);
        let doc = add_bytes(&mut desk, &reg, None, "a.jpg", &bytes, "Rina", NOW)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        let (dw, dh) = if what == "lossless" {
            (2400, 1800)
        } else {
            (800, 600)
        };
        check_upright(&desk, &doc, 1, dw, dh);
    }
}

#[test]
fn a_cut_camera_photo_is_refused_and_leaves_nothing() {
    let (dir, mut desk, reg) = desk();
    let bytes = std::fs::read(fixture("IMG_20261123_191044.jpg")).unwrap();
    for keep in [60, 95] {
        let cut = &bytes[..bytes.len() * keep / 100];
        let err = add_bytes(&mut desk, &reg, None, "cut.jpg", cut, "Rina", NOW)
            .expect_err("a cut photo is refused");
        assert_eq!(err.code, ErrorCode::BerkasRusak, "{keep}%: {}", err.message);
    }
    assert!(files_under(&store_dir(dir.path())).is_empty());
}
