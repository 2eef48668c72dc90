#pragma once
// The sub-commands of gradscape-cli. Each returns the process exit code.
#include <string>
#include <vector>

namespace gradscape::cli {

enum ExitCode { kOk = 0, kFailure = 1, kBadInput = 2 };

using Args = std::vector<std::string>;

int runCommand(const Args& args);
int listCommand(const Args& args);
int validateCommand(const Args& args);

extern const char* const kRunHelp;
extern const char* const kListHelp;
extern const char* const kValidateHelp;

}  // namespace gradscape::cli
