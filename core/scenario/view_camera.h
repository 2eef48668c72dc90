#pragma once
// The cameras of a view state (view_state.h), with no dependency beyond the standard library so
// the plots can take them: the 3-D surface's camera and the contour map's zoom box.
#include <array>

namespace gradscape {

// The surface's perspective camera, in landscape coordinates (x, y, and the scaled height z of
// plots/height_map.h), with vtkCamera's meanings: the eye at `position` looks at `focalPoint`,
// `viewUp` points up on the screen, `viewAngle` is the vertical field of view in degrees and
// `windowCenter` shifts the picture in the viewport (-1..1 of its half size; the fit centres
// the box with it).
struct ViewCamera {
  std::array<double, 3> position{0.0, -1.0, 0.0};
  std::array<double, 3> focalPoint{0.0, 0.0, 0.0};
  std::array<double, 3> viewUp{0.0, 0.0, 1.0};
  double viewAngle = 30.0;
  std::array<double, 2> windowCenter{0.0, 0.0};
  bool operator==(const ViewCamera&) const = default;
};

// The part of the landscape the contour map's frame shows (landscape coordinates; on a slice of
// an N-D problem, the slice's (a, b)). The map keeps equal scales on x and y: a box of another
// aspect than the frame's is shown whole, centred, with more around it on one axis.
struct ViewBox {
  double xmin = 0.0, xmax = 1.0, ymin = 0.0, ymax = 1.0;
  bool operator==(const ViewBox&) const = default;
};

}  // namespace gradscape
