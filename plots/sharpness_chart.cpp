#include "plots/sharpness_chart.h"

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkPen.h>
#include <vtkPlotLine.h>
#include <vtkSmartPointer.h>
#include <vtkTable.h>

#include "plots/chart_frame.h"

namespace gradscape::plots {

struct SharpnessChart::Impl {
  // One drawn line: its table (the points drawn) and the values it was made from, kept so that
  // switching a log axis or the bottom line can refilter without new data.
  struct Line {
    vtkSmartPointer<vtkTable> table;
    vtkSmartPointer<vtkPlotLine> plot;
    std::vector<double> x, y;
    bool shown = true;
    Bounds bounds;  // of the drawn points
  };
  // A series' three lines: largest eigenvalue, threshold, smallest eigenvalue.
  struct Curves {
    Line top, threshold, bottom;
  };

  ChartFrame frame{"iteration", "top Hessian eigenvalue"};
  std::vector<Curves> curves;
  bool showBottom = false;
  std::vector<size_t> rows;  // scratch for fill()

  Impl() {
    // Two or three entries per run: beside the plot, not over the curves hovering at their
    // thresholds near the top.
    frame.chart()->GetLegend()->SetInline(false);
  }

  Line makeLine(float width, int lineType, const char* valueName) {
    Line line;
    line.table = makeTable({"iteration", valueName});
    line.plot = frame.addLine(line.table, width, lineType);
    return line;
  }

  Curves makeCurves() {
    // The threshold a little thinner than the curve that runs along it, the dotted bottom
    // thinner still (at least 1.5 px: thinner dots fade to nothing).
    return {makeLine(2.0f, vtkPen::SOLID_LINE, "top"),
            makeLine(1.75f, vtkPen::DASH_LINE, "threshold"),
            makeLine(1.5f, vtkPen::DENSE_DOT_LINE, "bottom")};
  }

  void fill(Line& line, const Drawable& keep) {
    drawableRows(line.x, line.y, keep, rows);
    if (!line.shown) rows.clear();
    // Broken where values were left out: a straight segment across them would be made up.
    line.bounds = writeRows(line.table, line.x, line.y, rows, true);
    // A line needs two points (vtkContext2D complains about fewer).
    line.plot->SetVisible(rows.size() >= 2);
  }

  void refill() {
    const Drawable keep{logX(), logY()};
    for (auto& c : curves) {
      c.bottom.shown = showBottom;
      for (Line* line : {&c.top, &c.threshold, &c.bottom}) fill(*line, keep);
    }
    frame.markDirty();
  }

  void refit() {
    frame.releaseView();
    refill();
    Bounds all;
    for (const auto& c : curves) {
      for (const Line* line : {&c.top, &c.threshold, &c.bottom}) all.add(line->bounds);
    }
    // Headroom above and below: sharpness at the edge of stability runs along its threshold,
    // which must not sit on the frame.
    if (!all.empty()) {
      if (logY()) {
        const double pad = std::pow(10.0, 0.05 * std::max(std::log10(all.y1 / all.y0), 1.0));
        all.y0 /= pad;
        all.y1 *= pad;
      } else {
        const double pad = 0.06 * (all.y1 > all.y0 ? all.y1 - all.y0 : std::abs(all.y1) + 1.0);
        all.y0 -= pad;
        all.y1 += pad;
      }
    }
    Bounds empty;
    empty.add(logX() ? 1.0 : 0.0, logY() ? 0.1 : 0.0);
    empty.add(1000.0, 10.0);
    frame.fit(all, empty, true);
  }

  void update() {
    if (frame.userView()) {
      refill();
    } else {
      refit();
    }
  }

