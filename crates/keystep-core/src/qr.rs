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
        let found = decode_all(&half(&gray));
        if !found.is_empty() {
            return found;
        }
    }
    decode_all(&gray)
}

/// The picture at half its width and height, each pixel the mean of four (a box filter: as good
/// as a triangle filter at exactly half, and about twenty times faster on a 4K capture).
fn half(gray: &GrayImage) -> GrayImage {
    let (w, h) = (gray.width() / 2, gray.height() / 2);
    let stride = gray.width() as usize;
    let pixels = gray.as_raw();
    let mut out = Vec::with_capacity(w as usize * h as usize);
    for y in 0..h as usize {
        let top = &pixels[2 * y * stride..][..stride];
        let bottom = &pixels[(2 * y + 1) * stride..][..stride];
        for x in 0..w as usize {
            let sum = u16::from(top[2 * x])
                + u16::from(top[2 * x + 1])
                + u16::from(bottom[2 * x])
                + u16::from(bottom[2 * x + 1]);
            out.push(u8::try_from((sum + 2) / 4).unwrap_or(u8::MAX));
        }
    }
    GrayImage::from_raw(w, h, out).unwrap_or_else(|| GrayImage::new(w, h))
}

/// Which pixels are dark, by quirc's adaptive threshold (the one rqrr's `prepare_from_greyscale`
/// applies): a pixel is dark when it is more than 5 % below the mean of a moving average run along
/// its row in both directions over an eighth of the picture's width, so uneven light in a photo
/// does not hide a code. The same computation as rqrr's, in floating point (less half a unit a
/// step and one at the end for what rqrr's integer divisions round away): rqrr divides twice per
/// pixel, which made thresholding most of the search's time on a 4K capture.
fn dark_pixels(gray: &GrayImage) -> Vec<bool> {
    let (w, h) = (gray.width() as usize, gray.height() as usize);
    let pixels = gray.as_raw();
    let s = (w / 8).max(1) as f32;
    let keep = (s - 1.0) / s;
    let scale = 0.95 / (2.0 * s);
    let mut dark = Vec::with_capacity(w * h);
    let mut row_sum = vec![0f32; w];
    let (mut avg_v, mut avg_u) = (0f32, 0f32);
    for y in 0..h {
        let row = &pixels[y * w..][..w];
        // As in rqrr: each average is carried on from the row before, and they swap directions
        // from one row to the next (the first runs right to left on even rows).
        let (backward, forward) = if y % 2 == 0 {
            (&mut avg_v, &mut avg_u)
        } else {
            (&mut avg_u, &mut avg_v)
        };
        for x in (0..w).rev() {
            *backward = *backward * keep + f32::from(row[x]) - 0.5;
            row_sum[x] = *backward;
        }
        for x in 0..w {
            *forward = *forward * keep + f32::from(row[x]) - 0.5;
            row_sum[x] += *forward;
        }
        dark.extend(
            row.iter()
                .zip(&row_sum)
                .map(|(&p, &sum)| f32::from(p) + 1.0 <= sum * scale),
        );
    }
    dark
}

