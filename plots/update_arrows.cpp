#include "plots/update_arrows.h"

#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

#include "plots/curvature_glyph_shapes.h"
#include "plots/map_overlay.h"
#include "plots/pixel_layer.h"
#include "plots/text_style.h"

namespace gradscape::plots {

namespace {

// Pixels at 72 dpi.
constexpr double kMinLength = 44.0;  // shorter arrows are drawn this long, their length named
constexpr double kPartShaft = 3.5, kStepShaft = 2.0, kClippedShaft = 2.0;
constexpr double kOutline = 1.25;
constexpr double kHeadLength = 12.0, kHeadHalfWidth = 6.0;
constexpr double kDash = 7.0, kDashGap = 5.0;
constexpr double kInset = 3.0;
constexpr double kCenterDot = 3.5;
constexpr double kStepOffset = 8.0;  // a step along a part is drawn this far beside it
constexpr double kAlong = 0.26;      // radians (15 degrees): "along"
constexpr double kLabelGap = 5.0;
constexpr int kFontSize = 12;
constexpr size_t kMaxLabels = 10;
constexpr Rgb kWhite{1.0, 1.0, 1.0};

Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b)};
}

// How far the part shades mix the run's colour towards black or white at most (beyond, the hue
// is lost).
constexpr double kReach = 0.7;

