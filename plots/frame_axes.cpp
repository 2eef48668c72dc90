#include "plots/frame_axes.h"

#include <vtkCamera.h>
#include <vtkCoordinate.h>
#include <vtkNew.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "plots/nice_ticks.h"
#include "plots/pixel_geometry.h"
#include "plots/pixel_layer.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

// Pixels at 72 dpi.
constexpr double kTickLength = 5.0;
constexpr double kLabelGap = 4.0;
constexpr double kTitleGap = 7.0;
constexpr double kLineWidth = 1.2;
constexpr double kPixelsPerTick = 100.0;  // about one tick per this much of the box's side
constexpr double kLabelSpacingX = 12.0;   // at least this between neighbouring x labels
constexpr double kLabelSpacingY = 6.0;    // and between y labels
constexpr int kLabelSize = 12;
constexpr int kTitleSize = 14;

}  // namespace

std::array<double, 4> shownRange(vtkCamera* camera, const std::array<double, 4>& box, double w,
                                 double h) {
  // Display pixel X is world x = focal_x + (X - w / 2) wpp, and likewise for y.
  const double wpp = 2.0 * camera->GetParallelScale() / h;
  const double* focal = camera->GetFocalPoint();
  const double xmin = focal[0] + (box[0] - 0.5 * w) * wpp;
  const double ymin = focal[1] + (box[1] - 0.5 * h) * wpp;
  return {xmin, xmin + box[2] * wpp, ymin, ymin + box[3] * wpp};
}

void showAtBoxCentre(vtkCamera* camera, double cx, double cy, double wpp,
                     const std::array<double, 4>& box, double w, double h, double size) {
  const double fx = cx - (box[0] + 0.5 * box[2] - 0.5 * w) * wpp;
  const double fy = cy - (box[1] + 0.5 * box[3] - 0.5 * h) * wpp;
  const double distance = 10.0 * size;
  camera->ParallelProjectionOn();
  camera->SetFocalPoint(fx, fy, 0.0);
  camera->SetPosition(fx, fy, distance);
  camera->SetViewUp(0.0, 1.0, 0.0);
  camera->SetParallelScale(0.5 * h * wpp);
  camera->SetClippingRange(distance - 2.0 * size, distance + size);
}

struct FrameAxes::Impl {
  vtkRenderer* renderer = nullptr;
  PixelLayer lines;
  vtkNew<vtkTextActor> xTitle, yTitle;
  // Label actors, reused across updates (a label keeps its actor while its text stays on show).
  std::vector<vtkSmartPointer<vtkTextActor>> xLabels, yLabels;
  AxisTicks x, y;
  double yLabelWidth = 0.0, xLabelHeight = 0.0;  // pixels at 72 dpi
  bool visible = true;
  // What the last update drew from: box, range, scale and the theme's colours.
  struct Drawn {
    std::array<double, 4> box, range;
    double scale = 0.0;
    Rgb line, soft, ink;
    bool operator==(const Drawn&) const = default;
  };
  Drawn drawn;
  bool hasDrawn = false;

  explicit Impl(vtkRenderer* r) : renderer(r), lines(r, true) {}

