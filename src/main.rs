//! The learner's page (`index.html`): install the panic screen, then mount the learner's app
//! (behind the markup shown during the download, which the app takes away with its first view).

fn main() {
    anxin::platform::panic::install();
    anxin::ui::mount_behind_boot(anxin::ui::App);
}
