//! The contest page (`contest.html`): install the panic screen, then mount the contest's app.

fn main() {
    anxin::platform::panic::install();
    anxin::ui::mount_behind_boot(anxin::ui::contest::ContestApp);
}
