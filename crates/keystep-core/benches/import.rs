//! The cost of bringing codes in, against what people wait for:
//!
//! 1. "Scan the screen": a 3840 × 2160 capture (a 4K monitor) of a light page with text-like clutter
//!    and one setup QR code at its usual on-screen size (about 225 px), away from the origin. Measured
//!    separately: the conversion of the capture's 32-bit BGRX pixels to gray
//!    (`qr::gray_from_bgrx`, which `src-tauri/src/screen.rs` calls on each capture) and
//!    `qr::find_codes` on the gray pixels. The target is 300 ms from the click to the
//!    preview; the X11 capture itself (the display's copy of the screen) is not measured here.
//! 2. "Open a picture" of a 12-megapixel phone photo (4000 × 3000) of a QR code: a large code (25 px
//!    per module), at lower contrast, blurred (Gaussian, sigma 1.5) with mild noise, on a mid-grey
//!    background, saved as a colour JPEG of quality 85: `qr::read_image` (decode + search).
//! 3. A 1,000-entry Aegis export encrypted with a password (scrypt with Aegis's own settings, as
//!    `import::aegis::write` makes it): `import::read_path` of the file with the password, and the
//!    facade's `Keystep::import` of what was read into an empty vault (a fresh vault for each
//!    iteration, made outside the time measured).
//!
//! Peak memory, which criterion does not measure, is printed once, before the timed runs: the
//! process's peak resident set (`VmHWM` in `/proc/self/status`, Linux only) is reset (writing `5`
//! to `/proc/self/clear_refs`) and read before and after one `read_path` + `import` of the
//! 1,000-entry file. Its limits: it is the whole process's peak (the bench's own data counts, which
//! is why the peak is reset first and the difference is printed too), it counts pages touched, not
//! bytes asked for, and memory the allocator frees but keeps is not returned to the system, so a
//! second run may reuse it without raising the peak. When the reset is refused, the difference
//! understates the cost (the earlier peak hides it) and the output says so.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use keystep_core::import::aegis::{self, ExportAccount};
use keystep_core::import::{self, Format, ReadResult};
use keystep_core::keychain::Keychain;
use keystep_core::paths::DataDir;
use keystep_core::qr::{self, GrayImage};
use keystep_core::sensitive::SecretString;
use keystep_core::{Algorithm, Keystep, OtpKind};

const LINK: &str =
    "otpauth://totp/ID.me:me@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ID.me";
const ENTRIES: usize = 1_000;
const NOW_MS: u64 = 1_800_000_000_000;

fn mock_keychain() -> Keychain {
    Keychain::with_store(keyring_core::mock::Store::new().unwrap())
}

/// A small deterministic generator (xorshift64*): the same pictures on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u32) -> u32 {
        (self.next() >> 32) as u32 % n
    }
}

/// A 3840 × 2160 desktop: a grey background, a white page with lines of dark "words", and the QR
/// code of `LINK` at 5 px per module on the page, right of the text.
fn screen() -> GrayImage {
    let (w, h) = (3840u32, 2160u32);
    let mut screen = GrayImage::from_pixel(w, h, image::Luma([225]));
    let mut rng = Rng(0x5EED_1234_5678_9ABC);
    // The page: white, with a darker title bar across the top of the screen.
    for y in 0..h {
        for x in 0..w {
            let v = if y < 80 {
                60
            } else if (600..3240).contains(&x) && y >= 120 {
                255
            } else {
                continue;
            };
            screen.put_pixel(x, y, image::Luma([v]));
        }
    }
    // Text: lines 36 px apart, words of 3 to 10 letters, letters 8–14 px wide and 18 px tall.
    for line in 0..50u32 {
        let top = 160 + line * 38;
        let mut x = 680 + rng.below(40);
        while x < 2200 {
            let letters = 3 + rng.below(8);
            for _ in 0..letters {
                let lw = 8 + rng.below(7);
                let shade = 20 + rng.below(60) as u8;
                for y in top..top + 18 {
                    for dx in 0..lw.saturating_sub(3) {
                        if rng.below(4) != 0 {
                            screen.put_pixel(x + dx, y, image::Luma([shade]));
                        }
                    }
                }
                x += lw;
            }
            x += 14 + rng.below(10);
        }
    }
    let code = qr::draw(LINK, 5).unwrap();
    image::imageops::replace(&mut screen, &code, 2500, 900);
    screen
}