// WCAG 2 relative luminance of an sRGB colour.
double relativeLuminance(Rgb c) {
  const auto linear = [](double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

// Where the step (from `from`, displacement `d` in pixels) is drawn relative to `from`: on it,
// unless a part runs along it (within kAlong of its direction and closer to its line than the
// two shafts' half-widths, their outlines and a pixel), then kStepOffset to the side the parts'
// tips lean away from.
Vec2 stepOffset(const std::vector<std::pair<Vec2, Vec2>>& parts, const Vec2& from, const Vec2& d,
                double s) {
  const double n = length(d);
  if (!(n > 0.0)) return {0.0, 0.0};
  const Vec2 u = (1.0 / n) * d, v = perp(u);
  const auto across = [&](const Vec2& p) { return (p - from)[0] * v[0] + (p - from)[1] * v[1]; };
  const double near = (0.5 * kPartShaft + 0.5 * kStepShaft + 2.0 * kOutline + 1.0) * s;
  bool along = false;
  double lean = 0.0;
  for (const auto& [a, b] : parts) {
    const Vec2 e = b - a;
    const double len = length(e);
    lean += across(b);
    if (!(len > 0.0)) continue;
    const double cosine = (e[0] * u[0] + e[1] * u[1]) / len;
    along = along ||
            (cosine > std::cos(kAlong) && std::abs(across(a)) < near && std::abs(across(b)) < near);
  }
  if (!along) return {0.0, 0.0};
  return ((lean > 0.0 ? -1.0 : 1.0) * kStepOffset * s) * v;
}

std::array<double, 2> at(VecCRef x, const PlaneProjector* projector) {
  if (projector) return (*projector)(x);
  return {x.size() > 0 ? x[0] : 0.0, x.size() > 1 ? x[1] : 0.0};
}

}  // namespace

Rgb partShade(Rgb base, size_t index, size_t count) {
  if (count < 2) return base;
  // count + 1 luminance levels evenly spaced in log(L + 0.05) (so neighbours differ by one
  // contrast ratio, WCAG 2) from base mixed kReach towards black to base mixed kReach towards
  // white; the run's own colour (the step) keeps the level nearest its luminance, the parts take
  // the others, darkest first.
  const auto level = [](Rgb c) { return std::log(relativeLuminance(c) + 0.05); };
  const auto toward = [&](double t) {
    return t < 0.0 ? mix(base, Rgb{}, -t) : mix(base, kWhite, t);
  };
  const double lo = level(toward(-kReach)), hi = level(toward(kReach)), own = level(base);
  const auto slot = [&](size_t k) { return lo + (hi - lo) * double(k) / double(count); };
  size_t taken = 0;
  for (size_t k = 1; k <= count; ++k) {
    if (std::abs(slot(k) - own) < std::abs(slot(taken) - own)) taken = k;
  }
  const double target = slot(index < taken ? index : index + 1);
  // The mix with that luminance, by bisection (luminance grows with t).
  double a = target < own ? -kReach : 0.0, b = target < own ? 0.0 : kReach;
  for (int i = 0; i < 40; ++i) {
    const double m = 0.5 * (a + b);
    (level(toward(m)) < target ? a : b) = m;
  }
  return toward(0.5 * (a + b));
}

UpdateArrows makeUpdateArrows(const UpdateParts& parts, VecCRef x, Rgb runColor,
                              const PlaneProjector* projector) {
  UpdateArrows out;
  out.iterate = at(x, projector);
  const auto flat = [&](const Vec& v) -> std::array<double, 2> {
    if (v.size() != x.size()) return {0.0, 0.0};
    const Vec moved = x + v;
    const auto end = at(moved, projector);
    return {end[0] - out.iterate[0], end[1] - out.iterate[1]};
  };
  std::array<double, 2> tip = out.iterate;
  size_t drawn = 0;
  for (const UpdatePart& part : parts.parts) drawn += part.vector.norm() > 0.0 ? 1 : 0;
  size_t index = 0;
  for (const UpdatePart& part : parts.parts) {
    if (!(part.vector.norm() > 0.0)) continue;
    const auto v = flat(part.vector);
    out.arrows.push_back(
        {UpdateArrow::Kind::Part, part.label, tip, v, partShade(runColor, index++, drawn)});
    tip = {tip[0] + v[0], tip[1] + v[1]};
  }
  const UpdateQuantity* stepQuantity = parts.quantity("step");
  const Vec step =
      stepQuantity && stepQuantity->value.size() == x.size() ? stepQuantity->value : parts.sum();
  const auto s = flat(step);
  if (drawn > 1) {
    out.arrows.push_back({UpdateArrow::Kind::Step, "step xₖ₊₁ − xₖ", out.iterate, s, runColor});
  }
  if (parts.removedByClipping.size() == x.size() && parts.removedByClipping.norm() > 0.0) {
    out.arrows.push_back({UpdateArrow::Kind::Clipped,
                          "removed by clipping",
                          {out.iterate[0] + s[0], out.iterate[1] + s[1]},
                          flat(parts.removedByClipping),
                          mix(runColor, kWhite, 0.55)});
  }
  return out;
}

struct UpdateArrowLayer::Impl {
  explicit Impl(vtkRenderer* r) : renderer(r), layer(r, true) {
    for (auto& label : labels) label = addCentredLabel(renderer, kFontSize);
  }
  vtkRenderer* renderer;
  std::optional<UpdateArrows> arrows;
  std::optional<std::array<double, 4>> box;
  double z = 0.0;
  PixelGeometry geometry;
  PixelLayer layer;
  std::array<vtkSmartPointer<vtkTextActor>, kMaxLabels> labels;
  std::vector<UpdateArrowLabel> shown;

  void build(double s);
};

void UpdateArrowLayer::Impl::build(double s) {
  const MapProjection project{renderer, z};
  const auto frame = project.visibleBox(*box, kInset * s);
  const auto c = project(arrows->iterate[0], arrows->iterate[1]);
  if (!frame || frame->empty() || !c || !frame->contains(*c)) return;
  const Rect& in = *frame;
  // Pixels per landscape unit (the map keeps equal scales on x and y).
  const auto unit = project(arrows->iterate[0] + 1.0, arrows->iterate[1]);
  if (!unit) return;
  const double perUnit = length(*unit - *c);
  if (!(perUnit > 0.0)) return;

  std::vector<Segment> obstacles;
  // The runs' paths: labels keep off them.
  for (const auto& path : arrows->paths) {
    std::optional<Vec2> previous;
    for (const auto& p : path) {
      const auto q = project(p[0], p[1]);
      if (q && previous) obstacles.push_back({*previous, *q, 2.5 * s});
      previous = q;
    }
  }

  struct Drawn {
    ArrowShape shape;
    const UpdateArrow* arrow;
    bool lengthened;
    double trueLength;
  };
  std::vector<Drawn> drawn;
  Vec2 chain = *c;  // the parts go tip to tail in pixels (lengthened ones move the rest along)
  std::vector<std::pair<Vec2, Vec2>> parts;  // as drawn: start, tip
  std::optional<Vec2> stepTip;
  for (const UpdateArrow& a : arrows->arrows) {
    // Display y grows upwards, as the landscape's does.
    Vec2 d = perUnit * Vec2{a.vector[0], a.vector[1]};
    const double trueLength = std::hypot(a.vector[0], a.vector[1]);
    if (!(length(d) > 0.0) || !std::isfinite(length(d))) continue;
    const MinimumLength lengthen = minimumLength(length(d), kMinLength * s);
    const bool lengthened = lengthen.lengthened;
    d = lengthen.factor * d;
    Vec2 start = chain;
    if (a.kind == UpdateArrow::Kind::Step) stepTip = *c + d;
    // A step along a part (momentum's carried velocity outweighing the new gradient) would hide
    // under it: it is drawn beside it, like a dimension line.
    if (a.kind == UpdateArrow::Kind::Step) start = *c + stepOffset(parts, *c, d, s);
    // From x_{k+1} as drawn: the step's tip, or a lone part's.
    if (a.kind == UpdateArrow::Kind::Clipped) start = stepTip ? *stepTip : chain;
    const ArrowShape shape = arrowShape(start, start + d, in, kHeadLength * s, kHeadHalfWidth * s);
    if (a.kind == UpdateArrow::Kind::Part) {
      parts.push_back({start, start + d});
      chain = start + d;
    }
    if (!shape.visible) continue;
    drawn.push_back({shape, &a, lengthened, trueLength});
  }
  // The step first (under the parts), then the parts, then the clipped part.
  std::stable_sort(drawn.begin(), drawn.end(), [](const Drawn& x, const Drawn& y) {
    const auto rank = [](UpdateArrow::Kind k) {
      return k == UpdateArrow::Kind::Step ? 0 : k == UpdateArrow::Kind::Part ? 1 : 2;
    };
    return rank(x.arrow->kind) < rank(y.arrow->kind);
  });
  std::vector<StrokeGroup> groups;
  for (const Drawn& d : drawn) {
    StrokeGroup group(d.arrow->color, kOutline * s);
    const ArrowShape& shape = d.shape;
    switch (d.arrow->kind) {
      case UpdateArrow::Kind::Part:
        group.arrow(shape, 0.5 * kPartShaft * s, 7.0 * s, in);
        break;
      case UpdateArrow::Kind::Step:
        group.arrow(shape, 0.5 * kStepShaft * s, 7.0 * s, in);
        break;
      case UpdateArrow::Kind::Clipped: {
        const Vec2 base = shape.tip - shape.head * shape.direction;
        group.dashed(shape.start, base, 0.5 * kClippedShaft * s, kDash * s, kDashGap * s, in);
        const Vec2 v = perp(shape.direction);
        group.triangle(shape.tip, base + shape.headHalfWidth * v, base - shape.headHalfWidth * v);
        break;
      }
    }
    groups.push_back(group);
    const Vec2 base = shape.tip - shape.head * shape.direction;
    obstacles.push_back({shape.start, base, (0.5 * kPartShaft + kOutline) * s});
    obstacles.push_back({base, shape.tip, shape.headHalfWidth + kOutline * s});
  }
  for (const auto& g : groups) g.draw(geometry);
  StrokeGroup dot(kWhite, kOutline * s);
  dot.disk(*c, kCenterDot * s);
  dot.draw(geometry);

  // Labels beyond or beside each arrow's head, where they cover the least.
  std::vector<Rect> placed;
  const double gap = kLabelGap * s;
  for (size_t k = 0; k < drawn.size() && k < labels.size(); ++k) {
    const Drawn& d = drawn[k];
    std::string text = d.arrow->label;
    if (d.lengthened) text += trueLengthNote(d.trueLength);
    if (d.shape.clipped) text += " (cut)";
    text = displayable(text);
    vtkTextActor* label = labels[k];
    const Vec2 extent = labelBoxSize(label, text, s);
    const ArrowLabelGaps gaps{gap + kOutline * s, (0.5 * kHeadHalfWidth + kOutline) * s + gap,
                              (0.5 * kPartShaft + kOutline) * s + gap, 80.0 * s};
    // Crowded arrows (short ones drawn at the minimum length around one spot) leave no free
    // place next to a head: the same places one and two label heights further out, at the cost
    // of the distance, come after them.
    std::vector<Candidate> places;
    for (int ring = 0; ring < 3; ++ring) {
      const double out = ring * (extent[1] + gap);
      const ArrowLabelGaps further{gaps.tip + out, gaps.head + out, gaps.shaft + out,
                                   gaps.shaftPenalty};
      for (Candidate place : arrowLabelPlaces(d.shape, extent, further)) {
        place.penalty += out;
        places.push_back(place);
      }
    }
    const Rect b = bestBox(places, in, placed, obstacles);
    placed.push_back(b);
    shown.push_back({text, {b.x0, b.y0, b.x1, b.y1}});
    showBoxedLabel(geometry, label, text, b, d.arrow->color, 2.0, s);
  }
}

UpdateArrowLayer::UpdateArrowLayer(vtkRenderer* renderer)
    : impl_(std::make_unique<Impl>(renderer)) {}

UpdateArrowLayer::~UpdateArrowLayer() {
  for (auto& label : impl_->labels) impl_->renderer->RemoveActor2D(label);
}

void UpdateArrowLayer::setArrows(std::optional<UpdateArrows> arrows) {
  impl_->arrows = std::move(arrows);
}

const std::optional<UpdateArrows>& UpdateArrowLayer::arrows() const {
  return impl_->arrows;
}

const std::vector<UpdateArrowLabel>& UpdateArrowLayer::shownLabels() const {
  return impl_->shown;
}

void UpdateArrowLayer::setBox(std::optional<std::array<double, 4>> xminXmaxYminYmax, double z) {
  impl_->box = xminXmaxYminYmax;
  impl_->z = z;
}

void UpdateArrowLayer::update(double dpiScale) {
  Impl& d = *impl_;
  d.geometry.clear();
  d.shown.clear();
  for (auto& label : d.labels) label->SetVisibility(0);
  if (d.arrows && d.box && d.renderer->GetRenderWindow() != nullptr) d.build(dpiScale);
  d.layer.draw(d.geometry);
}

}  // namespace gradscape::plots
