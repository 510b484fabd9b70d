//! Keyboard focus where no window manager hands it over (a kiosk session, Xvfb).
//!
//! winit asks the window manager for focus (`_NET_ACTIVE_WINDOW`); with no window manager that
//! is a no-op and X11 leaves the focus at `PointerRoot`, so keys never reach the app. Once the
//! window is shown, and only when nobody manages focus (it is `None` or `PointerRoot`), the app
//! sets it on its own window. With a window manager this does nothing.

use raw_window_handle::{HasWindowHandle, RawWindowHandle};

/// The X11 window id behind `handle`, if the app runs on X11.
pub fn x11_window(handle: &impl HasWindowHandle) -> Option<u32> {
    match handle.window_handle().ok()?.as_raw() {
        RawWindowHandle::Xlib(h) => u32::try_from(h.window).ok(),
        RawWindowHandle::Xcb(h) => Some(h.window.get()),
        _ => None,
    }
}

/// Gives `window` the keyboard focus when no window manager manages it, on a short-lived thread
/// (it talks to the X server). Failures are logged once; the app works without focus.
pub fn take_focus_if_unmanaged(window: u32) {
    #[cfg(target_os = "linux")]
    {
        let spawned = std::thread::Builder::new()
            .name("x11-focus".into())
            .spawn(move || match set_focus(window) {
                Ok(true) => log::info!("no window manager: took the keyboard focus"),
                Ok(false) => {}
                Err(e) => log::warn!("could not take the keyboard focus: {e}"),
            });
        if let Err(e) = spawned {
            log::warn!("could not start the focus thread: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}

#[cfg(target_os = "linux")]
fn set_focus(window: u32) -> Result<bool, Box<dyn std::error::Error>> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ConnectionExt, InputFocus};

    let (conn, _screen) = x11rb::connect(None)?;
    let focus = conn.get_input_focus()?.reply()?.focus;
    // 0 is None and 1 is PointerRoot: nobody has set the focus to a window.
    if focus > 1 {
        return Ok(false);
    }
    conn.set_input_focus(InputFocus::POINTER_ROOT, window, x11rb::CURRENT_TIME)?
        .check()?;
    conn.flush()?;
    Ok(true)
}
