#pragma once
// The landscape the views draw, built from an objective where it is called: for a 2-D objective
// its own grid, for a many-dimensional one a slice (whose plane may take a Lanczos solve)
// sampled point by point, where one sample of a 10^6-dimensional problem costs milliseconds.
// The desktop program runs it on a thread (app/gui/landscape_job.h); the command line's
// `render` calls it directly. No VTK in this header, no Qt.
#include <memory>
#include <optional>
#include <string>

#include "core/analysis/landscape_source.h"
#include "plots/landscape_content.h"

namespace gradscape::plots {

struct LandscapeRequest {
  std::shared_ptr<const Objective> objective;
  Vec start;
  std::string title;                // objectiveTitle (core/scenario/objective_title.h)
  double minHalfWidth = 1.0;        // of the slice's box (landscapeSource)
  std::optional<SlicePlane> plane;  // the chosen slice; default: landscapeSource's
  LandscapeStyle style;
};

struct BuiltLandscape {
  LandscapeSource source;
  LandscapeContent content;
  std::string error;  // why no landscape could be built ("" on success)
  bool cancelled = false;
};

// Builds the landscape here. `progress` is told the sampled share and may stop the work
// (returns false): the result is then `cancelled`.
BuiltLandscape buildLandscape(const LandscapeRequest& request,
                              const SamplingProgress& progress = {});

}  // namespace gradscape::plots
