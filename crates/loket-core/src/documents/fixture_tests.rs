//! The store against the real fixture files: every good one is added with
//! the manifest's upright size, format and SHA-256; every bad one is refused
//! with its own code and leaves nothing behind.

use super::test_support::{count, desk, files_under, fixture, jpeg_size, manifest, NOW};
use super::*;
use crate::error::ErrorCode;
use std::io::Write;
use std::time::{Duration, Instant};

#[test]
fn every_good_fixture_is_added_upright_with_its_manifest_size() {
    let (_dir, mut desk, reg) = desk();
    let good: Vec<_> = manifest()
        .into_iter()
        .filter(|e| e["kind"] != "bad")
        .collect();
    assert_eq!(good.len(), 10, "the manifest lists ten good documents");
    for e in &good {
        let name = e["file"].as_str().unwrap();
        let doc = add_path(&mut desk, &reg, None, &fixture(name), "Rina", NOW)
            .unwrap_or_else(|err| panic!("{name} is a good document: {err}"));
        let want = |k: &str| u32::try_from(e[k].as_u64().unwrap()).unwrap();
        assert_eq!(
            (doc.width, doc.height),
            (want("display_width"), want("display_height")),
            "{name}: width/height are the upright size (after EXIF; a PDF's first page at 200 dpi)"
        );
        assert_eq!(
            doc.format.as_str(),
            e["format"].as_str().unwrap().to_lowercase(),
            "{name}: format from the bytes"
        );
        assert_eq!(doc.sha256, e["sha256"].as_str().unwrap(), "{name}: sha256");
        assert_eq!(doc.bytes, e["bytes"].as_u64().unwrap(), "{name}: size");
        assert_eq!(doc.file_name, name, "{name}: the name it arrived with");
        assert_eq!(doc.pages, 1, "{name}: every fixture has one page");

        let original = original_path(&desk, &doc);
        assert_eq!(
            std::fs::read(&original).unwrap(),
            std::fs::read(fixture(name)).unwrap(),
            "{name}: the original is kept byte for byte"
        );
        let (dw, dh) = jpeg_size(&display_path(&desk, &doc, 1));
        assert!(
            dw.max(dh) <= DISPLAY_LONG_SIDE,
            "{name}: display copy bounded: {dw}x{dh}"
        );
        let want_ratio = f64::from(doc.width) / f64::from(doc.height);
        let ratio = f64::from(dw) / f64::from(dh);
        assert!(
            (ratio - want_ratio).abs() < 0.01,
            "{name}: display copy is upright: {dw}x{dh} vs {}x{}",
            doc.width,
            doc.height
        );
        if doc.width.max(doc.height) >= DISPLAY_LONG_SIDE {
            assert_eq!(
                dw.max(dh),
                DISPLAY_LONG_SIDE,
                "{name}: large pictures shrink to the bound"
            );
        }
        let (tw, th) = jpeg_size(&thumb_path(&desk, &doc, 1));
        assert_eq!(
            tw.max(th),
            THUMB_LONG_SIDE,
            "{name}: thumbnail size {tw}x{th}"
        );
    }
    let listed = list(&desk, &reg).unwrap();
    assert_eq!(listed.len(), good.len(), "all listed, in added order");
    assert!(listed.windows(2).all(|w| w[0].id < w[1].id));
}

/// The code each bad fixture must be refused with, by manifest variant.
fn expected_code(variant: &str) -> ErrorCode {
    match variant {
        "zero_byte" => ErrorCode::BerkasKosong,
        "truncated_jpeg" => ErrorCode::BerkasRusak,
        "text_renamed_jpg" => ErrorCode::BukanGambar,
        "png_decompression_bomb" => ErrorCode::GambarTerlaluBesar,
        "tiny_1x1_jpeg" => ErrorCode::GambarTerlaluKecil,
        "oversize_random_blob" => ErrorCode::BerkasTerlaluBesar,
        other => panic!("a new bad fixture variant {other}: decide its code here"),
    }
}

