#pragma once
// The pictures `gradscape-cli render` draws: the desktop program's scenes (plots/) fed as its
// panels feed them, in an offscreen window, read back through plots::renderPicture.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/scenario/scenario.h"
#include "plots/export/picture.h"
#include "plots/landscape_build.h"
#include "plots/run_view.h"

namespace gradscape::cli {

// What every view is drawn from: the scenario, its objective, the landscape (for the map, the
// surface and the window) and the runs' views (named and coloured as the GUI names them).
struct RenderScene {
  Scenario scenario;
  std::shared_ptr<const Objective> objective;
  plots::BuiltLandscape landscape;
  std::vector<plots::RunView> views;
  std::array<double, 2> start{0.0, 0.0};  // on the landscape (projected for a slice)
  // The first run's iterate and learning rate there (the spectrum view).
  Vec iterate;
  int64_t iterateIteration = 0;
  double iterateLr = 0.0;
};

// Draws `view` (map, surface, convergence, sharpness, spectrum or window) at width x height,
// then renderPicture at `scale`. An empty picture with `error` set when it cannot.
plots::Picture renderView(const RenderScene& scene, const std::string& view, int width, int height,
                          double scale, std::string& error);

}  // namespace gradscape::cli