  bool logX() const { return frame.xAxis()->GetLogScale(); }
  bool logY() const { return frame.yAxis()->GetLogScale(); }
};

namespace {

// The samples (x, y) of a series as drawn: paired up to the shorter of the two.
void assignSamples(std::vector<double>& x, std::vector<double>& y, const std::vector<double>& xs,
                   const std::vector<double>& ys) {
  const auto n = static_cast<std::ptrdiff_t>(std::min(xs.size(), ys.size()));
  x.assign(xs.begin(), xs.begin() + n);
  y.assign(ys.begin(), ys.begin() + n);
}

}  // namespace

SharpnessChart::SharpnessChart() : impl_(std::make_unique<Impl>()) {}

SharpnessChart::~SharpnessChart() = default;

vtkRenderer* SharpnessChart::renderer() const {
  return impl_->frame.renderer();
}

vtkContextScene* SharpnessChart::scene() const {
  return impl_->frame.scene();
}

void SharpnessChart::setSeries(const std::vector<SharpnessSeries>& series) {
  auto& d = *impl_;
  std::vector<const SharpnessSeries*> shown;
  for (const auto& s : series) {
    if (s.visible) shown.push_back(&s);
  }
  while (d.curves.size() > shown.size()) {
    for (auto* line : {&d.curves.back().top, &d.curves.back().threshold, &d.curves.back().bottom}) {
      d.frame.chart()->RemovePlotInstance(line->plot);
    }
    d.curves.pop_back();
  }
  while (d.curves.size() < shown.size()) d.curves.push_back(d.makeCurves());

  for (size_t i = 0; i < shown.size(); ++i) {
    const SharpnessSeries& s = *shown[i];
    auto& c = d.curves[i];
    assignSamples(c.top.x, c.top.y, s.iteration, s.top);
    assignSamples(c.bottom.x, c.bottom.y, s.iteration, s.bottom);
    assignSamples(c.threshold.x, c.threshold.y, s.thresholdIteration, s.threshold);
    if (c.threshold.x.size() == 1 && !s.iteration.empty()) {
      const double value = c.threshold.y.front();
      c.threshold.x = {s.iteration.front(), s.iteration.back()};
      c.threshold.y = {value, value};
    }
    c.top.plot->SetLabel(s.name);
    c.top.plot->SetTooltipLabelFormat("%l\niteration %x\ntop eigenvalue %y");
    c.threshold.plot->SetLabel(s.name + " threshold");
    c.threshold.plot->SetTooltipLabelFormat("%l\niteration %x\nc / lr = %y");
    c.bottom.plot->SetLabel(s.name + " smallest");
    c.bottom.plot->SetTooltipLabelFormat("%l\niteration %x\nsmallest eigenvalue %y");
    for (auto* line : {&c.top, &c.threshold, &c.bottom}) {
      line->plot->SetColor(colorByte(s.color.r), colorByte(s.color.g), colorByte(s.color.b), 255);
    }
  }
  d.update();
}

void SharpnessChart::setShowBottom(bool on) {
  auto& d = *impl_;
  if (d.showBottom == on) return;
  d.showBottom = on;
  d.update();
}

bool SharpnessChart::showBottom() const {
  return impl_->showBottom;
}

void SharpnessChart::setLogY(bool on) {
  auto& d = *impl_;
  if (d.logY() == on) return;
  d.frame.yAxis()->SetLogScale(on);
  d.refit();
}

bool SharpnessChart::logY() const {
  return impl_->logY();
}

void SharpnessChart::setLogX(bool on) {
  auto& d = *impl_;
  if (d.logX() == on) return;
  d.frame.xAxis()->SetLogScale(on);
  d.refit();
}

bool SharpnessChart::logX() const {
  return impl_->logX();
}

void SharpnessChart::resetZoom() {
  impl_->refit();
}

std::optional<double> SharpnessChart::iterationAt(double displayX, double displayY) const {
  return impl_->frame.xAt(displayX, displayY);
}

void SharpnessChart::setMarker(std::optional<double> iteration) {
  impl_->frame.setMarker(iteration);
}

}  // namespace gradscape::plots
