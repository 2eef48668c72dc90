#pragma once
// Clipping at the contour map's frame: when the map is zoomed in or panned, the landscape, its
// isolines, arrows and the paths would otherwise run past the frame, under the title, the colour
// bar and the axis labels. Four world planes at the frame's edges (one pixel of slack keeps the
// frame's own edge), for a parallel camera looking down -z with +y up.
#include <vtkNew.h>

#include <array>

class vtkPlane;
class vtkPlaneCollection;
class vtkRenderer;

namespace gradscape::plots {

class FrameClip {
 public:
  FrameClip();
  ~FrameClip();
  FrameClip(const FrameClip&) = delete;
  FrameClip& operator=(const FrameClip&) = delete;

  // Moves the planes to the frame `box` {left, bottom, width, height} (viewport pixels of a
  // w x h viewport) under `renderer`'s camera and clips every actor of `renderer` with them.
  // Returns the frame as a viewport rectangle {x0, y0, x1, y1} with the slack.
  std::array<double, 4> update(vtkRenderer* renderer, const std::array<double, 4>& box, double w,
                               double h);
  vtkPlaneCollection* planes() const;

 private:
  vtkNew<vtkPlaneCollection> planes_;
  std::array<vtkNew<vtkPlane>, 4> edges_;
};

}  // namespace gradscape::plots
