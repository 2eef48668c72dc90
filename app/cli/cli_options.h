#pragma once
// gradscape-cli's command line: every command's typed, range-checked options (CLI11), parsed
// without running anything, so the parser can be tested and fuzzed on its own.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/analysis/iterate_spectrum.h"

namespace gradscape::cli {

// kInterrupted: SIGINT, SIGTERM or SIGHUP arrived; what had run was still written out.
enum ExitCode { kOk = 0, kFailure = 1, kBadInput = 2, kInterrupted = 130 };

enum class Command { Run, List, Validate, Spectrum };

struct RunOptions {
  std::string scenarioPath;
  std::string outDir = "gradscape-out";
  std::string jsonPath;  // --json: every run and its trace in one JSON file (empty: none)
};

struct ListOptions {
  std::string category = "all";  // objectives, optimizers, schedules, noise or all
};

struct ValidateOptions {
  std::vector<std::string> paths;
};

struct SpectrumOptions {
  std::string scenarioPath, outPath;  // outPath empty: standard output
  size_t run = 0;
  std::optional<int64_t> at;             // empty: the run's final iterate
  std::optional<SpectrumMethod> method;  // empty: dense up to 2000 dimensions, else Lanczos
  SpectrumRequest request;               // count, slq steps/probes/seed, sigma
};

struct CommandLine {
  // Set when the program should end at once: help or the version was printed (kOk), or the
  // arguments were bad (kBadInput, the message already written).
  std::optional<int> exitCode;
  Command command = Command::Run;
  RunOptions run;
  ListOptions list;
  ValidateOptions validate;
  SpectrumOptions spectrum;
};

// `args` without the program name. Help goes to `out`, errors to `err`.
CommandLine parseCommandLine(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err);

}  // namespace gradscape::cli
