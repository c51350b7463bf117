//! The KK's QR code (e-KK since 2019): decoded with `rqrr` when the photo
//! shows one. What it holds is shown to the operator as read; a 16-digit
//! number in it is the strongest evidence for the KK number.

use image::RgbImage;

/// The text of the first QR code found in `image`, if any decodes.
pub fn decode(image: &RgbImage) -> Option<String> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let p = image.get_pixel(x as u32, y as u32).0;
        ((u16::from(p[0]) * 77 + u16::from(p[1]) * 150 + u16::from(p[2]) * 29) >> 8) as u8
    });
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_on_a_page_is_read_and_random_modules_are_not() {
        let code = qrcode::QrCode::new(b"3516022102240214").unwrap();
        let modules = code.to_colors();
        let side = code.width() as u32;
        let scale = 8;
        let mut page = RgbImage::from_pixel(900, 700, image::Rgb([250, 250, 250]));
        for (i, c) in modules.iter().enumerate() {
            if *c == qrcode::Color::Dark {
                let (mx, my) = (i as u32 % side, i as u32 / side);
                for dy in 0..scale {
                    for dx in 0..scale {
                        page.put_pixel(
                            500 + mx * scale + dx,
                            300 + my * scale + dy,
                            image::Rgb([10, 10, 10]),
                        );
                    }
                }
            }
        }
        assert_eq!(decode(&page).as_deref(), Some("3516022102240214"));
        assert_eq!(
            decode(&RgbImage::from_pixel(300, 300, image::Rgb([255, 255, 255]))),
            None
        );
    }
}
