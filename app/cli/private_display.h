#pragma once
// A private X server for `render` on a machine without a display. Debian's VTK 9.1 draws
// through GLX only (no EGL, no OSMesa), so offscreen pictures still need an X display: when
// DISPLAY is unset or cannot be opened, `render` starts `Xvfb -displayfd`, points DISPLAY at the
// display it chose, and stops it when done. The server also dies with the program (it is told
// to by the kernel: PR_SET_PDEATHSIG), so a crash or a signal leaves no Xvfb behind.
#include <sys/types.h>
#include <string>

namespace gradscape::cli {

class PrivateDisplay {
 public:
  PrivateDisplay() = default;
  // Stops the server, if one was started.
  ~PrivateDisplay();
  PrivateDisplay(const PrivateDisplay&) = delete;
  PrivateDisplay& operator=(const PrivateDisplay&) = delete;

  // Makes sure an X display is usable: the current DISPLAY when it opens, else a private Xvfb
  // (DISPLAY is set to it for this process). Returns "" or why there is none (e.g. Xvfb is not
  // installed: the message says to install the package xvfb).
  std::string ensure();
  // The started server's process id (0 when the current display was used).
  pid_t serverPid() const { return pid_; }
  // Stops the server now (also done by the destructor).
  void stop();

 private:
  pid_t pid_ = 0;
};

}  // namespace gradscape::cli
