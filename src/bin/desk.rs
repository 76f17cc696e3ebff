//! The content desk's page (`desk.html`): install the panic screen, then mount the desk, or, as
//! `desk.html?frame=…` inside the desk's preview, the preview's frame.

fn main() {
    anxin::platform::panic::install();
    if anxin::platform::page::query_param("frame").is_some() {
        anxin::ui::mount(anxin::ui::desk::FrameApp);
    } else {
        anxin::ui::mount(anxin::ui::desk::DeskApp);
    }
}
