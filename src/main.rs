//! The browser entry point: install the panic screen, then mount the app.

fn main() {
    anxin::platform::panic::install();
    anxin::ui::mount();
}
