#pragma once
// What the pixel overlays of the contour map (the curvature glyph, the update arrows) share:
// landscape points in viewport pixels, the visible part of the landscape box, boxed labels, and
// arrows too short to see drawn at a minimum length whose label then names the true length.
// Internal to plots/: include it from .cpp files only.
#include <array>
#include <optional>
#include <string>

#include "plots/curvature_glyph_shapes.h"
#include "plots/rgb.h"

class vtkRenderer;
class vtkTextActor;

namespace gradscape::plots {

// Landscape points of the plane z in viewport pixels (origin bottom-left) of `renderer`.
struct MapProjection {
  vtkRenderer* renderer = nullptr;
  double z = 0.0;
  std::optional<Vec2> operator()(double x, double y) const;
  // The part of the box {xmin, xmax, ymin, ymax} inside the viewport, inset by `inset` pixels;
  // nullopt when the viewport is empty or the box does not project.
  std::optional<Rect> visibleBox(const std::array<double, 4>& box, double inset) const;
};

// Label text padding around the text, in pixels at 72 dpi.
inline constexpr double kLabelPadX = 4.0, kLabelPadY = 2.0;

// The box a label of `text` (already displayable) needs, `s` = DPI / 72.
Vec2 labelBoxSize(vtkTextActor* label, const std::string& text, double s);

// A white box with a frame of `frameColor` (`frameWidth` pixels at 72 dpi) into `geometry`, and
// `label` (made by addCentredLabel) showing `text` (already displayable) at its centre.
void showBoxedLabel(PixelGeometry& geometry, vtkTextActor* label, const std::string& text,
                    const Rect& box, Rgb frameColor, double frameWidth, double s);

// "0.0012", "3.4e-05": a true length with 2 significant digits.
std::string lengthText(double length);

// An arrow of `pixels` on screen drawn at least `minimum` pixels long: the factor to apply to
// its displacement (1 when long enough) and whether it was lengthened.
struct MinimumLength {
  double factor = 1.0;
  bool lengthened = false;
};
MinimumLength minimumLength(double pixels, double minimum);

// What a lengthened arrow's label adds: "  (true length 0.0012)".
std::string trueLengthNote(double length);

}  // namespace gradscape::plots