/// The capture as X11 hands it: 32 bits a pixel, blue, green, red, unused (least significant byte
/// first).
fn bgrx(gray: &GrayImage) -> Vec<u8> {
    gray.pixels()
        .flat_map(|p| {
            let v = p.0[0];
            [v.saturating_sub(4), v, v.saturating_add(3), 0]
        })
        .collect()
}

/// A 4000 × 3000 phone photo of a printed QR code as JPEG bytes: the page lit unevenly on a
/// mid-grey table, the code at 25 px per module, blurred, with sensor noise, slightly tinted.
fn photo_jpeg() -> Vec<u8> {
    let (w, h) = (4000u32, 3000u32);
    let mut photo = GrayImage::from_pixel(w, h, image::Luma([120]));
    let code = qr::draw(LINK, 25).unwrap();
    // Paper is not white and ink is not black in a photo: 0..255 becomes 45..205.
    let code = GrayImage::from_fn(code.width(), code.height(), |x, y| {
        image::Luma([45 + (u32::from(code.get_pixel(x, y).0[0]) * 160 / 255) as u8])
    });
    // A sheet of paper around the code, then the code a little off centre.
    let (cx, cy) = (1300u32, 800u32);
    for y in cy - 200..cy + code.height() + 300 {
        for x in cx - 250..cx + code.width() + 250 {
            photo.put_pixel(x, y, image::Luma([205]));
        }
    }
    image::imageops::replace(&mut photo, &code, i64::from(cx), i64::from(cy));
    let mut photo = image::imageops::blur(&photo, 1.5);
    let mut rng = Rng(0xFACE_B00C_0000_0001);
    for (x, _, p) in photo.enumerate_pixels_mut() {
        // Uneven light: darker to the right; noise of ±6.
        let light = (x * 30 / w) as i32;
        let noise = rng.below(13) as i32 - 6;
        p.0[0] = (i32::from(p.0[0]) - light + noise).clamp(0, 255) as u8;
    }
    let rgb = image::RgbImage::from_fn(w, h, |x, y| {
        let v = photo.get_pixel(x, y).0[0];
        image::Rgb([v.saturating_add(6), v, v.saturating_sub(8)])
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 85);
    rgb.write_with_encoder(encoder).unwrap();
    bytes
}

fn bench_screen(c: &mut Criterion) {
    let gray = screen();
    let found = qr::find_codes(gray.clone());
    println!("screen 3840 × 2160: find_codes found {found:?}");
    assert_eq!(found, [LINK], "the QR code on the screen was not found");
    let data = bgrx(&gray);
    assert_eq!(
        qr::find_codes(qr::gray_from_bgrx(3840, 2160, &data, true)),
        [LINK]
    );

    let mut group = c.benchmark_group("import_screen_4k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("bgrx_to_gray", |b| {
        b.iter(|| black_box(qr::gray_from_bgrx(3840, 2160, black_box(&data), true)))
    });
    group.bench_function("find_codes", |b| {
        b.iter_batched(
            || gray.clone(),
            |gray| black_box(qr::find_codes(gray)),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("bgrx_to_gray_and_find_codes", |b| {
        b.iter(|| black_box(qr::find_codes(qr::gray_from_bgrx(3840, 2160, &data, true))))
    });
    group.finish();
}

fn bench_photo(c: &mut Criterion) {
    let bytes = photo_jpeg();
    let found = qr::read_image("photo.jpg", &bytes).unwrap();
    println!(
        "photo 4000 × 3000, JPEG of {} bytes: read_image found {found:?}",
        bytes.len()
    );
    let gray = qr::decode_gray("photo.jpg", &bytes).unwrap();

    let mut group = c.benchmark_group("import_photo_12mp");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("read_image", |b| {
        b.iter(|| black_box(qr::read_image("photo.jpg", black_box(&bytes)).unwrap()))
    });
    group.bench_function("decode_gray", |b| {
        b.iter(|| black_box(qr::decode_gray("photo.jpg", black_box(&bytes)).unwrap()))
    });
    group.bench_function("find_codes", |b| {
        b.iter_batched(
            || gray.clone(),
            |gray| black_box(qr::find_codes(gray)),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// A 1,000-entry Aegis export, encrypted with `password`.
fn aegis_export(password: &SecretString) -> Vec<u8> {
    let names: Vec<(String, String, Vec<u8>)> = (0..ENTRIES)
        .map(|i| {
            (
                format!("Service {i}"),
                format!("user{i}@example.com"),
                // Distinct secrets: the import counts the same secret twice as a duplicate.
                (i as u32)
                    .to_be_bytes()
                    .into_iter()
                    .chain((4..20u8).map(|b| b ^ (i as u8)))
                    .collect(),
            )
        })
        .collect();
    let entries: Vec<ExportAccount<'_>> = names
        .iter()
        .map(|(issuer, name, secret)| ExportAccount {
            issuer,
            name,
            secret,
            kind: OtpKind::Totp,
            algorithm: Algorithm::Sha1,
            digits: 6,
            period: 30,
            counter: 0,
        })
        .collect();
    aegis::write(&entries, Some(password)).unwrap().to_vec()
}

fn read(path: &std::path::Path, password: &SecretString) -> ReadResult {
    let read = import::read_path(path, None, Some(password)).unwrap();
    assert_eq!(read.format, Format::Aegis);
    assert_eq!(read.items.len(), ENTRIES);
    read
}

/// Peak resident memory of this process, in KiB (`VmHWM`), if the system says.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Current resident memory of this process, in KiB (`VmRSS`), if the system says.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak to the current resident set (Linux 4.0 and later).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn bench_aegis(c: &mut Criterion) {
    let password = SecretString::new("correct horse battery staple");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aegis-export.json");
    std::fs::write(&path, aegis_export(&password)).unwrap();
    let file_len = std::fs::metadata(&path).unwrap().len();

    // Peak memory of one read and import, measured once before anything else in this step.
    let home = tempfile::tempdir().unwrap();
    let kc = mock_keychain();
    let (mut k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
    let reset = reset_peak();
    let (rss_before, peak_before) = (rss_kib(), peak_rss_kib());
    let started = Instant::now();
    let read_result = read(&path, &password);
    let read_took = started.elapsed();
    let preview = k.import(read_result, NOW_MS).unwrap();
    let took = started.elapsed();
    let peak_after = peak_rss_kib();
    assert_eq!(k.accounts().unwrap().len(), ENTRIES);
    assert_eq!(preview.rows.len(), ENTRIES);
    println!(
        "Aegis export of {ENTRIES} entries, {file_len} bytes: one read_path took {read_took:?}, read + import {took:?}"
    );
    match (rss_before, peak_before, peak_after) {
        (Some(rss), Some(before), Some(after)) => eprintln!(
            "peak RSS (VmHWM) around one read + import of {ENTRIES} entries: {before} KiB before (resident {rss} KiB{}), {after} KiB after: +{} KiB",
            if reset {
                ", peak reset"
            } else {
                "; the peak could not be reset, so the increase understates the cost"
            },
            after.saturating_sub(before)
        ),
        _ => eprintln!("peak RSS: /proc/self/status is not available on this system"),
    }
    drop(k);

    let mut group = c.benchmark_group("import_aegis_1000");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("read_path_encrypted", |b| {
        b.iter(|| black_box(read(&path, &password)))
    });
    group.bench_function("facade_import_into_empty_vault", |b| {
        b.iter_batched(
            || {
                let home = tempfile::tempdir().unwrap();
                let (k, _) = Keystep::open_or_create(DataDir::at(home.path()), &kc).unwrap();
                (home, k, read(&path, &password))
            },
            |(home, mut k, read_result)| {
                black_box(k.import(read_result, NOW_MS).unwrap());
                (home, k)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_aegis, bench_screen, bench_photo);
criterion_main!(benches);
