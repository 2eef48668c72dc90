#pragma once
// Ctrl-C, SIGTERM and SIGHUP for gradscape-cli. While a command is only reading its input
// (exitOnInterrupt, the state at start), a signal ends the program at once with kInterrupted:
// nothing has been written yet. Once a command produces output the handler only sets a flag
// that the work polls, so the command still writes what it has and then leaves with
// kInterrupted.
#include <atomic>

namespace gradscape::cli {

// Installs the handlers (no SA_RESTART: a blocking read returns with EINTR) and returns the
// flag they set.
std::atomic<bool>& installInterruptHandlers();
// Whether a signal ends the program at once (true after install) or only sets the flag.
void setExitOnInterrupt(bool exitAtOnce);

}  // namespace gradscape::cli
