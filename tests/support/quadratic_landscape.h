#pragma once
// The landscape and runs the scene tests draw: f = 1/2 (x^2 + 4 y^2) on [-2, 2]^2, whose
// colours and heights can be worked out by hand (minimum 0 at the origin, 10 in the corners).
#include <string>
#include <utility>

#include "core/objectives/objective_registry.h"
#include "plots/landscape_grid.h"
#include "plots/landscape_scene.h"
#include "plots/run_view.h"

namespace gradscape::testing {

// rotated_quadratic (condition 4, angle 0) sampled on a 101 x 101 grid.
inline plots::LandscapeContent quadraticLandscape(plots::ColorScale scale) {
  const auto* entry = objectiveRegistry().find("rotated_quadratic");
  ParamValues p;
  p.set("condition", 4.0);
  p.set("angle", 0.0);
  const auto f = entry->make(ParamValues::withDefaults(entry->params, p));
  plots::LandscapeContent content;
  content.grid = plots::sampleLandscape(*f, f->domain(), 101, 101);
  content.style.scale = scale;
  content.title = "quadratic";
  return content;
}

// A finished run of `points` evenly spaced iterates along y from x0 to x1, with the
// quadratic's loss.
inline plots::RunView lineRun(std::string label, double x0, double x1, double y, plots::Rgb color,
                              int points) {
  plots::RunView run;
  run.label = std::move(label);
  run.color = color;
  run.finished = true;
  for (int k = 0; k < points; ++k) {
    const double x = x0 + (x1 - x0) * k / (points - 1);
    run.iteration.push_back(k);
    run.x.push_back(x);
    run.y.push_back(y);
    run.loss.push_back(0.5 * (x * x + 4 * y * y));
  }
  return run;
}

}  // namespace gradscape::testing
