#pragma once
// The sub-commands of gradscape-cli, run on parsed options (cli_options.h). Each returns the
// process exit code.
#include <string>

#include "app/cli/cli_options.h"
#include "core/scenario/scenario.h"

namespace gradscape::cli {

// Loads the scenario at `path` into `scenario`. Returns kOk, or kBadInput after printing the
// problem (file, JSON path, value).
int loadScenario(const std::string& path, Scenario& scenario);

int runCommand(const RunOptions& options);
int listCommand(const ListOptions& options);
int validateCommand(const ValidateOptions& options);
int spectrumCommand(const SpectrumOptions& options);
// Without the plots library (GRADSCAPE_BUILD_GUI=OFF) it says so and returns kFailure.
int renderCommand(const RenderOptions& options);

}  // namespace gradscape::cli