  vtkSmartPointer<vtkTextActor> newLabel(bool xAxis) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    vtkTextProperty* p = label->GetTextProperty();
    styleText(p, kLabelSize);
    if (xAxis) {
      p->SetJustificationToCentered();
      p->SetVerticalJustificationToTop();
    } else {
      p->SetJustificationToRight();
      p->SetVerticalJustificationToCentered();
    }
    label->GetPositionCoordinate()->SetCoordinateSystemToViewport();
    label->PickableOff();
    renderer->AddActor2D(label);
    return label;
  }

  // Ticks for [lo, hi] drawn along `pixels` of the box's side: the most, up to one per
  // kPixelsPerTick, whose labels keep their spacing apart.
  AxisTicks chooseTicks(double lo, double hi, double pixels, double s, bool xAxis) {
    vtkNew<vtkTextProperty> style;
    styleText(style, kLabelSize);
    AxisTicks best;
    const int most =
        std::clamp(static_cast<int>(std::lround(pixels / (kPixelsPerTick * s))), 2, 10);
    for (int target = most; target >= 2; --target) {
      const Ticks ticks = niceTicks(lo, hi, target);
      AxisTicks candidate{ticks.values, {}, ticks.step};
      double widest = 0.0, tallest = 0.0;
      for (double v : ticks.values) {
        candidate.labels.push_back(tickLabel(v, ticks.step));
        const auto extent = textExtent(style, candidate.labels.back());
        widest = std::max(widest, extent[0]);
        tallest = std::max(tallest, extent[1]);
      }
      best = std::move(candidate);
      const double spacing = ticks.step / (hi - lo) * pixels;
      const double needed = xAxis ? (widest + kLabelSpacingX) * s : (tallest + kLabelSpacingY) * s;
      if (best.values.size() < 2 || spacing >= needed) break;
    }
    return best;
  }

  // Shows `ticks.labels` on the actors of `pool`, an actor that showed the same text keeping it
  // (its texture stays), and hides the rest. Returns the widest and tallest label (72 dpi).
  std::array<double, 2> showLabels(std::vector<vtkSmartPointer<vtkTextActor>>& pool,
                                   const AxisTicks& ticks, bool xAxis) {
    std::vector<vtkSmartPointer<vtkTextActor>> unused = std::move(pool);
    pool.assign(ticks.labels.size(), nullptr);
    for (size_t i = 0; i < ticks.labels.size(); ++i) {
      const auto same = std::find_if(unused.begin(), unused.end(), [&](const auto& a) {
        return a->GetInput() != nullptr && ticks.labels[i] == a->GetInput();
      });
      if (same == unused.end()) continue;
      pool[i] = *same;
      unused.erase(same);
    }
    for (size_t i = 0; i < ticks.labels.size(); ++i) {
      if (pool[i] == nullptr) {
        if (unused.empty()) {
          pool[i] = newLabel(xAxis);
        } else {
          pool[i] = unused.back();
          unused.pop_back();
        }
      }
      pool[i]->SetInput(ticks.labels[i].c_str());
    }
    std::array<double, 2> most{0.0, 0.0};
    for (auto& label : pool) {
      label->SetVisibility(visible ? 1 : 0);
      const auto extent = textExtent(label->GetTextProperty(), label->GetInput());
      most = {std::max(most[0], extent[0]), std::max(most[1], extent[1])};
    }
    for (auto& label : unused) renderer->RemoveActor2D(label);
    return most;
  }

  void removeLabels() {
    for (auto* pool : {&xLabels, &yLabels}) {
      for (auto& label : *pool) renderer->RemoveActor2D(label);
      pool->clear();
    }
  }
};

FrameAxes::FrameAxes(vtkRenderer* renderer) : impl_(std::make_unique<Impl>(renderer)) {
  Impl& d = *impl_;
  for (vtkTextActor* title : {d.xTitle.Get(), d.yTitle.Get()}) {
    styleText(title->GetTextProperty(), kTitleSize);
    title->GetTextProperty()->ItalicOn();
    title->GetTextProperty()->SetJustificationToCentered();
    title->GetPositionCoordinate()->SetCoordinateSystemToViewport();
    title->PickableOff();
    renderer->AddActor2D(title);
  }
  d.xTitle->GetTextProperty()->SetVerticalJustificationToTop();
  d.yTitle->GetTextProperty()->SetVerticalJustificationToBottom();
  d.yTitle->GetTextProperty()->SetOrientation(90.0);
  setTitles("x", "y");
}

FrameAxes::~FrameAxes() {
  impl_->removeLabels();
  impl_->renderer->RemoveActor2D(impl_->xTitle);
  impl_->renderer->RemoveActor2D(impl_->yTitle);
}

void FrameAxes::setTitles(const std::string& x, const std::string& y) {
  impl_->xTitle->SetInput(x.c_str());
  impl_->yTitle->SetInput(y.c_str());
}

void FrameAxes::setVisible(bool visible) {
  Impl& d = *impl_;
  d.visible = visible;
  const int on = visible ? 1 : 0;
  d.lines.setVisible(visible);
  d.xTitle->SetVisibility(on);
  d.yTitle->SetVisibility(on);
  for (auto* pool : {&d.xLabels, &d.yLabels}) {
    for (auto& label : *pool) label->SetVisibility(on);
  }
}

