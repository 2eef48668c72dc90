#include "plots/scene_markers.h"

namespace gradscape::plots {

namespace {
constexpr Rgb kWhite{1.0, 1.0, 1.0};
constexpr Rgb kDark{0.05, 0.05, 0.05};
}  // namespace

Marker minimumMarker(const std::array<double, 3>& at) {
  Marker m;
  m.position = at;
  m.shape = MarkerShape::Star;
  m.size = 17.0;
  m.fill = kWhite;
  m.outline = kDark;
  m.outlineWidth = 1.3;
  return m;
}

std::vector<Marker> startPointMarkers(const std::array<double, 3>& at) {
  Marker ring;
  ring.position = at;
  ring.shape = MarkerShape::Ring;
  ring.size = 17.0;
  ring.fill = kWhite;
  ring.outline = kDark;
  ring.outlineWidth = 1.3;
  Marker dot = ring;
  dot.shape = MarkerShape::Disk;
  dot.size = 4.0;
  dot.fill = kDark;
  dot.outlineWidth = 0.0;
  return {ring, dot};
}

Marker highlightMarker(const std::array<double, 3>& at) {
  Marker m;
  m.position = at;
  m.shape = MarkerShape::Ring;
  m.size = 24.0;
  m.fill = {1.0, 0.92, 0.3};
  m.outline = kDark;
  m.outlineWidth = 1.0;
  m.ringWidth = 2.5;
  return m;
}

}  // namespace gradscape::plots
