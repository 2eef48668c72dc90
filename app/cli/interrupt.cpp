#include "app/cli/interrupt.h"

#include <csignal>

namespace gradscape::cli {

namespace {

std::atomic<bool> interrupted{false};

extern "C" void onInterrupt(int /*signal*/) {
  interrupted.store(true);
}

}  // namespace

std::atomic<bool>& installInterruptFlag() {
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  return interrupted;
}

}  // namespace gradscape::cli