bool FrameAxes::update(const std::array<double, 4>& box, const std::array<double, 4>& range,
                       double s) {
  Impl& d = *impl_;
  const double left = box[0], bottom = box[1], w = box[2], h = box[3];
  const auto [xmin, xmax, ymin, ymax] = range;
  if (!(w > 0.0 && h > 0.0 && s > 0.0 && xmax > xmin && ymax > ymin)) return false;
  const Palette& palette = currentPalette();
  const Impl::Drawn now{box, range, s, palette.axisLine, palette.softInk, palette.ink};
  if (d.hasDrawn && now == d.drawn) return false;  // a frame that only moved runs
  d.drawn = now;
  d.hasDrawn = true;
  const double oldLeft = leftMargin(), oldBottom = bottomMargin();

  d.x = d.chooseTicks(xmin, xmax, w, s, true);
  d.y = d.chooseTicks(ymin, ymax, h, s, false);
  d.xLabelHeight = d.showLabels(d.xLabels, d.x, true)[1];
  d.yLabelWidth = d.showLabels(d.yLabels, d.y, false)[0];

  // The frame's line is centred on the box's edges; ticks point out of it.
  const double lw = kLineWidth * s, tick = kTickLength * s, gap = (kTickLength + kLabelGap) * s;
  PixelGeometry geometry;
  geometry.setColor(palette.axisLine);
  geometry.frame(left - 0.5 * lw, bottom - 0.5 * lw, left + w + 0.5 * lw, bottom + h + 0.5 * lw,
                 lw);
  for (size_t i = 0; i < d.x.values.size(); ++i) {
    const double px = left + (d.x.values[i] - xmin) / (xmax - xmin) * w;
    geometry.rect(px - 0.5 * lw, bottom - tick, px + 0.5 * lw, bottom);
    d.xLabels[i]->GetPositionCoordinate()->SetValue(px, bottom - gap);
    setTextColor(d.xLabels[i]->GetTextProperty(), palette.softInk);
  }
  for (size_t i = 0; i < d.y.values.size(); ++i) {
    const double py = bottom + (d.y.values[i] - ymin) / (ymax - ymin) * h;
    geometry.rect(left - tick, py - 0.5 * lw, left, py + 0.5 * lw);
    d.yLabels[i]->GetPositionCoordinate()->SetValue(left - gap, py);
    setTextColor(d.yLabels[i]->GetTextProperty(), palette.softInk);
  }
  d.lines.draw(geometry);

  setTextColor(d.xTitle->GetTextProperty(), palette.ink);
  setTextColor(d.yTitle->GetTextProperty(), palette.ink);
  const double below = (kTickLength + kLabelGap + d.xLabelHeight + kTitleGap) * s;
  d.xTitle->GetPositionCoordinate()->SetValue(left + 0.5 * w, bottom - below);
  const double beside = (kTickLength + kLabelGap + d.yLabelWidth + kTitleGap) * s;
  d.yTitle->GetPositionCoordinate()->SetValue(left - beside, bottom + 0.5 * h);
  return leftMargin() != oldLeft || bottomMargin() != oldBottom;
}

double FrameAxes::leftMargin() const {
  return kTickLength + kLabelGap + impl_->yLabelWidth + kTitleGap + 1.2 * kTitleSize;
}

double FrameAxes::bottomMargin() const {
  return kTickLength + kLabelGap + impl_->xLabelHeight + kTitleGap + 1.2 * kTitleSize;
}

const AxisTicks& FrameAxes::xTicks() const {
  return impl_->x;
}

const AxisTicks& FrameAxes::yTicks() const {
  return impl_->y;
}

std::vector<std::array<double, 4>> FrameAxes::labelBoxes() const {
  const Impl& d = *impl_;
  std::vector<std::array<double, 4>> boxes;
  if (d.renderer->GetRenderWindow() == nullptr) return boxes;
  for (const auto* pool : {&d.xLabels, &d.yLabels}) {
    for (const auto& label : *pool) {
      // GetBoundingBox gives xmin, xmax, ymin, ymax relative to the actor's position.
      double b[4];
      label->GetBoundingBox(d.renderer, b);
      const double* p = label->GetPosition();
      boxes.push_back({p[0] + b[0], p[1] + b[2], p[0] + b[1], p[1] + b[3]});
    }
  }
  return boxes;
}

}  // namespace gradscape::plots
