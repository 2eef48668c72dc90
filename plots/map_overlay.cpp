#include "plots/map_overlay.h"

#include <vtkCoordinate.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "plots/text_style.h"

namespace gradscape::plots {

std::optional<Vec2> MapProjection::operator()(double x, double y) const {
  if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
  renderer->SetWorldPoint(x, y, z, 1.0);
  renderer->WorldToDisplay();
  const double* p = renderer->GetDisplayPoint();
  const int* origin = renderer->GetOrigin();
  if (!std::isfinite(p[0]) || !std::isfinite(p[1])) return std::nullopt;
  return Vec2{p[0] - origin[0], p[1] - origin[1]};
}

std::optional<Rect> MapProjection::visibleBox(const std::array<double, 4>& box,
                                              double inset) const {
  const int* size = renderer->GetSize();
  if (size[0] < 2 || size[1] < 2) return std::nullopt;
  const auto& [xmin, xmax, ymin, ymax] = box;
  const auto lo = (*this)(xmin, ymin), hi = (*this)(xmax, ymax);
  if (!lo || !hi) return std::nullopt;
  const Rect visible{std::max(0.0, std::min((*lo)[0], (*hi)[0])),
                     std::max(0.0, std::min((*lo)[1], (*hi)[1])),
                     std::min(double(size[0]), std::max((*lo)[0], (*hi)[0])),
                     std::min(double(size[1]), std::max((*lo)[1], (*hi)[1]))};
  return visible.inset(inset);
}

Vec2 labelBoxSize(vtkTextActor* label, const std::string& text, double s) {
  const Vec2 e = textExtent(label->GetTextProperty(), text);
  return {(e[0] + 2.0 * kLabelPadX) * s, (e[1] + 2.0 * kLabelPadY) * s};
}

void showBoxedLabel(PixelGeometry& geometry, vtkTextActor* label, const std::string& text,
                    const Rect& box, Rgb frameColor, double frameWidth, double s) {
  geometry.setColor({1.0, 1.0, 1.0}, 0.9);
  geometry.rect(box.x0, box.y0, box.x1, box.y1);
  geometry.setColor(frameColor);
  geometry.frame(box.x0, box.y0, box.x1, box.y1, std::max(1.0, std::round(frameWidth * s)));
  label->SetInput(text.c_str());
  label->GetPositionCoordinate()->SetValue(std::round(0.5 * (box.x0 + box.x1)),
                                           std::round(0.5 * (box.y0 + box.y1)));
  label->SetVisibility(1);
}

std::string lengthText(double length) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.2g", length);
  return digits;
}

MinimumLength minimumLength(double pixels, double minimum) {
  if (!(pixels > 0.0) || pixels >= minimum) return {};
  return {minimum / pixels, true};
}

std::string trueLengthNote(double length) {
  return "  (true length " + lengthText(length) + ")";
}

}  // namespace gradscape::plots
