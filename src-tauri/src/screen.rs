//! Capturing the screen to look for QR codes: every monitor at once (on X11 the root window spans
//! them all), as gray pixels, which is all the QR search needs.
//!
//! X11 only, through x11rb (pure Rust, no system library). A Wayland session without XWayland, or
//! one whose other windows XWayland cannot see, needs the desktop portal's screenshot (not built
//! yet): the error then says to open a screenshot file instead.

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
    let (w, h) = (u32::from(width), u32::from(height));
    let mut gray = GrayImage::new(w, h);
    for (pixel, chunk) in gray.pixels_mut().zip(reply.data.chunks_exact(4)) {
        // 32-bit TrueColor: blue, green, red, unused (in memory, least significant byte first).
        let (r, g, b) = if little_endian {
            (chunk[2], chunk[1], chunk[0])
        } else {
            (chunk[1], chunk[2], chunk[3])
        };
        let luma = (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114) / 1000;
        pixel.0[0] = u8::try_from(luma).unwrap_or(u8::MAX);
    }
    Ok(gray)
}
