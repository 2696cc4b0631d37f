// Uploads crash reports when the program exits.
#pragma once

namespace demo {

/// Arranges for pending crash reports to be uploaded at exit.
void install_crash_uploader();

} // namespace demo
