#include "plots/convergence_chart.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <vtkSmartPointer.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "plots/chart_frame.h"
#include "plots/text_style.h"

namespace gradscape::plots {

const char* quantityName(ConvergenceQuantity q) {
  switch (q) {
    case ConvergenceQuantity::Loss:
      return "f(x)";
    case ConvergenceQuantity::Gap:
      return "f(x) \u2212 f*";
    case ConvergenceQuantity::GradNorm:
      return "‖∇f(x)‖";
    case ConvergenceQuantity::LearningRate:
      return "learning rate";
    case ConvergenceQuantity::StepNorm:
      return "‖xₖ₊₁ \u2212 xₖ‖";
  }
  return "";
}

static_assert(int(ViewState::Quantity::Loss) == int(ConvergenceQuantity::Loss) &&
              int(ViewState::Quantity::Gap) == int(ConvergenceQuantity::Gap) &&
              int(ViewState::Quantity::GradNorm) == int(ConvergenceQuantity::GradNorm) &&
              int(ViewState::Quantity::LearningRate) == int(ConvergenceQuantity::LearningRate) &&
              int(ViewState::Quantity::StepNorm) == int(ConvergenceQuantity::StepNorm));

ConvergenceQuantity convergenceQuantity(ViewState::Quantity q) {
  return static_cast<ConvergenceQuantity>(q);
}

const char* axisName(ConvergenceAxis axis) {
  return axis == ConvergenceAxis::Evaluations ? "evaluations" : "iteration";
}

static_assert(int(ViewState::ChartX::Iteration) == int(ConvergenceAxis::Iteration) &&
              int(ViewState::ChartX::Evaluations) == int(ConvergenceAxis::Evaluations));

ConvergenceAxis convergenceAxis(ViewState::ChartX x) {
  return static_cast<ConvergenceAxis>(x);
}

ConvergenceQuantity drawableQuantity(ConvergenceQuantity q, std::optional<double> minimum) {
  return q == ConvergenceQuantity::Gap && !minimum ? ConvergenceQuantity::Loss : q;
}

namespace {

const std::vector<double>& quantityValues(const RunView& run, ConvergenceQuantity q) {
  switch (q) {
    case ConvergenceQuantity::GradNorm:
      return run.gradNorm;
    case ConvergenceQuantity::LearningRate:
      return run.lr;
    case ConvergenceQuantity::StepNorm:
      return run.stepNorm;
    case ConvergenceQuantity::Loss:
    case ConvergenceQuantity::Gap:
      break;
  }
  return run.loss;
}

}  // namespace

struct ConvergenceChart::Impl {
  // One run's curve: its table (the points drawn), and the unfiltered values it was made from,
  // kept so that switching a log axis can refilter without new data.
  struct Curve {
    vtkSmartPointer<vtkTable> table;
    vtkSmartPointer<vtkPlotLine> line;
    vtkSmartPointer<vtkTable> endTable;  // the last point of a diverged run
    vtkSmartPointer<vtkPlotPoints> end;
    std::vector<double> x, y;
    bool diverged = false;
    Bounds bounds;  // of the drawn points
  };

  ChartFrame frame{"iteration", quantityName(ConvergenceQuantity::Loss)};
  vtkChartXY* chart = frame.chart();
  std::vector<Curve> curves;
  ConvergenceQuantity quantity = ConvergenceQuantity::Loss;
  ConvergenceAxis axis = ConvergenceAxis::Iteration;
  bool wantLogY = false;  // asked for; the axis is log only while every value is > 0
  std::string notice;

  Impl() {
    // Thin again for what is now on screen (zooming in shows detail the full view left out).
    frame.onUserView = [this] { refill(); };
    // Thinned for a narrower chart, the curves would lose detail a pixel column could show.
    frame.onWider = [this] { refill(); };
    // The notice that a log y axis is drawn linear, above the plot in the alert colour.
    styleFont(chart->GetTitleProperties(), 13, true);
    useUnicodeFont(chart->GetTitleProperties(), true);
    frame.setTitleIsAlert(true);
  }

  void refit() {
    frame.releaseView();
    refill();
    Bounds all;
    for (const auto& c : curves) all.add(c.bounds);
    // Nothing to draw: an empty frame that already shows the chosen scales.
    Bounds empty;
    empty.add(logX() ? 1.0 : 0.0, logYShown() ? 1e-6 : 0.0);
    empty.add(1000.0, 1.0);
    frame.fit(all, empty);
  }

  bool logX() const { return frame.xAxis()->GetLogScale(); }
  bool logYShown() const { return frame.yAxis()->GetLogScale(); }

