#include "plots/frame_axes.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkCoordinate.h>
#include <vtkNew.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "plots/nice_ticks.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

constexpr double kTickLength = 5.0;  // pixels at 72 dpi
constexpr double kLabelGap = 4.0;
constexpr double kTitleGap = 7.0;
constexpr int kLabelSize = 12;
constexpr int kTitleSize = 14;

struct Tick {
  double value;
  vtkSmartPointer<vtkTextActor> label;
};

}  // namespace

struct FrameAxes::Impl {
  vtkRenderer* renderer = nullptr;
  double xmin = 0, xmax = 1, ymin = 0, ymax = 1, z = 0;
  bool hasBox = false;
  std::vector<Tick> xTicks, yTicks;
  vtkNew<vtkTextActor> xTitle, yTitle;
  vtkNew<vtkPolyData> lines;
  vtkNew<vtkPolyDataMapper> mapper;
  vtkNew<vtkActor> actor;
  double yLabelWidth = 0.0, xLabelHeight = 0.0;
  bool visible = true;

  void clearTicks() {
    for (auto* ticks : {&xTicks, &yTicks}) {
      for (auto& t : *ticks) renderer->RemoveActor2D(t.label);
      ticks->clear();
    }
  }
  void makeTicks(std::vector<Tick>& out, double lo, double hi, bool xAxis) {
    // About one tick per 80 px of a 500 px plot: 6 on either axis.
    const Ticks ticks = niceTicks(lo, hi, 6);
    for (double v : ticks.values) {
      Tick t{v, vtkSmartPointer<vtkTextActor>::New()};
      t.label->SetInput(tickLabel(v, ticks.step).c_str());
      vtkTextProperty* p = t.label->GetTextProperty();
      styleText(p, kLabelSize);
      setTextColor(p, currentPalette().softInk);
      if (xAxis) {
        p->SetJustificationToCentered();
        p->SetVerticalJustificationToTop();
      } else {
        p->SetJustificationToRight();
        p->SetVerticalJustificationToCentered();
      }
      t.label->GetPositionCoordinate()->SetCoordinateSystemToWorld();
      t.label->PickableOff();
      t.label->SetVisibility(visible ? 1 : 0);
      const auto extent = textExtent(p, t.label->GetInput());
      if (xAxis) {
        xLabelHeight = std::max(xLabelHeight, extent[1]);
      } else {
        yLabelWidth = std::max(yLabelWidth, extent[0]);
      }
      renderer->AddActor2D(t.label);
      out.push_back(t);
    }
  }
};

FrameAxes::FrameAxes(vtkRenderer* renderer) : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.renderer = renderer;
  d.mapper->SetInputData(d.lines);
  d.actor->SetMapper(d.mapper);
  d.actor->GetProperty()->SetLineWidth(1.2);
  d.actor->GetProperty()->SetLighting(false);
  d.actor->PickableOff();
  renderer->AddActor(d.actor);
  for (vtkTextActor* title : {d.xTitle.Get(), d.yTitle.Get()}) {
    styleText(title->GetTextProperty(), kTitleSize);
    title->GetTextProperty()->ItalicOn();
    title->GetTextProperty()->SetJustificationToCentered();
    title->GetPositionCoordinate()->SetCoordinateSystemToWorld();
    title->PickableOff();
    renderer->AddActor2D(title);
  }
  d.xTitle->GetTextProperty()->SetVerticalJustificationToTop();
  d.yTitle->GetTextProperty()->SetVerticalJustificationToBottom();
  d.yTitle->GetTextProperty()->SetOrientation(90.0);
  setTitles("x", "y");
}

FrameAxes::~FrameAxes() {
  impl_->clearTicks();
  impl_->renderer->RemoveActor(impl_->actor);
  impl_->renderer->RemoveActor2D(impl_->xTitle);
  impl_->renderer->RemoveActor2D(impl_->yTitle);
}

