#pragma once
// The look of the landscape's own markers, the same in the contour map and on the surface.
#include <array>
#include <vector>
#include "plots/marker_overlay.h"

namespace gradscape::plots {

// A known minimizer: a white star with a dark outline.
Marker minimumMarker(const std::array<double, 3>& at);
// The shared start point: a white ring with a dark outline around a dark dot.
std::vector<Marker> startPointMarkers(const std::array<double, 3>& at);
// The highlighted iterate: a wide thin ring around it.
Marker highlightMarker(const std::array<double, 3>& at);

}  // namespace gradscape::plots
