#include "plots/curvature_glyph.h"

#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <utility>
#include <vector>

#include "plots/curvature_glyph_shapes.h"
#include "plots/map_overlay.h"
#include "plots/pixel_layer.h"
#include "plots/text_style.h"

namespace gradscape::plots {

namespace {

// Pixels at 72 dpi.
constexpr double kLongestFraction = 0.18;  // of the smaller side of the visible box
constexpr double kShortestAxis = 8.0;
constexpr double kAxisWidth = 3.0;
constexpr double kEllipseWidth = 1.5;
constexpr double kOutline = 1.25;
constexpr double kDash = 9.0, kDashGap = 6.0;
constexpr double kShaftWidth = 3.5;
constexpr double kHeadLength = 14.0, kHeadHalfWidth = 7.0;
constexpr double kBreakGap = 7.0;   // the gap of a clipped arrow's break mark
constexpr double kInset = 3.0;      // the glyph keeps this far inside the frame
constexpr double kCenterDot = 3.5;  // radius
constexpr double kLabelGap = 5.0;
constexpr double kMinStep = 44.0;  // shorter steps are drawn this long, their length named
constexpr int kFontSize = 12;
constexpr int kEllipseSegments = 96;
constexpr Rgb kLabelFrame{0.62, 0.62, 0.62};

// The glyph in viewport pixels: its center, the part of the box it may draw in (the visible
// part, inset), the screen directions of the eigenvectors and the axes' half-lengths.
struct GlyphFrame {
  Vec2 center{};
  Rect inside;
  std::array<Vec2, 2> dir{};
  std::array<double, 2> half{};
};

// Where a label's box lies and what it shows.
struct LabelSpot {
  std::string text;
  Rect box;
  Rgb frame;
  double frameWidth;
};

}  // namespace

std::string eigenvalueLabel(double lambda) {
  if (!std::isfinite(lambda)) return "λ = ?";
  char digits[32];
  const double a = std::abs(lambda);
  if (a == 0.0 || (a >= 1e-3 && a < 1e4)) {
    std::snprintf(digits, sizeof digits, "%.4g", a);
  } else if (a >= 1e4 && a < 1e6) {
    std::snprintf(digits, sizeof digits, "%.0f", a);  // every integer digit: "12346"
  } else {
    int exponent = static_cast<int>(std::floor(std::log10(a)));
    double mantissa = a / std::pow(10.0, exponent);
    if (mantissa >= 9.9995) {  // would print as "10"
      mantissa /= 10.0;
      ++exponent;
    }
    std::snprintf(digits, sizeof digits, "%.4ge%d", mantissa, exponent);
  }
  return std::string("λ = ") + (lambda < 0.0 ? "\u2212" : "") + digits;
}

std::array<double, 2> glyphHalfAxes(const std::array<double, 2>& eigenvalues, double longest,
                                    double shortest) {
  const double a0 = std::abs(eigenvalues[0]), a1 = std::abs(eigenvalues[1]);
  const double flattest = std::min(a0, a1);
  const auto half = [&](double a) {
    if (a == 0.0) return longest;
    return std::clamp(longest * std::sqrt(flattest / a), std::min(shortest, longest), longest);
  };
  return {half(a0), half(a1)};
}

struct CurvatureGlyphLayer::Impl {
  explicit Impl(vtkRenderer* r) : renderer(r), layer(r, true) {
    for (auto& label : labels) label = addCentredLabel(renderer, kFontSize);
  }
  vtkRenderer* renderer;
  std::optional<CurvatureGlyph> glyph;
  std::string note;
  std::optional<std::array<double, 4>> box;
  double z = 0.0;
  PixelGeometry geometry;
  PixelLayer layer;
  // Two axes, two arrows, the note.
  std::array<vtkSmartPointer<vtkTextActor>, 5> labels;
  std::vector<std::string> shown;