  // A log y axis would leave out every value <= 0: a run on a saddle, whose f falls through 0
  // towards -inf, would lose its whole descent and seem to level off at its last positive
  // value. While any drawable value is <= 0 the axis is linear and the title says why.
  // True when the axis changed.
  bool chooseYScale() {
    double lowest = INFINITY;
    for (const auto& c : curves) {
      for (size_t i = 0; i < c.x.size(); ++i) {
        if (Drawable{logX(), false}(c.x[i], c.y[i])) lowest = std::min(lowest, c.y[i]);
      }
    }
    const bool log = wantLogY && !(lowest <= 0.0);
    notice.clear();
    if (wantLogY && !log) {
      char text[128];
      std::snprintf(text, sizeof text, "Log y off: values down to %.3g are ≤ 0 (linear axis)",
                    lowest);
      notice = displayable(text);
    }
    chart->SetTitle(notice);
    if (log == logYShown()) return false;
    frame.yAxis()->SetLogScale(log);
    return true;
  }

  Curve makeCurve() {
    Curve c;
    c.table = makeTable({"x", "value"});
    c.line = frame.addLine(c.table, 2.0f);

    c.endTable = makeTable({"x", "value"});
    c.end = vtkSmartPointer<vtkPlotPoints>::New();
    c.end->SetInputData(c.endTable, 0, 1);
    c.end->SetMarkerStyle(vtkPlotPoints::CROSS);
    c.end->SetMarkerSize(14.0f);
    c.end->SetWidth(3.0f);
    c.end->SetLegendVisibility(false);
    c.end->SetTooltipLabelFormat("%l\nlast finite value at %x\n%y");
    chart->AddPlot(c.end);
    return c;
  }

  // Above this many drawable points a curve is thinned to at most 4 per bucket: the first,
  // lowest, highest and last point of each of `buckets` equal slices of the x range on screen
  // (the M4 aggregation of Jugel et al., VLDB 2014). With a bucket no wider than a pixel column
  // the line looks the same, and 8 runs of 10^5 points draw as fast as 8 of 2000. One bucket
  // per pixel column of the chart (wider than its plot area), kMaxBuckets before the first frame.
  static constexpr long kMaxBuckets = 2048;
  long buckets() const {
    const int width = frame.widestPixels();
    return width > 0 ? std::clamp<long>(width, 64, kMaxBuckets) : kMaxBuckets;
  }

  // Row indices of c's points to draw, thinned over [lo, hi] (log10 of x on a log axis).
  void selectRows(const Curve& c, const Drawable& keep, double lo, double hi) {
    drawableRows(c.x, c.y, keep, rows);
    const long count = buckets();
    if (rows.size() <= static_cast<size_t>(4 * count) || !(hi > lo)) return;
    rows.clear();
    const size_t n = c.x.size();
    // Points left and right of the range fall into two extra buckets, so the line still
    // enters and leaves the view through the right neighbours.
    const double scale = static_cast<double>(count) / (hi - lo);
    auto bucketOf = [&](double x) -> long {
      const double t = keep.logX ? std::log10(x) : x;
      if (t < lo) return -1;
      if (t > hi) return count;
      return std::min(count - 1, static_cast<long>((t - lo) * scale));
    };
    long bucket = -2;
    size_t first = 0, last = 0, low = 0, high = 0;
    auto flush = [&] {
      if (bucket == -2) return;
      std::array<size_t, 4> picks{first, low, high, last};
      std::sort(picks.begin(), picks.end());
      for (size_t k = 0; k < picks.size(); ++k) {
        if (k == 0 || picks[k] != picks[k - 1]) rows.push_back(picks[k]);
      }
    };
    for (size_t i = 0; i < n; ++i) {
      if (!keep(c.x[i], c.y[i])) continue;
      const long b = bucketOf(c.x[i]);
      if (b != bucket) {
        flush();
        bucket = b;
        first = last = low = high = i;
        continue;
      }
      last = i;
      if (c.y[i] < c.y[low]) low = i;
      if (c.y[i] > c.y[high]) high = i;
    }
    flush();
  }

  // Writes a curve's selected points into its table.
  void fill(Curve& c, const Drawable& keep, double lo, double hi) {
    selectRows(c, keep, lo, hi);
    c.bounds = writeRows(c.table, c.x, c.y, rows);
    // A line needs two points (vtkContext2D complains about fewer).
    c.line->SetVisible(rows.size() >= 2);

    // The cross marks a diverged run's last drawable point (its last finite value; the rows
    // after it, if any, are not finite).
    size_t last = c.x.size();
    if (c.diverged) {
      for (size_t i = c.x.size(); i-- > 0;) {
        if (keep(c.x[i], c.y[i])) {
          last = i;
          break;
        }
      }
    }
    const bool mark = last < c.x.size();
    writeRows(c.endTable, c.x, c.y, mark ? std::vector<size_t>{last} : std::vector<size_t>{});
    c.end->SetVisible(mark);
    // A run without a line (it diverged at its first step) is named in the legend by its cross.
    c.end->SetLegendVisibility(mark && rows.size() < 2);
  }

