//! The content desk's page (`desk.html`): install the panic screen, then mount the desk.

fn main() {
    anxin::platform::panic::install();
    anxin::ui::mount(anxin::ui::desk::DeskApp);
}