void FrameAxes::setBox(double xmin, double xmax, double ymin, double ymax, double z) {
  Impl& d = *impl_;
  d.xmin = xmin;
  d.xmax = xmax;
  d.ymin = ymin;
  d.ymax = ymax;
  d.z = z;
  d.hasBox = true;
  d.clearTicks();
  d.yLabelWidth = d.xLabelHeight = 0.0;
  d.makeTicks(d.xTicks, xmin, xmax, true);
  d.makeTicks(d.yTicks, ymin, ymax, false);
}

void FrameAxes::setTitles(const std::string& x, const std::string& y) {
  impl_->xTitle->SetInput(x.c_str());
  impl_->yTitle->SetInput(y.c_str());
}

void FrameAxes::setVisible(bool visible) {
  Impl& d = *impl_;
  d.visible = visible;
  const int on = visible ? 1 : 0;
  d.actor->SetVisibility(on);
  d.xTitle->SetVisibility(on);
  d.yTitle->SetVisibility(on);
  for (auto* ticks : {&d.xTicks, &d.yTicks}) {
    for (auto& t : *ticks) t.label->SetVisibility(on);
  }
}

void FrameAxes::update(double worldPerPixel, double dpiScale) {
  Impl& d = *impl_;
  if (!d.hasBox || !(worldPerPixel > 0.0)) return;
  const double px = worldPerPixel * dpiScale;  // world units per 72-dpi pixel
  d.actor->GetProperty()->SetLineWidth(static_cast<float>(1.2 * dpiScale));
  const double tick = kTickLength * px;
  vtkNew<vtkPoints> points;
  vtkNew<vtkCellArray> cells;
  auto segment = [&](double x0, double y0, double x1, double y1) {
    const vtkIdType a = points->InsertNextPoint(x0, y0, d.z);
    const vtkIdType b = points->InsertNextPoint(x1, y1, d.z);
    const vtkIdType ids[2] = {a, b};
    cells->InsertNextCell(2, ids);
  };
  segment(d.xmin, d.ymin, d.xmax, d.ymin);
  segment(d.xmax, d.ymin, d.xmax, d.ymax);
  segment(d.xmax, d.ymax, d.xmin, d.ymax);
  segment(d.xmin, d.ymax, d.xmin, d.ymin);
  for (auto& t : d.xTicks) {
    segment(t.value, d.ymin, t.value, d.ymin - tick);
    t.label->GetPositionCoordinate()->SetValue(t.value, d.ymin - tick - kLabelGap * px, d.z);
  }
  for (auto& t : d.yTicks) {
    segment(d.xmin, t.value, d.xmin - tick, t.value);
    t.label->GetPositionCoordinate()->SetValue(d.xmin - tick - kLabelGap * px, t.value, d.z);
  }
  d.lines->SetPoints(points);
  d.lines->SetLines(cells);
  d.lines->Modified();
  const Palette& palette = currentPalette();
  d.actor->GetProperty()->SetColor(palette.axisLine.r, palette.axisLine.g, palette.axisLine.b);
  for (auto* ticks : {&d.xTicks, &d.yTicks}) {
    for (auto& t : *ticks) setTextColor(t.label->GetTextProperty(), palette.softInk);
  }
  setTextColor(d.xTitle->GetTextProperty(), palette.ink);
  setTextColor(d.yTitle->GetTextProperty(), palette.ink);
  const double below = kTickLength + kLabelGap + d.xLabelHeight + kTitleGap;
  d.xTitle->GetPositionCoordinate()->SetValue(0.5 * (d.xmin + d.xmax), d.ymin - below * px, d.z);
  const double left = kTickLength + kLabelGap + d.yLabelWidth + kTitleGap;
  d.yTitle->GetPositionCoordinate()->SetValue(d.xmin - left * px, 0.5 * (d.ymin + d.ymax), d.z);
}

double FrameAxes::leftMargin() const {
  return kTickLength + kLabelGap + impl_->yLabelWidth + kTitleGap + 1.2 * kTitleSize;
}

double FrameAxes::bottomMargin() const {
  return kTickLength + kLabelGap + impl_->xLabelHeight + kTitleGap + 1.2 * kTitleSize;
}

}  // namespace gradscape::plots
