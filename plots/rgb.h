#pragma once
// A colour as three components in [0, 1]; plain data shared by the VTK scenes and the Qt GUI.
#include <array>

namespace gradscape::plots {

struct Rgb {
  double r = 0.0, g = 0.0, b = 0.0;
  bool operator==(const Rgb&) const = default;
};

// The colour of run i in every view (legend, trajectory, curve): a qualitative palette that
// stays distinct on the viridis landscape and for common colour-vision deficiencies; cycles.
Rgb runColor(int index);

}  // namespace gradscape::plots
