#pragma once
// The axes of the 2-D map: a frame around the landscape box, outward ticks at round numbers with
// their labels on the bottom (x) and left (y) edges, and the axis titles. Placed in world
// coordinates so they follow pan and zoom; tick lengths and label gaps are kept in pixels by
// update().
#include <array>
#include <memory>
#include <string>

class vtkRenderer;

namespace gradscape::plots {

class FrameAxes {
 public:
  explicit FrameAxes(vtkRenderer* renderer);
  ~FrameAxes();
  FrameAxes(const FrameAxes&) = delete;
  FrameAxes& operator=(const FrameAxes&) = delete;

  // The box and the z of the plane the frame is drawn in.
  void setBox(double xmin, double xmax, double ymin, double ymax, double z);
  void setTitles(const std::string& x, const std::string& y);
  void setVisible(bool visible);
  // Re-places ticks and labels for the current zoom (world units per device pixel) and the
  // window's text scale (DPI / 72).
  void update(double worldPerPixel, double dpiScale);
  // Pixels (at 72 dpi) the labels and titles take left of and below the frame.
  double leftMargin() const;
  double bottomMargin() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
