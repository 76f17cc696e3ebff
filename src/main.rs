//! The learner's page (`index.html`): install the panic screen, then mount the learner's app.

fn main() {
    anxin::platform::panic::install();
    anxin::ui::mount(anxin::ui::App);
}
