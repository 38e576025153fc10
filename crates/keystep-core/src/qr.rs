//! QR codes: found and read in images (a screenshot, a phone photo, a screen capture), and drawn for
//! exports. Decoding uses rqrr (a port of quirc), which finds every QR code in a picture.
//!
//! Images come from outside, so they are decoded under limits: a picture larger than
//! [`MAX_SIDE`] pixels on a side, or one that would need more than [`MAX_ALLOC`] bytes, is refused
//! before its pixels are decoded (a "QR bomb" of 20,000 × 20,000 pixels costs nothing).

use image::{ImageReader, Limits};

/// Gray pixels, as screen captures hand them to [`find_codes`].
pub use image::GrayImage;

use crate::error::{Error, Result};

/// Longest side of an image Keystep decodes, in pixels (a 12-megapixel photo is 4,000 × 3,000; an 8K
/// screen 7,680 × 4,320).
pub const MAX_SIDE: u32 = 10_000;
/// Most memory the image decoder may take for one picture.
pub const MAX_ALLOC: u64 = 400 << 20;
/// Above this many pixels on the long side, a first search runs on a picture scaled down by two:
/// QR codes on screens and in photos are large, and a quarter of the pixels takes a quarter of
/// the time. The full picture is searched when that finds nothing.
const FIRST_PASS_SIDE: u32 = 2_600;

/// Whether `bytes` start like a PNG, JPEG, GIF or WebP file.
pub fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(b"\xFF\xD8\xFF")
        || bytes.starts_with(b"GIF87a")
        || bytes.starts_with(b"GIF89a")
        || (bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP")
}

/// The text of every QR code in an image file's bytes, in the order found. `file` names the
/// image in errors.
pub fn read_image(file: &str, bytes: &[u8]) -> Result<Vec<String>> {
    let gray = decode_gray(file, bytes)?;
    Ok(find_codes(gray))
}

/// Decodes an image file to gray pixels, under the limits.
pub fn decode_gray(file: &str, bytes: &[u8]) -> Result<GrayImage> {
    let refused = |reason: String| Error::ImageRefused {
        file: file.to_string(),
        reason,
    };
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| refused("it could not be read.".into()))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => refused(format!(
            "it is too large (Keystep reads pictures of up to {MAX_SIDE} × {MAX_SIDE} pixels). Crop it around the QR code, or take a screenshot of it."
        )),
        image::ImageError::Unsupported(_) => refused(
            "it is not a picture Keystep reads (PNG, JPEG, WebP or GIF).".into(),
        ),
        _ => refused("it is damaged or not a complete picture.".into()),
    })?;
    Ok(image.into_luma8())
}

/// The text of every QR code in gray pixels (a screen capture or a decoded image).
pub fn find_codes(gray: GrayImage) -> Vec<String> {
    let long_side = gray.width().max(gray.height());
    if long_side > FIRST_PASS_SIDE {
        let half = image::imageops::resize(
            &gray,
            gray.width() / 2,
            gray.height() / 2,
            image::imageops::FilterType::Triangle,
        );
        let found = decode_all(half);
        if !found.is_empty() {
            return found;
        }
    }
    decode_all(gray)
}

fn decode_all(gray: GrayImage) -> Vec<String> {
    let (width, height) = (gray.width() as usize, gray.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        // x < width and y < height: rqrr asks only for pixels inside the picture.
        gray.get_pixel_checked(x as u32, y as u32)
            .map_or(255, |p| p.0[0])
    });
    let mut texts: Vec<String> = Vec::new();
    for grid in prepared.detect_grids() {
        if let Ok((_, text)) = grid.decode()
            && !texts.contains(&text)
        {
            texts.push(text);
        }
    }
    texts
}