/// The 60 MiB blob of the manifest's recipe (FF D8 FF E0 then random bytes).
fn write_blob(path: &std::path::Path, size: usize) {
    let mut rng = fastrand::Rng::with_seed(60);
    let mut f = std::fs::File::create(path).unwrap();
    f.write_all(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap();
    let mut chunk = vec![0u8; 1 << 20];
    let mut left = size - 4;
    while left > 0 {
        let n = left.min(chunk.len());
        rng.fill(&mut chunk[..n]);
        f.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
}

#[test]
fn every_bad_fixture_is_refused_with_its_code_and_nothing_is_stored() {
    let (dir, mut desk, reg) = desk();
    let blobs = tempfile::tempdir().unwrap();
    let store = store_dir(dir.path());
    let bad: Vec<_> = manifest()
        .into_iter()
        .filter(|e| e["kind"] == "bad")
        .collect();
    assert_eq!(bad.len(), 6);
    for e in &bad {
        let name = e["file"].as_str().unwrap();
        let variant = e["variant"].as_str().unwrap();
        let path = if e["present"] == false {
            let size = usize::try_from(e["recipe"]["size_bytes"].as_u64().unwrap()).unwrap();
            let p = blobs.path().join("huge_random_60MB.jpg");
            write_blob(&p, size);
            p
        } else {
            fixture(name)
        };
        let start = Instant::now();
        let err = add_path(&mut desk, &reg, None, &path, "Rina", NOW)
            .expect_err(&format!("{name} must be refused"));
        let took = start.elapsed();
        assert_eq!(err.code, expected_code(variant), "{name}: {}", err.message);
        assert!(!err.message.is_empty());
        if variant == "png_decompression_bomb" {
            // A sanity bound only; benches/add_document.rs carries the real number.
            assert!(
                took < Duration::from_secs(1),
                "bomb refused from its header: {took:?}"
            );
        }
        assert_eq!(
            count(&desk, "SELECT count(*) FROM documents"),
            0,
            "{name}: no row"
        );
        assert!(
            files_under(&store).is_empty(),
            "{name}: nothing in the store: {:?}",
            files_under(&store)
        );
    }
}

#[test]
fn damaged_variants_of_good_files_are_refused() {
    let (dir, mut desk, reg) = desk();
    for name in [
        "SCAN_KK_20261122.png",
        "ktp_ibu.webp",
        "KK_3516032003240061.pdf",
    ] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let cut = &bytes[..bytes.len() * 2 / 5];
        let err = add_bytes(&mut desk, &reg, None, name, cut, "Rina", NOW)
            .expect_err(&format!("{name} cut at 40% must be refused"));
        assert_eq!(err.code, ErrorCode::BerkasRusak, "{name}: {}", err.message);
    }
    let err = add_bytes(
        &mut desk,
        &reg,
        None,
        "x.pdf",
        b"%PDF-1.4\nnonsense",
        "Rina",
        NOW,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::BerkasRusak, "{}", err.message);
    assert!(files_under(&store_dir(dir.path())).is_empty());
}

#[test]
fn inspect_gives_the_verdict_of_an_add_without_a_data_folder() {
    for e in manifest() {
        if e["present"] == false {
            continue; // the 60 MB blob: refused on its length, covered above
        }
        let name = e["file"].as_str().unwrap();
        let bytes = std::fs::read(fixture(name)).unwrap();
        let verdict = inspect(&bytes);
        if e["kind"] == "bad" {
            let code = verdict.map(|_| ()).unwrap_err().code;
            assert_eq!(
                code,
                expected_code(e["variant"].as_str().unwrap()),
                "{name}"
            );
        } else {
            let seen = verdict.unwrap_or_else(|err| panic!("{name}: {err}"));
            let want = |k: &str| u32::try_from(e[k].as_u64().unwrap()).unwrap();
            assert_eq!(
                (seen.width, seen.height, seen.pages),
                (want("display_width"), want("display_height"), 1),
                "{name}"
            );
            assert_eq!(
                seen.format.as_str(),
                e["format"].as_str().unwrap().to_lowercase()
            );
        }
    }
}
