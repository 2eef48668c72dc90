#pragma once
// Ctrl-C / SIGTERM for long commands: the handler only sets a flag the work polls, so every
// command can still write what it has and leave with kInterrupted.
#include <atomic>

namespace gradscape::cli {

// Installs the SIGINT and SIGTERM handlers and returns the flag they set.
std::atomic<bool>& installInterruptFlag();

}  // namespace gradscape::cli
