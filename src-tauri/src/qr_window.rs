//! QR codes shown on the screen for another device to scan (one account, or a Google Authenticator
//! export one QR code after another), in a native GTK window drawn from Rust. A QR code of a setup
//! link IS the secret, so it is never handed to the webview: the pixels go from the core straight
//! to GTK.

use gtk::gdk_pixbuf::{Colorspace, Pixbuf};
use gtk::prelude::*;
use keystep_core::qr::GrayImage;
use tauri::{AppHandle, Manager};

/// One QR code to show, with the sentence that says what it is.
pub struct Page {
    pub caption: String,
    pub picture: GrayImage,
}

/// Opens the QR window over Keystep's main window (modal: one thing at a time). The window is
/// built on GTK's thread; this returns once that is scheduled.
pub fn show(
    app: &AppHandle,
    title: String,
    warning: String,
    pages: Vec<Page>,
) -> Result<(), String> {
    let handle = app.clone();
    app.run_on_main_thread(move || {
        // GTK objects live on GTK's thread: the parent is looked up there.
        let parent = handle
            .get_webview_window("main")
            .and_then(|w| w.gtk_window().ok());
        build(parent, &title, &warning, pages);
    })
    .map_err(|e| e.to_string())
}

fn pixbuf(picture: &GrayImage) -> Pixbuf {
    let (w, h) = (picture.width(), picture.height());
    let rgb: Vec<u8> = picture.pixels().flat_map(|p| [p.0[0]; 3]).collect();
    let width = i32::try_from(w).unwrap_or(i32::MAX);
    let height = i32::try_from(h).unwrap_or(i32::MAX);
    Pixbuf::from_mut_slice(rgb, Colorspace::Rgb, false, 8, width, height, width * 3)
}

fn build(parent: Option<gtk::ApplicationWindow>, title: &str, warning: &str, pages: Vec<Page>) {
    let total = pages.len();
    let window = gtk::Window::new(gtk::WindowType::Toplevel);
    window.set_title(title);
    window.set_modal(true);
    if let Some(parent) = &parent {
        window.set_transient_for(Some(parent));
    }
    window.set_position(gtk::WindowPosition::CenterOnParent);
    let column = gtk::Box::new(gtk::Orientation::Vertical, 12);
    column.set_border_width(20);
    let caption = gtk::Label::new(None);
    caption.set_line_wrap(true);
    caption.set_max_width_chars(50);
    let image = gtk::Image::new();
    let note = gtk::Label::new(Some(warning));
    note.set_line_wrap(true);
    note.set_max_width_chars(50);
    let buttons = gtk::Box::new(gtk::Orientation::Horizontal, 12);
    buttons.set_halign(gtk::Align::End);
    let previous = gtk::Button::with_label("Previous QR code");
    let next = gtk::Button::with_label("Next QR code");
    let close = gtk::Button::with_label("Close");
    if total > 1 {
        buttons.pack_start(&previous, false, false, 0);
        buttons.pack_start(&next, false, false, 0);
    }
    buttons.pack_start(&close, false, false, 0);
    column.pack_start(&caption, false, false, 0);
    column.pack_start(&image, false, false, 0);
    column.pack_start(&note, false, false, 0);
    column.pack_start(&buttons, false, false, 0);
    window.add(&column);

    let pages = std::rc::Rc::new(pages);
    let at = std::rc::Rc::new(std::cell::Cell::new(0usize));
    let show_page = {
        let (pages, at, caption, image, previous, next) = (
            pages.clone(),
            at.clone(),
            caption.clone(),
            image.clone(),
            previous.clone(),
            next.clone(),
        );
        move |index: usize| {
            let Some(page) = pages.get(index) else {
                return;
            };
            at.set(index);
            caption.set_text(&page.caption);
            image.set_from_pixbuf(Some(&pixbuf(&page.picture)));
            // Screen readers name the picture by what it is for, never by its content.
            let name = if pages.len() > 1 {
                format!("QR code {} of {}", index + 1, pages.len())
            } else {
                "QR code".to_string()
            };
            if let Some(accessible) = image.accessible() {
                accessible.set_name(&name);
            }
            previous.set_sensitive(index > 0);
            next.set_sensitive(index + 1 < pages.len());
        }
    };
    show_page(0);
    let show_page = std::rc::Rc::new(show_page);
    {
        let (show_page, at) = (show_page.clone(), at.clone());
        next.connect_clicked(move |_| show_page(at.get() + 1));
    }
    {
        let (show_page, at) = (show_page.clone(), at.clone());
        previous.connect_clicked(move |_| show_page(at.get().saturating_sub(1)));
    }
    {
        let window = window.clone();
        close.connect_clicked(move |_| window.close());
    }
    window.connect_key_press_event(|window, event| {
        if event.keyval() == gtk::gdk::keys::constants::Escape {
            window.close();
            return gtk::glib::Propagation::Stop;
        }
        gtk::glib::Propagation::Proceed
    });
    window.show_all();
    close.grab_focus();
}
