#pragma once
// Flat shapes in viewport pixels (markers, colour bar bands, legend symbols, frames) collected
// as triangles with one RGBA colour per vertex, written out for a vtkPolyDataMapper2D.
#include <array>
#include <vector>
#include "plots/rgb.h"

class vtkPolyData;

namespace gradscape::plots {

class PixelGeometry {
 public:
  void clear();
  // The colour of the shapes added next.
  void setColor(const Rgb& color, double opacity = 1.0);

  void triangle(double ax, double ay, double bx, double by, double cx, double cy);
  // An axis-aligned rectangle.
  void rect(double x0, double y0, double x1, double y1);
  // The outline of an axis-aligned rectangle, `width` pixels wide, inside its edges.
  void frame(double x0, double y0, double x1, double y1, double width);
  // A polygon that is star-shaped with respect to (cx, cy), as a triangle fan.
  void fan(double cx, double cy, const std::vector<std::array<double, 2>>& rim);
  void disk(double cx, double cy, double r);
  void ring(double cx, double cy, double outer, double inner);
  // A rectangle of half-length l along direction `angle` (radians) and half-width w across it.
  void bar(double cx, double cy, double l, double w, double angle);
  // A five-pointed star, one point up.
  void star(double cx, double cy, double outer, double inner);

  bool empty() const { return xy_.empty(); }
  // Replaces the points, triangles and point colours of `out`.
  void write(vtkPolyData* out) const;

 private:
  std::vector<float> xy_;
  std::vector<unsigned char> rgba_;
  std::array<unsigned char, 4> color_{0, 0, 0, 255};
};

}  // namespace gradscape::plots
