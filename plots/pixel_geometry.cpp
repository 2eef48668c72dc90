#include "plots/pixel_geometry.h"

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkTypeInt64Array.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace gradscape::plots {

namespace {
constexpr int kCircleSegments = 28;

unsigned char toByte(double v) {
  if (!(v > 0.0)) return 0;  // NaN too
  return static_cast<unsigned char>(std::lround(std::min(v, 1.0) * 255.0));
}
}  // namespace

void PixelGeometry::clear() {
  xy_.clear();
  rgba_.clear();
}

void PixelGeometry::setColor(const Rgb& c, double opacity) {
  color_ = {toByte(c.r), toByte(c.g), toByte(c.b), toByte(opacity)};
}

void PixelGeometry::triangle(double ax, double ay, double bx, double by, double cx, double cy) {
  for (double v : {ax, ay, bx, by, cx, cy}) xy_.push_back(static_cast<float>(v));
  for (int k = 0; k < 3; ++k) rgba_.insert(rgba_.end(), color_.begin(), color_.end());
}

void PixelGeometry::rect(double x0, double y0, double x1, double y1) {
  triangle(x0, y0, x1, y0, x1, y1);
  triangle(x0, y0, x1, y1, x0, y1);
}

void PixelGeometry::frame(double x0, double y0, double x1, double y1, double width) {
  rect(x0, y0, x1, y0 + width);
  rect(x0, y1 - width, x1, y1);
  rect(x0, y0 + width, x0 + width, y1 - width);
  rect(x1 - width, y0 + width, x1, y1 - width);
}

void PixelGeometry::fan(double cx, double cy, const std::vector<std::array<double, 2>>& rim) {
  for (size_t k = 0; k < rim.size(); ++k) {
    const auto& a = rim[k];
    const auto& b = rim[(k + 1) % rim.size()];
    triangle(cx, cy, a[0], a[1], b[0], b[1]);
  }
}

void PixelGeometry::disk(double cx, double cy, double r) {
  ring(cx, cy, r, 0.0);
}

void PixelGeometry::ring(double cx, double cy, double outer, double inner) {
  for (int k = 0; k < kCircleSegments; ++k) {
    const double a0 = 2.0 * std::numbers::pi * k / kCircleSegments;
    const double a1 = 2.0 * std::numbers::pi * (k + 1) / kCircleSegments;
    const double c0 = std::cos(a0), s0 = std::sin(a0), c1 = std::cos(a1), s1 = std::sin(a1);
    triangle(cx + outer * c0, cy + outer * s0, cx + outer * c1, cy + outer * s1, cx + inner * c1,
             cy + inner * s1);
    if (inner > 0.0) {
      triangle(cx + outer * c0, cy + outer * s0, cx + inner * c1, cy + inner * s1, cx + inner * c0,
               cy + inner * s0);
    }
  }
}

void PixelGeometry::bar(double cx, double cy, double l, double w, double angle) {
  const double ux = std::cos(angle), uy = std::sin(angle);
  const double vx = -uy, vy = ux;
  fan(cx, cy,
      {{{cx - l * ux - w * vx, cy - l * uy - w * vy}},
       {{cx + l * ux - w * vx, cy + l * uy - w * vy}},
       {{cx + l * ux + w * vx, cy + l * uy + w * vy}},
       {{cx - l * ux + w * vx, cy - l * uy + w * vy}}});
}

void PixelGeometry::star(double cx, double cy, double outer, double inner) {
  std::vector<std::array<double, 2>> rim;
  for (int k = 0; k < 10; ++k) {
    const double r = k % 2 == 0 ? outer : inner;
    const double a = std::numbers::pi / 2 + std::numbers::pi * k / 5;
    rim.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
  fan(cx, cy, rim);
}

void PixelGeometry::write(vtkPolyData* out) const {
  const auto vertices = static_cast<vtkIdType>(xy_.size() / 2);
  vtkNew<vtkFloatArray> xyz;
  xyz->SetNumberOfComponents(3);
  xyz->SetNumberOfTuples(vertices);
  float* p = xyz->GetPointer(0);
  for (vtkIdType k = 0; k < vertices; ++k) {
    p[3 * k] = xy_[static_cast<size_t>(2 * k)];
    p[3 * k + 1] = xy_[static_cast<size_t>(2 * k + 1)];
    p[3 * k + 2] = 0.0f;
  }
  vtkNew<vtkPoints> points;
  points->SetData(xyz);
  vtkNew<vtkUnsignedCharArray> colors;
  colors->SetNumberOfComponents(4);
  colors->SetNumberOfTuples(vertices);
  std::copy(rgba_.begin(), rgba_.end(), colors->GetPointer(0));
  // Vertices 3k, 3k+1, 3k+2 form triangle k.
  vtkNew<vtkTypeInt64Array> offsets, connectivity;
  offsets->SetNumberOfValues(vertices / 3 + 1);
  connectivity->SetNumberOfValues(vertices);
  for (vtkIdType k = 0; k <= vertices / 3; ++k) offsets->SetValue(k, 3 * k);
  for (vtkIdType k = 0; k < vertices; ++k) connectivity->SetValue(k, k);
  vtkNew<vtkCellArray> triangles;
  triangles->SetData(offsets, connectivity);
  out->SetPoints(points);
  out->SetPolys(triangles);
  out->GetPointData()->SetScalars(colors);
  out->Modified();
}

}  // namespace gradscape::plots
