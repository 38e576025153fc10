//! Capturing the screen to look for QR codes: every monitor at once (on X11 the root window spans
//! them all), as gray pixels, which is all the QR search needs.
//!
//! On X11 through x11rb (pure Rust, no system library). In a Wayland session an X11 client sees only
//! other X11 windows, so there the desktop's screenshot portal (org.freedesktop.portal.Screenshot,
//! through ashpd) takes the picture: it hands back a PNG file, which is read and deleted at once
//! (it may show a secret QR code). The portal path is not exercised by the tests here: the test
//! display is X11 (Xvfb) with no portal.

use keystep_core::qr::{GrayImage, MAX_SIDE};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt, ImageFormat, ImageOrder};

/// Why the screen could not be captured, in words for the person.
pub fn capture_gray() -> Result<GrayImage, String> {
    let unavailable = |what: &str| {
        format!(
            "Keystep could not take a picture of the screen ({what}). Take a screenshot yourself (Print Screen key), then choose Open a picture and pick it."
        )
    };
    let (conn, screen_num) = x11rb::connect(None).map_err(|_| unavailable("no X display"))?;
    let setup = conn.setup();
    let screen = setup
        .roots
        .get(screen_num)
        .ok_or_else(|| unavailable("no screen"))?;
    let (width, height) = (screen.width_in_pixels, screen.height_in_pixels);
    if u32::from(width) > MAX_SIDE || u32::from(height) > MAX_SIDE {
        return Err(unavailable("the screen is larger than Keystep reads"));
    }
    let reply = conn
        .get_image(ImageFormat::Z_PIXMAP, screen.root, 0, 0, width, height, !0)
        .map_err(|_| unavailable("the display refused"))?
        .reply()
        .map_err(|_| unavailable("the display refused"))?;
    let bits = setup
        .pixmap_formats
        .iter()
        .find(|f| f.depth == reply.depth)
        .map(|f| f.bits_per_pixel)
        .unwrap_or(0);
    if bits != 32 {
        return Err(unavailable(
            "the display uses colours Keystep does not read",
        ));
    }
    let little_endian = setup.image_byte_order == ImageOrder::LSB_FIRST;
    Ok(keystep_core::qr::gray_from_bgrx(
        u32::from(width),
        u32::from(height),
        &reply.data,
        little_endian,
    ))
}

/// Whether this is a Wayland session (where X11 capture would miss Wayland windows).
pub fn is_wayland() -> bool {
    std::env::var("XDG_SESSION_TYPE").is_ok_and(|t| t.eq_ignore_ascii_case("wayland"))
        || std::env::var("WAYLAND_DISPLAY").is_ok_and(|d| !d.is_empty())
}

/// Asks the desktop's screenshot portal for the whole screen (the desktop may first ask the person
/// to allow it), reads the picture it saved, and deletes that file.
pub async fn capture_portal() -> Result<GrayImage, String> {
    let unavailable = |what: &str| {
        format!(
            "Keystep could not take a picture of the screen ({what}). Take a screenshot yourself (Print Screen key), then choose Open a picture and pick it."
        )
    };
    let request = ashpd::desktop::screenshot::Screenshot::request()
        .interactive(false)
        .modal(true)
        .send()
        .await
        .map_err(|_| unavailable("the desktop's screenshot service did not answer"))?;
    let shot = request
        .response()
        .map_err(|_| unavailable("the desktop did not allow it"))?;
    let path = shot
        .uri()
        .to_file_path()
        .map_err(|()| unavailable("the desktop gave no picture file"))?;
    let bytes = std::fs::read(&path);
    // The picture may show a setup QR code: it is not left on disk.
    let _ = std::fs::remove_file(&path);
    let bytes = bytes.map_err(|_| unavailable("the picture could not be read"))?;
    keystep_core::qr::decode_gray("the screen", &bytes).map_err(|e| e.to_string())
}
