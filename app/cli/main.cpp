// gradscape-cli: runs Gradscape scenarios headless, for batch work and reproducibility.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <new>
#include <string>

#include "app/cli/commands.h"
#include "core/io/fd_stream_buffer.h"

namespace {

// Standard output through a buffer that keeps the reason of a failed write. Never destroyed:
// std::cout is flushed once more after every static object is gone (by the library's
// ios_base::Init), and its buffer must still be there then.
gradscape::FdBuffer& stdoutBuffer = *new gradscape::FdBuffer(STDOUT_FILENO);

// Whatever went to standard output must have arrived (a full disk or /dev/full is an error,
// not a success).
int checkedExit(int code) {
  std::cout.flush();
  if (!stdoutBuffer.flushAll() || !std::cout) {
    const int error = stdoutBuffer.error() != 0 ? stdoutBuffer.error() : EIO;
    std::cerr << "gradscape-cli: cannot write to standard output: " << std::strerror(error) << '\n';
    return code == gradscape::cli::kOk ? gradscape::cli::kFailure : code;
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gradscape::cli;
  std::cout.rdbuf(&stdoutBuffer);
  try {
    const CommandLine c = parseCommandLine({argv + 1, argv + argc}, std::cout, std::cerr);
    if (c.exitCode) return checkedExit(*c.exitCode);
    switch (c.command) {
      case Command::Run:
        return checkedExit(runCommand(c.run));
      case Command::List:
        return checkedExit(listCommand(c.list));
      case Command::Validate:
        return checkedExit(validateCommand(c.validate));
      case Command::Spectrum:
        return checkedExit(spectrumCommand(c.spectrum));
      case Command::Render:
        return checkedExit(renderCommand(c.render));
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "gradscape-cli: out of memory (the scenario needs more memory than this machine "
                 "has; try fewer or shorter runs, or a smaller problem)\n";
    return kFailure;
  } catch (const std::exception& e) {
    // Anything else that escapes a command is a bug; still leave with a message, not an abort.
    std::cerr << "gradscape-cli: internal error: " << e.what() << '\n';
    return kFailure;
  }
  return kFailure;
}
