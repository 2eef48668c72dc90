#pragma once
// Everything a landscape view shows of an objective: the sampled grid, the known minima inside
// its box, the negative-gradient field (only when the style draws it: on a slice of a large
// model each arrow costs a full gradient) and a title. No VTK, no Qt.
#include <string>
#include "core/objectives/objective.h"
#include "plots/landscape_scene.h"

namespace gradscape::plots {

// `progress` is told the sampled share and may stop the work (returns false): the content then
// comes back with an empty grid (nx = 0).
LandscapeContent makeLandscapeContent(const Objective& objective, const std::string& title,
                                      const LandscapeStyle& style, int samples = 201,
                                      const SamplingProgress& progress = {});

}  // namespace gradscape::plots
