#include "app/cli/interrupt.h"

#include <unistd.h>

#include <csignal>

#include "app/cli/cli_options.h"

namespace gradscape::cli {

namespace {

std::atomic<bool> interrupted{false};
std::atomic<bool> exitOnInterrupt{true};

extern "C" void onInterrupt(int /*signal*/) {
  interrupted.store(true);
  if (exitOnInterrupt.load()) {
    // Only async-signal-safe calls here.
    const char message[] = "\ngradscape-cli: interrupted while reading input; nothing written\n";
    [[maybe_unused]] const auto ignored = ::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(kInterrupted);
  }
}

}  // namespace

std::atomic<bool>& installInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  for (const int signal : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal, &action, nullptr);
  return interrupted;
}

void setExitOnInterrupt(bool exitAtOnce) {
  exitOnInterrupt.store(exitAtOnce);
  // A signal that came while the flag was being switched off is not lost: the work sees it.
}

}  // namespace gradscape::cli
