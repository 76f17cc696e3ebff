//! The branch kiosk's page (`kiosk.html`): install the panic screen, then mount the kiosk.

fn main() {
    anxin::platform::panic::install();
    anxin::ui::mount_behind_boot(anxin::ui::kiosk::KioskApp);
}
