// libFuzzer target: gradscape-cli's command line. The input is split at NUL bytes into
// arguments and parsed as the program parses argv (app/cli/cli_options.h). Whatever the
// arguments, parsing must end in a command to run or an exit code; a bad argument must leave a
// printable message and exit code 2. Anything else is a finding: an escaping exception, a crash,
// a sanitizer report, a hang.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/cli_options.h"

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n*** fuzz_cli_arguments finding: %s\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args(1);
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.emplace_back();
    } else {
      args.back() += static_cast<char>(data[i]);
    }
  }
  if (size == 0) args.clear();
  std::ostringstream out, err;
  gradscape::cli::CommandLine c;
  try {
    c = gradscape::cli::parseCommandLine(args, out, err);
  } catch (const std::exception& e) {
    finding("an exception escaped parseCommandLine", e.what());
  }
  if (c.exitCode) {
    const int code = *c.exitCode;
    if (code != gradscape::cli::kOk && code != gradscape::cli::kBadInput) {
      finding("unexpected exit code", std::to_string(code));
    }
    if (code == gradscape::cli::kBadInput) {
      if (err.str().empty()) finding("exit 2 without a message", "");
      for (const unsigned char ch : err.str()) {
        if (ch < 0x20 && ch != '\n') finding("a control character in the message", err.str());
      }
    }
    return 0;
  }
  // A command to run: its options are within the ranges the help states.
  const auto& s = c.spectrum;
  if (c.command == gradscape::cli::Command::Spectrum &&
      (s.request.count < 1 || s.request.slq.steps < 1 || s.request.slq.probes < 1 ||
       s.request.sigma < 0.0 || (s.at && *s.at < 0))) {
    finding("an option outside its range was accepted", "");
  }
  return 0;
}
