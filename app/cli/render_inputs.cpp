#include "app/cli/render_inputs.h"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "core/analysis/landscape_source.h"
#include "core/analysis/slice_objective.h"
#include "core/scenario/objective_title.h"
#include "plots/run_views.h"

namespace gradscape::cli {

namespace {

// The landscape as the window builds it for the saved view: its colour scale and gradient
// arrows, its slice.
plots::BuiltLandscape landscapeFor(const RenderInputs& in, double minHalfWidth,
                                   const std::optional<SlicePlane>& plane,
                                   const std::atomic<bool>& interrupted) {
  plots::LandscapeRequest request;
  request.objective = in.objective;
  request.start = in.scenario.start;
  request.title = objectiveTitle(in.scenario.objective);
  request.minHalfWidth = minHalfWidth;
  request.plane = plane;
  request.style.scale = in.view.logColourScale ? plots::ColorScale::Log : plots::ColorScale::Linear;
  request.style.gradientArrows = in.view.gradientArrows;
  return plots::buildLandscape(request, [&interrupted](double) { return !interrupted.load(); });
}

// Runs every run to `at` (or its end); false when interrupted.
bool runAll(std::vector<std::unique_ptr<Run>>& runs, std::optional<int64_t> at,
            const std::atomic<bool>& interrupted) {
  for (auto& run : runs) {
    while (!run->finished() && (!at || run->iterations() < *at)) {
      if (interrupted.load()) return false;
      if (!run->step()) break;
    }
  }
  return true;
}

int interruptedNothingWritten() {
  std::cerr << "gradscape-cli: interrupted; nothing written\n";
  return kInterrupted;
}

// The largest |coordinate| of the paths on the landscape (0 without any).
double pathReach(const std::vector<plots::RunView>& runs) {
  double reach = 0.0;
  for (const auto& view : runs) {
    for (size_t k = 0; k < view.x.size(); ++k) {
      if (std::isfinite(view.x[k])) reach = std::max(reach, std::abs(view.x[k]));
      if (std::isfinite(view.y[k])) reach = std::max(reach, std::abs(view.y[k]));
    }
  }
  return reach;
}

}  // namespace

int prepareInputs(const RenderOptions& options, const std::atomic<bool>& interrupted,
                  RenderInputs& in) {
  if (const int code = loadScenario(options.scenarioPath, in.scenario); code != kOk) return code;
  in.view = in.scenario.view.value_or(ViewState{});
  setExitOnInterrupt(false);  // from here the work polls `interrupted`
  try {
    in.objective = makeObjective(in.scenario.objective);
    const bool needsLandscape =
        options.view == "map" || options.view == "surface" || options.view == "window";
    // The slice (N-D) is needed to place the paths whatever the view.
    const bool sliced = in.objective->dim() != 2;
    const SavedSlice slice = savedSlice(in.view.slice, in.scenario.start.size());
    if (needsLandscape || sliced) {
      in.landscape = landscapeFor(in, sliced ? slice.halfWidth : 1.0, slice.plane, interrupted);
      if (in.landscape.cancelled) return interruptedNothingWritten();
      if (!in.landscape.error.empty()) {
        std::cerr << "gradscape-cli render: cannot draw this landscape: " << in.landscape.error
                  << '\n';
        return kFailure;
      }
    }
    const PlaneProjector* projection = in.landscape.source.projection.get();
    auto runs = makeRuns(in.scenario);
    if (!runAll(runs, options.at, interrupted)) return interruptedNothingWritten();
    for (const auto& run : runs)
      in.runs.push_back(plots::liveRunView(*run, int64_t{1} << 17, projection));
    plots::nameRunViews(in.runs, in.scenario.runs);
    if (!runs.empty()) {
      in.selected = static_cast<size_t>(std::max(in.view.selectedRun, 0));
      if (in.selected >= runs.size()) in.selected = 0;
      const Run& run = *runs[in.selected];
      in.iterate = run.point();
      in.iterateIteration = run.iterations();
      in.iterateLr = run.currentRow().lr;
    }
    in.start = projection != nullptr
                   ? (*projection)(in.scenario.start)
                   : std::array<double, 2>{in.scenario.start[0], in.scenario.start[1]};
    // As the window does once the runs have finished: the slice grows to hold every path.
    if (needsLandscape && projection != nullptr) {
      const double reach = pathReach(in.runs);
      if (reach > in.landscape.content.grid.xmax) {
        const auto* shown = dynamic_cast<const SliceObjective*>(in.landscape.source.shown.get());
        in.landscape = landscapeFor(
            in, 1.25 * reach, shown ? std::optional<SlicePlane>(shown->plane()) : std::nullopt,
            interrupted);
        if (in.landscape.cancelled) return interruptedNothingWritten();
      }
    }
    return kOk;
  } catch (const std::invalid_argument& e) {
    std::cerr << "gradscape-cli render: " << e.what() << '\n';
    return kBadInput;
  }
}

}  // namespace gradscape::cli
