#pragma once
// What `gradscape-cli render` draws from: the scenario, its saved view (core/scenario/
// view_state.h) or the defaults of a window without one, the runs run to their end (or --at),
// and the landscape the desktop program would show for them.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "app/cli/cli_options.h"
#include "core/scenario/scenario.h"
#include "plots/landscape_build.h"
#include "plots/run_view.h"

namespace gradscape::cli {

struct RenderInputs {
  Scenario scenario;
  ViewState view;  // the scenario's "view", else a default ViewState
  std::shared_ptr<const Objective> objective;
  plots::BuiltLandscape landscape;  // for the map, the surface and the window
  // The runs as the views draw them (named and coloured as the desktop program names them).
  std::vector<plots::RunView> runs;
  std::array<double, 2> start{0.0, 0.0};  // on the landscape (projected for a slice)
  // The selected run (view.selectedRun) and its iterate: the spectrum is analysed there.
  size_t selected = 0;
  Vec iterate;
  int64_t iterateIteration = 0;
  double iterateLr = 0.0;  // the learning rate the run uses at that iterate
};

// Fills `inputs` from the options: reads the scenario (bad file: exit 2, message printed), runs
// every run to --at or its end, and builds the landscape of the saved view (colour scale,
// gradient arrows, the slice of an N-D problem grown to hold every path, as the window grows
// it once the runs have finished). Returns kOk, or the exit code after printing why not
// (kInterrupted when `interrupted` was set).
int prepareInputs(const RenderOptions& options, const std::atomic<bool>& interrupted,
                  RenderInputs& inputs);

}  // namespace gradscape::cli
