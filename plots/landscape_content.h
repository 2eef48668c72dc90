#pragma once
// Everything a landscape view shows of an objective: the sampled grid, the known minima inside
// its box, the negative-gradient field and a title. No VTK, no Qt.
#include <string>
#include "core/objectives/objective.h"
#include "plots/landscape_scene.h"

namespace gradscape::plots {

LandscapeContent makeLandscapeContent(const Objective& objective, const std::string& title,
                                      const LandscapeStyle& style, int samples = 201);

}  // namespace gradscape::plots
