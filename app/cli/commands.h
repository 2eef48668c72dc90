#pragma once
// The sub-commands of gradscape-cli, run on parsed options (cli_options.h). Each returns the
// process exit code.
#include "app/cli/cli_options.h"

namespace gradscape::cli {

int runCommand(const RunOptions& options);
int listCommand(const ListOptions& options);
int validateCommand(const ValidateOptions& options);
int spectrumCommand(const SpectrumOptions& options);

}  // namespace gradscape::cli
