#pragma once
// gradscape-cli's command line: every command's typed, range-checked options (CLI11), parsed
// without running anything, so the parser can be tested and fuzzed on its own.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/iterate_spectrum.h"

namespace gradscape::cli {

// kInterrupted: SIGINT, SIGTERM or SIGHUP arrived; what had run was still written out.
enum ExitCode { kOk = 0, kFailure = 1, kBadInput = 2, kInterrupted = 130 };

enum class Command { Run, List, Validate, Spectrum, Render };

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

// gradscape-cli render: a picture (PNG, SVG, PDF) or a video (MP4, WebM, GIF) of a scenario's
// views, as the desktop program draws them.
struct RenderOptions {
  std::string scenarioPath, outPath;
  std::string view = "map";   // map, surface, convergence, sharpness, spectrum or window
  int width = 0, height = 0;  // 0: the view's default size (renderDefaultSize)
  double scale = 1.0;         // the picture is scale x the size, 0.25 to 8
  std::optional<int64_t> at;  // empty: every run to its end
  std::string theme = "light";
  // Videos only (given for a picture they are refused): frames per second, 1 to 60 (default
  // 30), and the length, more than 0 and at most 600 seconds (default 10).
  std::optional<double> fps, seconds;
  bool orbit = false;  // the surface turns once about its vertical axis over a video
};

// The size a view is drawn at without --size: 1024x800 for the map and the surface, 1024x640
// for the charts, 1280x800 for the window; 1280x720 for every view of a video.
std::pair<int, int> renderDefaultSize(const std::string& view, bool video = false);

struct CommandLine {
  // Set when the program should end at once: help or the version was printed (kOk), or the
  // arguments were bad (kBadInput, the message already written).
  std::optional<int> exitCode;
  Command command = Command::Run;
  RunOptions run;
  ListOptions list;
  ValidateOptions validate;
  SpectrumOptions spectrum;
  RenderOptions render;
};

// `args` without the program name. Help goes to `out`, errors to `err`.
CommandLine parseCommandLine(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err);

}  // namespace gradscape::cli
