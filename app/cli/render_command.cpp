// gradscape-cli render: one picture of a scenario's view, drawn as the desktop program draws it.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <string>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/private_display.h"
#include "app/cli/render_pictures.h"
#include "core/analysis/slice_objective.h"
#include "core/io/printable_text.h"
#include "core/scenario/objective_title.h"
#include "plots/export/picture_files.h"
#include "plots/run_views.h"
#include "plots/theme.h"

namespace gradscape::cli {

namespace {

// The file's extension, lower case ("png"), or "".
std::string extensionOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// The landscape for the scenario as the window builds it: the log colour scale, no arrows.
plots::BuiltLandscape landscapeFor(const RenderScene& s, double minHalfWidth,
                                   const std::optional<SlicePlane>& plane) {
  plots::LandscapeRequest request;
  request.objective = s.objective;
  request.start = s.scenario.start;
  request.title = objectiveTitle(s.scenario.objective);
  request.minHalfWidth = minHalfWidth;
  request.plane = plane;
  request.style.scale = plots::ColorScale::Log;
  request.style.gradientArrows = false;
  return plots::buildLandscape(request);
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

}  // namespace

int renderCommand(const RenderOptions& options) {
  std::atomic<bool>& interrupted = installInterruptHandlers();
  const std::string ext = extensionOf(options.outPath);
  if (ext == "svg" || ext == "pdf") {
    std::cerr << "gradscape-cli render: --out: ." << ext
              << " is not supported by this version yet (vector export of charts is coming); "
                 "write a .png\n";
    return kBadInput;
  }
  if (ext != "png") {
    std::cerr << "gradscape-cli render: --out: expected a .png file, got '"
              << printableText(options.outPath, 200) << "'\n";
    return kBadInput;
  }
  RenderScene s;
  if (const int code = loadScenario(options.scenarioPath, s.scenario); code != kOk) return code;
  plots::setCurrentTheme(*plots::themeFromName(options.theme));
  auto [width, height] = renderDefaultSize(options.view);
  if (options.width > 0) {
    width = options.width;
    height = options.height;
  }
  setExitOnInterrupt(false);
  try {
    s.objective = makeObjective(s.scenario.objective);
    const bool needsLandscape =
        options.view == "map" || options.view == "surface" || options.view == "window";
    // The slice (N-D) is needed to place the paths whatever the view.
    const bool sliced = s.objective->dim() != 2;
    if (needsLandscape || sliced) {
      s.landscape = landscapeFor(s, 1.0, std::nullopt);
      if (!s.landscape.error.empty()) {
        std::cerr << "gradscape-cli render: cannot draw this landscape: " << s.landscape.error
                  << '\n';
        return kFailure;
      }
    }
    const PlaneProjector* projection = s.landscape.source.projection.get();
    auto runs = makeRuns(s.scenario);
    if (!runAll(runs, options.at, interrupted)) {
      std::cerr << "gradscape-cli: interrupted; nothing written\n";
      return kInterrupted;
    }
    for (const auto& run : runs)
      s.views.push_back(plots::liveRunView(*run, int64_t{1} << 17, projection));
    plots::nameRunViews(s.views, s.scenario.runs);
    if (!runs.empty()) {
      s.iterate = runs.front()->point();
      s.iterateIteration = runs.front()->iterations();
      const auto& lr = s.views.front().lr;
      s.iterateLr = lr.empty() ? 0.0 : lr.back();
    }
    const auto start = projection != nullptr
                           ? (*projection)(s.scenario.start)
                           : std::array<double, 2>{s.scenario.start[0], s.scenario.start[1]};
    s.start = start;
    if (needsLandscape && projection != nullptr) {
      // As the window does once the runs have finished: the slice grows to hold every path.
      double reach = 0.0;
      for (const auto& view : s.views) {
        for (size_t k = 0; k < view.x.size(); ++k) {
          if (std::isfinite(view.x[k])) reach = std::max(reach, std::abs(view.x[k]));
          if (std::isfinite(view.y[k])) reach = std::max(reach, std::abs(view.y[k]));
        }
      }
      if (reach > s.landscape.content.grid.xmax) {
        const auto* slice = dynamic_cast<const SliceObjective*>(s.landscape.source.shown.get());
        s.landscape = landscapeFor(
            s, 1.25 * reach, slice ? std::optional<SlicePlane>(slice->plane()) : std::nullopt);
      }
    }
    PrivateDisplay display;
    if (const std::string why = display.ensure(); !why.empty()) {
      std::cerr << "gradscape-cli render: " << why << '\n';
      return kFailure;
    }
    if (display.serverPid() > 0) {
      std::cout << "no usable X display: drawing on a private Xvfb at " << std::getenv("DISPLAY")
                << " (stopped when done)\n";
    }
    std::string error;
    const plots::Picture picture = renderView(s, options.view, width, height, options.scale, error);
    if (picture.empty()) {
      std::cerr << "gradscape-cli render: " << error << '\n';
      return kFailure;
    }
    if (const std::string why = plots::writePng(picture, options.outPath); !why.empty()) {
      std::cerr << "gradscape-cli render: " << why << '\n';
      return kFailure;
    }
    std::cout << "wrote " << printableText(options.outPath) << " (" << options.view << ", "
              << picture.width << " x " << picture.height << ")\n";
    return kOk;
  } catch (const std::invalid_argument& e) {
    std::cerr << "gradscape-cli render: " << e.what() << '\n';
    return kBadInput;
  }
}

}  // namespace gradscape::cli
