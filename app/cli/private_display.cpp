#include "app/cli/private_display.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "plots/export/child_process.h"
#include "plots/export/offscreen_window.h"

namespace gradscape::cli {

namespace {

// Reads what Xvfb writes to the -displayfd pipe (the display number and a newline), waiting at
// most `seconds`. Returns "" when it ended or timed out first.
std::string readDisplayNumber(int fd, int seconds) {
  std::string text;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (text.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return "";
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return "";
    char buf[32];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "";
    text.append(buf, static_cast<size_t>(n));
  }
  return text.substr(0, text.find('\n'));
}

}  // namespace

PrivateDisplay::~PrivateDisplay() {
  stop();
}

void PrivateDisplay::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = 0;
}

std::string PrivateDisplay::ensure() {
  std::string why;
  if (plots::OffscreenWindow::displayAvailable(&why)) return "";
  const std::string xvfb = plots::child::locate("Xvfb");
  if (xvfb.empty()) {
    return why +
           ", and Xvfb is not installed to draw without one: install the package xvfb "
           "(apt-get install xvfb), or run with a usable DISPLAY";
  }
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return why + ", and no pipe for Xvfb: " + std::strerror(errno);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return why + ", and Xvfb could not be started: " + std::strerror(error);
  }
  if (pid == 0) {
    // The child: only async-signal-safe calls until exec.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // dies with the program, however it ends
    if (::getppid() != parent) ::_exit(127);
    const int devnull = ::open("/dev/null", O_RDWR);
    if (devnull >= 0) {
      ::dup2(devnull, STDIN_FILENO);
      ::dup2(devnull, STDOUT_FILENO);
      ::dup2(devnull, STDERR_FILENO);
    }
    // The write end stays open across exec (dup2 clears close-on-exec).
    const int fd = fds[1] == 3 ? 3 : ::dup2(fds[1], 3);
    if (fd == 3) ::fcntl(3, F_SETFD, 0);
    char fdText[] = "3";
    char* const argv[] = {const_cast<char*>("Xvfb"),
                          const_cast<char*>("-displayfd"),
                          fdText,
                          const_cast<char*>("-nolisten"),
                          const_cast<char*>("tcp"),
                          const_cast<char*>("-screen"),
                          const_cast<char*>("0"),
                          const_cast<char*>("1280x1024x24"),
                          nullptr};
    ::execv(xvfb.c_str(), argv);
    ::_exit(127);
  }
  ::close(fds[1]);
  pid_ = pid;
  const std::string number = readDisplayNumber(fds[0], 20);
  ::close(fds[0]);
  if (number.empty()) {
    stop();
    return why + ", and the private Xvfb (" + xvfb + ") did not start";
  }
  const std::string display = ":" + number;
  ::setenv("DISPLAY", display.c_str(), 1);
  if (!plots::OffscreenWindow::displayAvailable(&why)) {
    stop();
    return "the private Xvfb at " + display + " cannot be opened: " + why;
  }
  return "";
}

}  // namespace gradscape::cli
