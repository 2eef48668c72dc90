#pragma once
// One run's next step taken apart on the 2-D map (issue 12, section 4): from the iterate, one
// arrow per term of the update (UpdateParts), tip to tail, each labelled with the term as the
// formula writes it and drawn in a shade of the run's colour; then the resulting step in the
// run's colour, and what gradient clipping took off as a faded dashed arrow from x_{k+1}. Plain
// data here; the layer keeps VTK behind pimpl.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis/slice_plane.h"
#include "core/optimizers/update_parts.h"
#include "plots/rgb.h"

class vtkRenderer;

namespace gradscape::plots {

struct UpdateArrow {
  enum class Kind { Part, Step, Clipped };
  Kind kind = Kind::Part;
  std::string label;               // Unicode, e.g. "−lr·μ·bₜ₋₁"
  std::array<double, 2> from{};    // landscape coordinates (on the slice, for N-D problems)
  std::array<double, 2> vector{};  // the displacement, likewise
  Rgb color;
};

struct UpdateArrows {
  std::array<double, 2> iterate{};
  // The parts tip to tail from the iterate (zero parts left out), then the step when there is
  // more than one part, then the clipped part.
  std::vector<UpdateArrow> arrows;
  // The runs' paths near the iterate (landscape coordinates, each a polyline): labels keep off
  // them.
  std::vector<std::vector<std::array<double, 2>>> paths;
};

// Part `index` of `count` in the run's colour family, darkest first: mixes of `base` with black
// or white (at most 70%) whose luminances, with base's own (the step's colour), are evenly spaced
// in contrast ratio; `base` itself when there is one part. Two parts of any palette colour differ
// from each other and from `base` by a WCAG contrast ratio of at least 1.7.
Rgb partShade(Rgb base, size_t index, size_t count);

// The arrows of `parts` at the iterate `x`: as they are for 2-D problems (`projector` null), else
// each vector v projected on the slice as projector(x + v) - projector(x).
UpdateArrows makeUpdateArrows(const UpdateParts& parts, VecCRef x, Rgb runColor,
                              const PlaneProjector* projector = nullptr);

// A label as drawn: its text and its box in viewport pixels {x0, y0, x1, y1}.
struct UpdateArrowLabel {
  std::string text;
  std::array<double, 4> box{};
};

// The arrows as an overlay of a renderer, in pixels over the map (re-laid out before every
// render, clipped to the visible part of the landscape box). An arrow shorter than a minimum
// length on screen (44 px at 72 dpi) is drawn at that length and its label gives its true length.
// A step that a part runs along (SGD with momentum, whose carried velocity outweighs the new
// gradient) is drawn 8 px beside it, so both stay visible. The clipped part is dashed.
class UpdateArrowLayer {
 public:
  explicit UpdateArrowLayer(vtkRenderer* renderer);
  ~UpdateArrowLayer();
  UpdateArrowLayer(const UpdateArrowLayer&) = delete;
  UpdateArrowLayer& operator=(const UpdateArrowLayer&) = delete;

  void setArrows(std::optional<UpdateArrows> arrows);
  const std::optional<UpdateArrows>& arrows() const;
  // The labels the last update() drew.
  const std::vector<UpdateArrowLabel>& shownLabels() const;
  void setBox(std::optional<std::array<double, 4>> xminXmaxYminYmax, double z);
  // `dpiScale` (DPI / 72) scales widths and text.
  void update(double dpiScale);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
