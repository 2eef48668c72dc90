#pragma once
// The axes of the 2-D maps (the contour map, the decision map): a frame around the plot box,
// outward ticks at round numbers of the range the box shows, their labels on the bottom (x) and
// left (y) edges, and the axis titles. All of it is placed in viewport pixels around the box, so
// when the map is zoomed or panned the frame stays where it is and the ticks follow the range on
// show. update() recomputes ticks and labels only when the box, the range or the text scale
// changed.
#include <array>
#include <memory>
#include <string>
#include <vector>

class vtkCamera;
class vtkRenderer;

namespace gradscape::plots {

// The world range {xmin, xmax, ymin, ymax} that a parallel camera looking down -z (+y up) shows
// in the rectangle `box` {left, bottom, width, height} of a w x h viewport (pixels).
std::array<double, 4> shownRange(vtkCamera* camera, const std::array<double, 4>& box, double w,
                                 double h);
// The inverse: points `camera` (parallel, looking down -z from `distance`, +y up) so that world
// (cx, cy) is at the centre of `box` in a w x h viewport, at `wpp` world units per pixel; its
// clipping range holds z in [-size, 2 size] (the scene's props).
void showAtBoxCentre(vtkCamera* camera, double cx, double cy, double wpp,
                     const std::array<double, 4>& box, double w, double h, double size);

// One axis's ticks in the last update().
struct AxisTicks {
  std::vector<double> values;       // increasing, inside the range shown
  std::vector<std::string> labels;  // as drawn
  double step = 0.0;                // 1, 2 or 5 times a power of ten
};

class FrameAxes {
 public:
  explicit FrameAxes(vtkRenderer* renderer);
  ~FrameAxes();
  FrameAxes(const FrameAxes&) = delete;
  FrameAxes& operator=(const FrameAxes&) = delete;

  void setTitles(const std::string& x, const std::string& y);
  void setVisible(bool visible);
  // Frames `box` {left, bottom, width, height} (viewport pixels) and ticks the world `range`
  // {xmin, xmax, ymin, ymax} it shows, with text at `dpiScale` (DPI / 72). About one tick per
  // 100 px (at 72 dpi) of the box's side, fewer when their labels would come closer than a gap.
  // Returns true when leftMargin() or bottomMargin() changed (the caller lays out again).
  bool update(const std::array<double, 4>& box, const std::array<double, 4>& range,
              double dpiScale);
  // Pixels (at 72 dpi) the labels and titles take left of and below the frame.
  double leftMargin() const;
  double bottomMargin() const;

  const AxisTicks& xTicks() const;
  const AxisTicks& yTicks() const;
  // The tick labels' boxes {x0, y0, x1, y1} in viewport pixels as VTK lays the text out (x
  // labels first); empty before a renderer has a window.
  std::vector<std::array<double, 4>> labelBoxes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
