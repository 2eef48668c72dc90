#pragma once
// The sub-commands of gradscape-cli. Each returns the process exit code.
#include <string>
#include <vector>

namespace gradscape::cli {

// kInterrupted: SIGINT/SIGTERM arrived; what had run was still written out (128 + SIGINT).
enum ExitCode { kOk = 0, kFailure = 1, kBadInput = 2, kInterrupted = 130 };

using Args = std::vector<std::string>;

int runCommand(const Args& args);
int listCommand(const Args& args);
int validateCommand(const Args& args);
int spectrumCommand(const Args& args);

extern const char* const kRunHelp;
extern const char* const kListHelp;
extern const char* const kValidateHelp;
extern const char* const kSpectrumHelp;

}  // namespace gradscape::cli