  MapProjection project() const { return {renderer, z}; }
  // Where the glyph goes; nullopt when it is not drawable or its center is out of view.
  std::optional<GlyphFrame> frame(double s) const;
  void build(double s, std::vector<Rect>& placed, std::vector<Segment>& obstacles);
  void buildNote(double s, const std::vector<Rect>& placed, const std::vector<Segment>& obstacles);
  void show(size_t slot, const LabelSpot& spot, double s);
};

void CurvatureGlyphLayer::Impl::show(size_t slot, const LabelSpot& spot, double s) {
  const std::string text = displayable(spot.text);
  showBoxedLabel(geometry, labels[slot], text, spot.box, spot.frame, spot.frameWidth, s);
  shown.push_back(text);
}

std::optional<GlyphFrame> CurvatureGlyphLayer::Impl::frame(double s) const {
  const CurvatureGlyph& gl = *glyph;
  for (double v : {gl.eigenvalues[0], gl.eigenvalues[1], gl.axes[0][0], gl.axes[0][1],
                   gl.axes[1][0], gl.axes[1][1]}) {
    if (!std::isfinite(v)) return std::nullopt;
  }
  const auto& [xmin, xmax, ymin, ymax] = *box;
  const MapProjection project = this->project();
  const auto visible = project.visibleBox(*box, 0.0);
  const auto c = project(gl.center[0], gl.center[1]);
  if (!visible || !c) return std::nullopt;
  GlyphFrame f;
  f.center = *c;
  f.inside = visible->inset(kInset * s);
  if (f.inside.empty() || !f.inside.contains(f.center)) return std::nullopt;
  // Screen directions of the eigenvectors (the map keeps angles: equal scales on x and y).
  const double reach = std::max(xmax - xmin, ymax - ymin);
  for (size_t i = 0; i < 2; ++i) {
    const auto& a = gl.axes[i];
    const double n = std::hypot(a[0], a[1]);
    if (!(n > 0.0)) return std::nullopt;
    const auto end = project(gl.center[0] + reach * a[0] / n, gl.center[1] + reach * a[1] / n);
    if (!end || !(length(*end - f.center) > 0.0)) return std::nullopt;
    f.dir[i] = (1.0 / length(*end - f.center)) * (*end - f.center);
  }
  const double longest = kLongestFraction * std::min(visible->width(), visible->height());
  f.half = glyphHalfAxes(gl.eigenvalues, longest, kShortestAxis * s);
  return f;
}

void CurvatureGlyphLayer::Impl::build(double s, std::vector<Rect>& placed,
                                      std::vector<Segment>& obstacles) {
  const auto f = frame(s);
  if (!f) return;
  const CurvatureGlyph& gl = *glyph;
  const Vec2& c = f->center;
  const Rect& inside = f->inside;
  const auto& dir = f->dir;
  const auto& half = f->half;

  // The model: its level set 1/2 d'Hd = const through the axis ends (an ellipse when H is
  // definite), and the axes, solid for positive and dashed for negative curvature.
  StrokeGroup model(kGlyphAxisColor, kOutline * s);
  if (gl.eigenvalues[0] * gl.eigenvalues[1] > 0.0) {
    Vec2 previous = c + half[0] * dir[0];
    for (int k = 1; k <= kEllipseSegments; ++k) {
      const double t = 2.0 * std::numbers::pi * k / kEllipseSegments;
      const Vec2 p = c + (half[0] * std::cos(t)) * dir[0] + (half[1] * std::sin(t)) * dir[1];
      model.segment(previous, p, 0.5 * kEllipseWidth * s, inside);
      previous = p;
    }
  }
  for (size_t i = 0; i < 2; ++i) {
    const Vec2 a = c - half[i] * dir[i], b = c + half[i] * dir[i];
    if (gl.eigenvalues[i] < 0.0) {
      model.dashed(a, b, 0.5 * kAxisWidth * s, kDash * s, kDashGap * s, inside);
    } else {
      model.segment(a, b, 0.5 * kAxisWidth * s, inside);
    }
  }

  // The steps at true length (at least kMinStep long on screen, their label then naming the
  // true length), cut at the frame with a break mark when they leave it.
  struct Step {
    const std::optional<std::array<double, 2>>& step;
    Rgb color;
    const char* name;
  };
  const std::array<Step, 2> steps{Step{gl.gradientStep, kGradientStepColor, "gradient step"},
                                  Step{gl.newtonStep, kNewtonStepColor, "Newton step"}};
  std::vector<std::pair<double, StrokeGroup>> arrows;  // drawn length, strokes
  struct DrawnStep {
    ArrowShape shape;
    const Step* step;
    std::string text;
  };
  std::vector<DrawnStep> drawnArrows;
  const MapProjection project = this->project();
  for (const Step& step : steps) {
    if (!step.step) continue;
    const auto tip = project(gl.center[0] + (*step.step)[0], gl.center[1] + (*step.step)[1]);
    if (!tip) continue;
    const MinimumLength lengthen = minimumLength(length(*tip - c), kMinStep * s);
    const Vec2 end = c + lengthen.factor * (*tip - c);
    const ArrowShape shape = arrowShape(c, end, inside, kHeadLength * s, kHeadHalfWidth * s);
    if (!shape.visible) continue;
    StrokeGroup group(step.color, kOutline * s);
    group.arrow(shape, 0.5 * kShaftWidth * s, kBreakGap * s, inside);
    arrows.emplace_back(length(shape.tip - shape.start), group);
    std::string text = step.name;
    if (lengthen.lengthened) text += trueLengthNote(std::hypot((*step.step)[0], (*step.step)[1]));
    if (shape.clipped) text += " (clipped)";
    drawnArrows.push_back({shape, &step, text});
    // The shaft, and the head's wide half (so a label may sit just beyond or beside its point).
    const Vec2 base = shape.tip - shape.head * shape.direction;
    obstacles.push_back({c, base, (0.5 * kShaftWidth + kOutline) * s});
    obstacles.push_back(
        {base, base + (0.5 * shape.head) * shape.direction, shape.headHalfWidth + kOutline * s});
  }

  // Labels: each axis's beyond one of its ends, each arrow's beyond or beside its head, where
  // they cover the least (other labels, the arrows, the frame).
  std::vector<LabelSpot> spots;
  const double gap = kLabelGap * s;
  for (size_t i = 0; i < 2; ++i) {
    const std::string text = eigenvalueLabel(gl.eigenvalues[i]);
    const Vec2 extent = labelBoxSize(labels[0], displayable(text), s);
    const Rect spot =
        bestBox(axisLabelPlaces(c, half[i] * dir[i], extent, gap), inside, placed, obstacles);
    placed.push_back(spot);
    spots.push_back({text, spot, kLabelFrame, 1.0});
  }
  for (size_t i = 0; i < 2; ++i) {
    obstacles.push_back(
        {c - half[i] * dir[i], c + half[i] * dir[i], (0.5 * kAxisWidth + kOutline) * s});
  }
  for (const auto& [shape, step, text] : drawnArrows) {
    const Vec2 extent = labelBoxSize(labels[0], displayable(text), s);
    const ArrowLabelGaps gaps{gap + kOutline * s, (0.5 * kHeadHalfWidth + kOutline) * s + gap,
                              (0.5 * kShaftWidth + kOutline) * s + gap, 80.0 * s};
    const auto candidates = arrowLabelPlaces(shape, extent, gaps);
    const Rect spot = bestBox(candidates, inside, placed, obstacles);
    placed.push_back(spot);
    spots.push_back({text, spot, step->color, 2.0});
  }

  model.draw(geometry);
  // The shorter step over the longer: steps in similar directions (a well-conditioned model)
  // would otherwise hide the short one under the long one.
  std::stable_sort(arrows.begin(), arrows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [drawn, group] : arrows) group.draw(geometry);
  StrokeGroup dot(kGlyphAxisColor, kOutline * s);
  dot.disk(c, kCenterDot * s);
  dot.draw(geometry);
  for (size_t k = 0; k < spots.size(); ++k) show(k, spots[k], s);
}

void CurvatureGlyphLayer::Impl::buildNote(double s, const std::vector<Rect>& placed,
                                          const std::vector<Segment>& obstacles) {
  const auto visible = project().visibleBox(*box, kInset * s);
  if (note.empty() || !visible || visible->empty()) return;
  const std::string text = displayable(note);
  const Vec2 size = labelBoxSize(labels[4], text, s);
  const double m = kLabelGap * s;
  const Rect& v = *visible;
  // A corner of the map, the top left first, clear of the glyph.
  const std::vector<Candidate> corners{
      {{v.x0 + m, v.y1 - m - size[1], v.x0 + m + size[0], v.y1 - m}},
      {{v.x0 + m, v.y0 + m, v.x0 + m + size[0], v.y0 + m + size[1]}, 1.0},
      {{v.x1 - m - size[0], v.y1 - m - size[1], v.x1 - m, v.y1 - m}, 2.0},
      {{v.x1 - m - size[0], v.y0 + m, v.x1 - m, v.y0 + m + size[1]}, 3.0}};
  show(4, {note, bestBox(corners, v, placed, obstacles), kLabelFrame, 1.0}, s);
}

CurvatureGlyphLayer::CurvatureGlyphLayer(vtkRenderer* renderer)
    : impl_(std::make_unique<Impl>(renderer)) {}

CurvatureGlyphLayer::~CurvatureGlyphLayer() {
  for (auto& label : impl_->labels) impl_->renderer->RemoveActor2D(label);
}

void CurvatureGlyphLayer::setGlyph(std::optional<CurvatureGlyph> glyph) {
  impl_->glyph = std::move(glyph);
}

void CurvatureGlyphLayer::setBox(std::optional<std::array<double, 4>> xminXmaxYminYmax, double z) {
  impl_->box = xminXmaxYminYmax;
  impl_->z = z;
}

const std::optional<CurvatureGlyph>& CurvatureGlyphLayer::glyph() const {
  return impl_->glyph;
}

void CurvatureGlyphLayer::setNote(std::string note) {
  impl_->note = std::move(note);
}

const std::vector<std::string>& CurvatureGlyphLayer::shownLabels() const {
  return impl_->shown;
}

void CurvatureGlyphLayer::update(double dpiScale) {
  Impl& d = *impl_;
  d.geometry.clear();
  d.shown.clear();
  for (auto& label : d.labels) label->SetVisibility(0);
  if (d.box && d.renderer->GetRenderWindow() != nullptr) {
    std::vector<Rect> placed;
    std::vector<Segment> obstacles;
    if (d.glyph) d.build(dpiScale, placed, obstacles);
    d.buildNote(dpiScale, placed, obstacles);
  }
  d.layer.draw(d.geometry);
}

}  // namespace gradscape::plots