/// Gray pixels from RGBA ones (a picture from the clipboard); `None` when the sizes disagree or
/// the picture is larger than Keystep reads.
pub fn gray_from_rgba(w: u32, h: u32, rgba: &[u8]) -> Option<GrayImage> {
    let pixels = usize::try_from(u64::from(w) * u64::from(h)).ok()?;
    if w > MAX_SIDE || h > MAX_SIDE || rgba.len() != pixels.checked_mul(4)? {
        return None;
    }
    let rgba = image::RgbaImage::from_raw(w, h, rgba.to_vec())?;
    Some(image::DynamicImage::ImageRgba8(rgba).into_luma8())
}

/// Draws `text` as a QR code: a gray image with `scale` pixels per module and the usual quiet zone.
pub fn draw(text: &str, scale: u32) -> Result<GrayImage> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| Error::bad(crate::error::Field::Uri, "it is too long for one QR code."))?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4usize;
    let side = u32::try_from((width + 2 * quiet) * scale as usize).unwrap_or(u32::MAX);
    let mut image = GrayImage::from_pixel(side, side, image::Luma([255]));
    for (index, color) in colors.iter().enumerate() {
        if *color != qrcode::Color::Dark {
            continue;
        }
        let (x, y) = (index % width + quiet, index / width + quiet);
        for dy in 0..scale {
            for dx in 0..scale {
                let px = u32::try_from(x).unwrap_or(0) * scale + dx;
                let py = u32::try_from(y).unwrap_or(0) * scale + dy;
                image.put_pixel(px, py, image::Luma([0]));
            }
        }
    }
    Ok(image)
}

/// Encodes gray pixels as a PNG file's bytes.
pub fn png_bytes(image: &GrayImage) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| Error::VaultEncode {
            detail: format!("the QR picture could not be written: {e}"),
        })?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_draws_even_on_a_large_picture() {
        let link = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example";
        let qr = draw(link, 6).unwrap();
        assert_eq!(find_codes(qr.clone()), [link]);
        // On a 3840 × 2160 "screen", small in a corner: found on the full picture.
        let mut screen = GrayImage::from_pixel(3840, 2160, image::Luma([200]));
        image::imageops::replace(&mut screen, &draw(link, 3).unwrap(), 3000, 1500);
        let png = png_bytes(&screen).unwrap();
        assert_eq!(read_image("screen.png", &png).unwrap(), [link]);
    }

    #[test]
    fn finds_two_codes_in_one_picture() {
        let a = draw("otpauth://totp/A?secret=JBSWY3DPEHPK3PXP", 4).unwrap();
        let b = draw("https://www.irs.gov/", 4).unwrap();
        let mut page = GrayImage::from_pixel(800, 400, image::Luma([255]));
        image::imageops::replace(&mut page, &a, 10, 10);
        image::imageops::replace(&mut page, &b, 420, 10);
        let mut found = find_codes(page);
        found.sort();
        assert_eq!(
            found,
            [
                "https://www.irs.gov/",
                "otpauth://totp/A?secret=JBSWY3DPEHPK3PXP"
            ]
        );
    }

    #[test]
    fn a_huge_picture_is_refused_before_its_pixels_are_decoded() {
        // A PNG header claiming 20,000 × 20,000 pixels, and nothing behind it.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&20_000u32.to_be_bytes());
        png.extend_from_slice(&20_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 0, 0, 0, 0]);
        let crc = crc32(&png[12..]);
        png.extend_from_slice(&crc.to_be_bytes());
        let err = read_image("bomb.png", &png).unwrap_err();
        assert_eq!(err.code(), "import.image_refused");
        assert!(err.to_string().contains("too large"), "{err}");
    }

    #[test]
    fn damaged_and_other_files_are_refused_with_a_reason() {
        let png = png_bytes(&draw("x", 2).unwrap()).unwrap();
        let err = read_image("cut.png", &png[..png.len() / 2]).unwrap_err();
        assert!(err.to_string().contains("cut.png"), "{err}");
        assert!(is_image(&png) && !is_image(b"{\"version\": 1}"));
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