  // Refills every table from the kept values: thinned over the x range the user looks at, or
  // over all the data while the chart fits itself to it.
  void refill() {
    vtkAxis* xAxis = frame.xAxis();
    const Drawable keep{logX(), logYShown()};
    double lo = INFINITY, hi = -INFINITY;
    if (frame.userView()) {
      lo = xAxis->GetUnscaledMinimum();
      hi = xAxis->GetUnscaledMaximum();
    } else {
      for (const auto& c : curves) {
        for (size_t i = 0; i < c.x.size(); ++i) {
          if (!keep(c.x[i], c.y[i])) continue;
          lo = std::min(lo, c.x[i]);
          hi = std::max(hi, c.x[i]);
        }
      }
    }
    if (keep.logX) {
      lo = lo > 0.0 ? std::log10(lo) : -INFINITY;
      hi = hi > 0.0 ? std::log10(hi) : -INFINITY;
    }
    for (auto& c : curves) fill(c, keep, lo, hi);
    frame.markDirty();
  }

  std::vector<size_t> rows;  // scratch for selectRows()
};

ConvergenceChart::ConvergenceChart() : impl_(std::make_unique<Impl>()) {}

ConvergenceChart::~ConvergenceChart() = default;

vtkRenderer* ConvergenceChart::renderer() const {
  return impl_->frame.renderer();
}

vtkContextScene* ConvergenceChart::scene() const {
  return impl_->frame.scene();
}

void ConvergenceChart::setRuns(const std::vector<RunView>& runs, ConvergenceQuantity quantity,
                               std::optional<double> minimum) {
  auto& d = *impl_;
  d.quantity = quantity;
  d.frame.yAxis()->SetTitle(displayable(quantityName(quantity)));
  d.frame.xAxis()->SetTitle(axisName(d.axis));

  std::vector<const RunView*> shown;
  for (const auto& run : runs) {
    if (run.visible) shown.push_back(&run);
  }
  while (d.curves.size() > shown.size()) {
    d.chart->RemovePlotInstance(d.curves.back().line);
    d.chart->RemovePlotInstance(d.curves.back().end);
    d.curves.pop_back();
  }
  while (d.curves.size() < shown.size()) d.curves.push_back(d.makeCurve());

  // f - f* needs f*: without it the gap has no curve.
  const bool noValues = quantity == ConvergenceQuantity::Gap && !minimum;
  const double shift = quantity == ConvergenceQuantity::Gap && minimum ? *minimum : 0.0;
  for (size_t i = 0; i < shown.size(); ++i) {
    const RunView& run = *shown[i];
    auto& c = d.curves[i];
    const auto& values = quantityValues(run, quantity);
    const size_t n = noValues ? 0 : std::min(run.iteration.size(), values.size());
    const auto& xs = d.axis == ConvergenceAxis::Evaluations ? run.evaluations : run.iteration;
    const size_t m = std::min(n, xs.size());
    c.x.assign(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(m));
    c.y.resize(m);
    for (size_t k = 0; k < m; ++k) c.y[k] = values[k] - shift;
    c.diverged = run.diverged;
    const std::string& name = run.name.empty() ? run.label : run.name;
    c.line->SetLabel(run.diverged ? name + " (diverged)" : name);
    c.line->SetTooltipLabelFormat(std::string("%l\n") + axisName(d.axis) + " %x\n" +
                                  displayable(quantityName(quantity)) + " = %y");
    c.end->SetLabel(name + " (diverged)");
    const unsigned char r = colorByte(run.color.r), g = colorByte(run.color.g),
                        b = colorByte(run.color.b);
    c.line->SetColor(r, g, b, 255);
    c.end->SetColor(r, g, b, 255);
  }
  // A changed y scale invalidates the user's zoom: its range was on the other scale.
  if (d.chooseYScale() || !d.frame.userView()) {
    d.refit();
  } else {
    d.refill();
  }
}

void ConvergenceChart::setXAxis(ConvergenceAxis axis) {
  auto& d = *impl_;
  if (d.axis == axis) return;
  d.axis = axis;
  d.frame.releaseView();  // the user's zoom was in the other axis' units
}

ConvergenceAxis ConvergenceChart::xAxis() const {
  return impl_->axis;
}

void ConvergenceChart::setLogX(bool on) {
  auto& d = *impl_;
  if (d.logX() == on) return;
  d.frame.xAxis()->SetLogScale(on);
  d.chooseYScale();  // iteration 0 leaves, and its value with it
  d.refit();
}

void ConvergenceChart::setLogY(bool on) {
  auto& d = *impl_;
  if (d.wantLogY == on) return;
  d.wantLogY = on;
  d.chooseYScale();
  d.refit();
}

bool ConvergenceChart::logX() const {
  return impl_->logX();
}

bool ConvergenceChart::logY() const {
  return impl_->wantLogY;
}

bool ConvergenceChart::logYShown() const {
  return impl_->logYShown();
}

const std::string& ConvergenceChart::notice() const {
  return impl_->notice;
}

void ConvergenceChart::resetZoom() {
  impl_->refit();
}

std::optional<double> ConvergenceChart::xAt(double displayX, double displayY) const {
  return impl_->frame.xAt(displayX, displayY);
}

void ConvergenceChart::setMarker(std::optional<double> x) {
  impl_->frame.setMarker(x);
}

}  // namespace gradscape::plots
