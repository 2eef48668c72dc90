#include "plots/update_arrows.h"

#include <vtkCoordinate.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "plots/curvature_glyph_shapes.h"
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
constexpr double kLabelGap = 5.0;
constexpr double kLabelPadX = 4.0, kLabelPadY = 2.0;
constexpr int kFontSize = 12;
constexpr size_t kMaxLabels = 10;
constexpr Rgb kWhite{1.0, 1.0, 1.0};

Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b)};
}

std::array<double, 2> at(VecCRef x, const PlaneProjector* projector) {
  if (projector) return (*projector)(x);
  return {x.size() > 0 ? x[0] : 0.0, x.size() > 1 ? x[1] : 0.0};
}

// "0.0012", "3.4e-05": the true length of a lengthened arrow.
std::string lengthText(double length) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.2g", length);
  return digits;
}

}  // namespace

Rgb partShade(Rgb base, size_t index, size_t count) {
  if (count < 2) return base;
  // From 40% towards black to 45% towards white.
  const double t = -0.4 + 0.85 * static_cast<double>(index) / static_cast<double>(count - 1);
  return t < 0.0 ? mix(base, Rgb{}, -t) : mix(base, kWhite, t);
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

  std::optional<Vec2> project(double x, double y) const {
    if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    renderer->SetWorldPoint(x, y, z, 1.0);
    renderer->WorldToDisplay();
    const double* p = renderer->GetDisplayPoint();
    const int* origin = renderer->GetOrigin();
    if (!std::isfinite(p[0]) || !std::isfinite(p[1])) return std::nullopt;
    return Vec2{p[0] - origin[0], p[1] - origin[1]};
  }
  std::optional<Rect> inside() const;
  void build(double s);
};

std::optional<Rect> UpdateArrowLayer::Impl::inside() const {
  const int* size = renderer->GetSize();
  if (size[0] < 2 || size[1] < 2) return std::nullopt;
  const auto& [xmin, xmax, ymin, ymax] = *box;
  const auto lo = project(xmin, ymin), hi = project(xmax, ymax);
  if (!lo || !hi) return std::nullopt;
  const Rect visible{std::max(0.0, std::min((*lo)[0], (*hi)[0])),
                     std::max(0.0, std::min((*lo)[1], (*hi)[1])),
                     std::min(double(size[0]), std::max((*lo)[0], (*hi)[0])),
                     std::min(double(size[1]), std::max((*lo)[1], (*hi)[1]))};
  return visible.inset(kInset);
}

void UpdateArrowLayer::Impl::build(double s) {
  const auto frame = inside();
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
  std::optional<Vec2> stepTip;
  for (const UpdateArrow& a : arrows->arrows) {
    // Display y grows upwards, as the landscape's does.
    Vec2 d = perUnit * Vec2{a.vector[0], a.vector[1]};
    const double trueLength = std::hypot(a.vector[0], a.vector[1]);
    if (!(length(d) > 0.0) || !std::isfinite(length(d))) continue;
    const bool lengthened = length(d) < kMinLength * s;
    if (lengthened) d = (kMinLength * s / length(d)) * d;
    Vec2 start = chain;
    if (a.kind == UpdateArrow::Kind::Step) start = *c;
    // From x_{k+1} as drawn: the step's tip, or a lone part's.
    if (a.kind == UpdateArrow::Kind::Clipped) start = stepTip ? *stepTip : chain;
    const ArrowShape shape = arrowShape(start, start + d, in, kHeadLength * s, kHeadHalfWidth * s);
    if (a.kind == UpdateArrow::Kind::Part) chain = start + d;
    if (a.kind == UpdateArrow::Kind::Step) stepTip = start + d;
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
    if (d.lengthened) text += "  (length " + lengthText(d.trueLength) + ")";
    if (d.shape.clipped) text += " (cut)";
    text = displayable(text);
    vtkTextActor* label = labels[k];
    const Vec2 e = textExtent(label->GetTextProperty(), text);
    const Vec2 extent{(e[0] + 2.0 * kLabelPadX) * s, (e[1] + 2.0 * kLabelPadY) * s};
    const ArrowLabelGaps gaps{gap + kOutline * s, (0.5 * kHeadHalfWidth + kOutline) * s + gap,
                              (0.5 * kPartShaft + kOutline) * s + gap, 80.0 * s};
    const Rect b = bestBox(arrowLabelPlaces(d.shape, extent, gaps), in, placed, obstacles);
    placed.push_back(b);
    geometry.setColor(kWhite, 0.9);
    geometry.rect(b.x0, b.y0, b.x1, b.y1);
    geometry.setColor(d.arrow->color);
    geometry.frame(b.x0, b.y0, b.x1, b.y1, std::max(1.0, std::round(2.0 * s)));
    label->SetInput(text.c_str());
    label->GetPositionCoordinate()->SetValue(std::round(0.5 * (b.x0 + b.x1)),
                                             std::round(0.5 * (b.y0 + b.y1)));
    label->SetVisibility(1);
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

void UpdateArrowLayer::setBox(std::optional<std::array<double, 4>> xminXmaxYminYmax, double z) {
  impl_->box = xminXmaxYminYmax;
  impl_->z = z;
}

void UpdateArrowLayer::update(double dpiScale) {
  Impl& d = *impl_;
  d.geometry.clear();
  for (auto& label : d.labels) label->SetVisibility(0);
  if (d.arrows && d.box && d.renderer->GetRenderWindow() != nullptr) d.build(dpiScale);
  d.layer.draw(d.geometry);
}

}  // namespace gradscape::plots