fn decode_all(gray: &GrayImage) -> Vec<String> {
    let (width, height) = (gray.width() as usize, gray.height() as usize);
    let dark = dark_pixels(gray);
    let mut prepared = rqrr::PreparedImage::prepare_from_bitmap(width, height, |x, y| {
        // x < width and y < height: rqrr asks only for pixels inside the picture.
        dark.get(y * width + x).copied().unwrap_or(false)
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

/// Gray pixels from a 32-bit X11 TrueColor capture (blue, green, red, unused; in that order in
/// memory when `little_endian`, the image byte order the X server announces).
pub fn gray_from_bgrx(w: u32, h: u32, data: &[u8], little_endian: bool) -> GrayImage {
    let mut gray = GrayImage::new(w, h);
    for (pixel, chunk) in gray.pixels_mut().zip(data.chunks_exact(4)) {
        let (r, g, b) = if little_endian {
            (chunk[2], chunk[1], chunk[0])
        } else {
            (chunk[1], chunk[2], chunk[3])
        };
        let luma = (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000;
        pixel.0[0] = u8::try_from(luma).unwrap_or(u8::MAX);
    }
    gray
}

/// Paints the rectangle at (`x`, `y`) of `width` × `height` white (the part of the picture inside
/// it, when it lies partly outside): a screen capture with Keystep's own window left out.
pub fn blank(gray: &mut GrayImage, x: i32, y: i32, width: u32, height: u32) {
    let x0 = u32::try_from(x.max(0)).unwrap_or(0).min(gray.width());
    let y0 = u32::try_from(y.max(0)).unwrap_or(0).min(gray.height());
    let x1 = i64::from(x).saturating_add(i64::from(width));
    let y1 = i64::from(y).saturating_add(i64::from(height));
    let x1 = u32::try_from(x1.clamp(0, i64::from(gray.width()))).unwrap_or(0);
    let y1 = u32::try_from(y1.clamp(0, i64::from(gray.height()))).unwrap_or(0);
    for py in y0..y1 {
        for px in x0..x1 {
            gray.put_pixel(px, py, image::Luma([255]));
        }
    }
}

/// Draws `text` as a QR code: a gray image with `scale` pixels per module and the usual quiet zone.
pub fn draw(text: &str, scale: u32) -> Result<GrayImage> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(|_| {
            Error::bad(
                crate::error::Field::Uri,
                crate::error::ReasonKey::UriTooLongForQr,
            )
        })?;
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
    fn a_4k_screen_with_text_and_a_code_at_five_pixels_a_module() {
        // Too small for the half-size pass (2.5 pixels a module there): found by the full one.
        let link = "otpauth://totp/ID.me:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=ID.me";
        let mut screen = GrayImage::from_pixel(3840, 2160, image::Luma([255]));
        for line in 0..40u32 {
            for word in 0..60u32 {
                let (x, y) = (400 + word * 30, 200 + line * 40);
                let shade = image::Luma([(line * 7 + word * 13) as u8 % 80]);
                for dy in 0..16 {
                    for dx in 0..(8 + (line + word) % 16) {
                        screen.put_pixel(x + dx, y + dy, shade);
                    }
                }
            }
        }
        image::imageops::replace(&mut screen, &draw(link, 5).unwrap(), 2600, 900);
        assert_eq!(find_codes(screen), [link]);
    }

    #[test]
    fn a_code_in_uneven_light_is_read() {
        // Lit from the left: the paper on the right is darker than the ink on the left.
        let link = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example";
        let code = draw(link, 8).unwrap();
        let (w, h) = (code.width() + 200, code.height() + 200);
        let photo = GrayImage::from_fn(w, h, |x, y| {
            let paper = code
                .get_pixel_checked(x.wrapping_sub(100), y.wrapping_sub(100))
                .map_or(255, |p| u32::from(p.0[0]));
            let light = 250 - 170 * x / w;
            image::Luma([(40 + paper * light / 255).min(255) as u8])
        });
        let (left, right) = (
            photo.get_pixel(150, 60).0[0],
            photo.get_pixel(w - 60, 60).0[0],
        );
        assert!(right < 140 && left > 200, "{left} {right}");
        assert_eq!(find_codes(photo), [link]);
    }

    #[test]
    fn the_threshold_is_rqrrs() {
        // rqrr's own thresholding (prepare.rs), in its integer arithmetic.
        fn reference(gray: &GrayImage) -> Vec<bool> {
            let (w, h) = (gray.width() as usize, gray.height() as usize);
            let s = (w / 8).max(1);
            let (mut avg_v, mut avg_u) = (0usize, 0usize);
            let mut dark = Vec::new();
            for y in 0..h {
                let mut row_average = vec![0usize; w];
                for x in 0..w {
                    let (v, u) = if y % 2 == 0 {
                        (w - 1 - x, x)
                    } else {
                        (x, w - 1 - x)
                    };
                    avg_v =
                        avg_v * (s - 1) / s + usize::from(gray.get_pixel(v as u32, y as u32).0[0]);
                    avg_u =
                        avg_u * (s - 1) / s + usize::from(gray.get_pixel(u as u32, y as u32).0[0]);
                    row_average[v] += avg_v;
                    row_average[u] += avg_u;
                }
                for (x, average) in row_average.iter().enumerate() {
                    let p = usize::from(gray.get_pixel(x as u32, y as u32).0[0]);
                    dark.push(p < average * 95 / (200 * s));
                }
            }
            dark
        }
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut page = GrayImage::from_fn(640, 360, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            image::Luma([(60 + x / 4 + y / 8 + (seed % 40) as u32) as u8])
        });
        image::imageops::replace(
            &mut page,
            &draw("https://www.irs.gov/", 4).unwrap(),
            200,
            100,
        );
        let (ours, theirs) = (dark_pixels(&page), reference(&page));
        let differ = ours.iter().zip(&theirs).filter(|(a, b)| a != b).count();
        // Only pixels within rounding of the threshold may differ.
        assert!(
            differ * 1000 < ours.len(),
            "{differ} of {} differ",
            ours.len()
        );
        assert!(theirs.iter().filter(|d| **d).count() > 10_000);
    }

    #[test]
    fn half_size_is_the_mean_of_four() {
        let gray = GrayImage::from_raw(5, 2, vec![0, 10, 255, 255, 7, 1, 30, 255, 254, 7]).unwrap();
        assert_eq!(half(&gray).into_raw(), [10, 255]);
    }

    #[test]
    fn a_blanked_area_hides_its_codes_and_only_them() {
        let inside = draw("otpauth://totp/Inside?secret=JBSWY3DPEHPK3PXP", 4).unwrap();
        let beside = draw("otpauth://totp/Beside?secret=JBSWY3DPEHPK3PXP", 4).unwrap();
        let mut screen = GrayImage::from_pixel(900, 400, image::Luma([230]));
        image::imageops::replace(&mut screen, &inside, 20, 20);
        image::imageops::replace(&mut screen, &beside, 500, 20);
        // Keystep's window, partly off the screen to the left and below.
        blank(&mut screen, -50, 0, 450, 1000);
        assert_eq!(
            find_codes(screen),
            ["otpauth://totp/Beside?secret=JBSWY3DPEHPK3PXP"]
        );
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
