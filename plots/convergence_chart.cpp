#include "plots/convergence_chart.h"

#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkCommand.h>
#include <vtkContext2D.h>
#include <vtkContextActor.h>
#include <vtkContextItem.h>
#include <vtkContextMouseEvent.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkPen.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkStringArray.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>
#include <vtkTooltipItem.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "plots/text_style.h"

namespace gradscape::plots {

const char* quantityName(ConvergenceQuantity q) {
  switch (q) {
    case ConvergenceQuantity::Loss:
      return "f(x)";
    case ConvergenceQuantity::Gap:
      return "f(x) - f*";
    case ConvergenceQuantity::GradNorm:
      return "||grad f(x)||";
    case ConvergenceQuantity::LearningRate:
      return "learning rate";
    case ConvergenceQuantity::StepNorm:
      return "||x_{k+1} - x_k||";
  }
  return "";
}

namespace {

// The chart's plot area in scene coordinates (pixels from the renderer's lower-left corner),
// read off the axes the chart laid out in its last paint.
struct PlotArea {
  double x0, x1, y0, y1;
  bool valid() const { return x1 > x0 && y1 > y0; }
};

PlotArea plotArea(vtkChartXY* chart) {
  vtkAxis* bottom = chart->GetAxis(vtkAxis::BOTTOM);
  vtkAxis* left = chart->GetAxis(vtkAxis::LEFT);
  return {bottom->GetPoint1()[0], bottom->GetPoint2()[0], left->GetPoint1()[1],
          left->GetPoint2()[1]};
}

// Where a data value sits along an axis, as a fraction of the axis length (log axes hold
// log10 of the data in Minimum/Maximum).
std::optional<double> axisFraction(vtkAxis* axis, double value) {
  if (axis->GetLogScaleActive()) {
    if (!(value > 0.0)) return std::nullopt;
    value = std::log10(value);
  }
  const double span = axis->GetMaximum() - axis->GetMinimum();
  if (!(span != 0.0) || !std::isfinite(span)) return std::nullopt;
  return (value - axis->GetMinimum()) / span;
}

// A dashed vertical line across the plot area at an iteration, drawn over the curves. A scene
// item rather than a plot: it stays out of the legend, the tooltips and the data bounds.
class MarkerItem : public vtkContextItem {
 public:
  static MarkerItem* New();

  vtkChartXY* chart = nullptr;
  std::optional<double> iteration;

  bool Paint(vtkContext2D* painter) override {
    if (!iteration || !chart) return true;
    const PlotArea area = plotArea(chart);
    const auto t = axisFraction(chart->GetAxis(vtkAxis::BOTTOM), *iteration);
    if (!area.valid() || !t || *t < 0.0 || *t > 1.0) return true;
    const auto x = static_cast<float>(area.x0 + *t * (area.x1 - area.x0));
    painter->GetPen()->SetColor(90, 90, 90, 255);
    painter->GetPen()->SetWidth(1.5f);
    painter->GetPen()->SetLineType(vtkPen::DASH_LINE);
    painter->DrawLine(x, static_cast<float>(area.y0), x, static_cast<float>(area.y1));
    return true;
  }

  // The macro ends in a member definition: a ';' after it would be an "extra ';'".
  // clang-format off
  vtkTypeMacro(MarkerItem, vtkContextItem)

 protected:
  MarkerItem() = default;
  // clang-format on
  ~MarkerItem() override = default;

 private:
  MarkerItem(const MarkerItem&) = delete;
  void operator=(const MarkerItem&) = delete;
};

vtkStandardNewMacro(MarkerItem);

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

unsigned char byte(double c) {
  return static_cast<unsigned char>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

// Font, size and ink only: the axes and the legend set the justification and orientation
// their side needs (text_style's styleText would reset those).
void styleFont(vtkTextProperty* property, int size, bool bold = false) {
  property->SetFontFamilyToArial();
  property->SetFontSize(size);
  property->SetBold(bold);
  property->ShadowOff();
  property->SetColor(kInk.r, kInk.g, kInk.b);
}

void styleAxis(vtkAxis* axis, const char* title) {
  axis->SetTitle(title);
  styleFont(axis->GetTitleProperties(), 14, true);
  styleFont(axis->GetLabelProperties(), 12);
  axis->GetPen()->SetColor(byte(kInk.r), byte(kInk.g), byte(kInk.b));
  // Light enough that a log axis' nine minor lines per decade stay in the background.
  axis->GetGridPen()->SetColor(234, 234, 234);
  axis->GetGridPen()->SetWidth(1.0f);
}

// Data bounds of drawn points.
struct Bounds {
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  bool empty() const { return !(x0 <= x1); }
  void add(double x, double y) {
    x0 = std::min(x0, x);
    x1 = std::max(x1, x);
    y0 = std::min(y0, y);
    y1 = std::max(y1, y);
  }
  void add(const Bounds& b) {
    if (b.empty()) return;
    add(b.x0, b.y0);
    add(b.x1, b.y1);
  }
};

// An axis range holding [lo, hi] that is never empty (and stays positive when lo is).
void setDataRange(vtkAxis* axis, double lo, double hi) {
  if (lo == hi) {
    lo = lo > 0.0 ? lo / 2.0 : lo - 1.0;
    hi = hi > 0.0 ? hi * 2.0 : hi + 1.0;
  }
  axis->SetUnscaledRange(lo, hi);
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

  vtkNew<vtkRenderer> renderer;
  vtkNew<vtkContextActor> actor;
  vtkNew<vtkContextScene> scene;
  vtkNew<vtkChartXY> chart;
  vtkNew<MarkerItem> marker;
  std::vector<Curve> curves;
  ConvergenceQuantity quantity = ConvergenceQuantity::Loss;
  bool userView = false;  // the user zoomed or panned: keep the axes until resetZoom()

  Impl() {
    renderer->SetBackground(1.0, 1.0, 1.0);
    actor->SetScene(scene);
    renderer->AddActor(actor);
    scene->SetRenderer(renderer);
    scene->AddItem(chart);
    marker->chart = chart;
    scene->AddItem(marker);

    chart->SetRenderEmpty(true);
    chart->SetAutoAxes(false);
    chart->GetAxis(vtkAxis::TOP)->SetVisible(false);
    chart->GetAxis(vtkAxis::RIGHT)->SetVisible(false);
    // Room for the end tick labels that overhang the plot area ("3000", "100").
    chart->SetHiddenAxisBorder(28);
    styleAxis(chart->GetAxis(vtkAxis::BOTTOM), "iteration");
    styleAxis(chart->GetAxis(vtkAxis::LEFT), quantityName(quantity));
    // Left drag pans, right drag zooms to a box, the wheel zooms; no point selection.
    chart->SetActionToButton(vtkChart::PAN, vtkContextMouseEvent::LEFT_BUTTON);
    chart->SetActionToButton(vtkChart::ZOOM, vtkContextMouseEvent::RIGHT_BUTTON);
    chart->SetClickActionToButton(vtkChart::SELECT, -1);

    chart->SetShowLegend(true);
    vtkChartLegend* legend = chart->GetLegend();
    legend->SetHorizontalAlignment(vtkChartLegend::RIGHT);
    legend->SetVerticalAlignment(vtkChartLegend::TOP);
    styleFont(legend->GetLabelProperties(), 12);
    legend->GetBrush()->SetColor(255, 255, 255, 225);
    legend->GetPen()->SetColor(190, 190, 190, 255);
    legend->SetSymbolWidth(24);

    vtkTooltipItem* tooltip = chart->GetTooltip();
    styleFont(tooltip->GetTextProperties(), 12);
    tooltip->GetBrush()->SetColor(255, 255, 240, 240);
    tooltip->GetPen()->SetColor(150, 150, 150, 255);

    renderer->AddObserver(vtkCommand::StartEvent, this, &Impl::thinLogTicks);
    // Any zoom or pan of the chart's own (wheel, box, drag) is the user taking over the view.
    chart->AddObserver(vtkCommand::InteractionEvent, this, &Impl::onInteraction);
  }

  // VTK labels every decade of a log axis; over 20+ decades in a short panel they overlap.
  // Keep at most one label per ~26 px, every k-th decade (before each frame).
  void thinLogTicks(vtkObject*, unsigned long, void*) {
    for (vtkAxis* axis : {chart->GetAxis(vtkAxis::LEFT), chart->GetAxis(vtkAxis::BOTTOM)}) {
      if (!axis->GetLogScaleActive()) {
        axis->SetCustomTickPositions(nullptr);
        continue;
      }
      const bool vertical = axis == chart->GetAxis(vtkAxis::LEFT);
      const double length = vertical ? axis->GetPoint2()[1] - axis->GetPoint1()[1]
                                     : axis->GetPoint2()[0] - axis->GetPoint1()[0];
      const int first = static_cast<int>(std::ceil(axis->GetMinimum() - 1e-9));
      const int last = static_cast<int>(std::floor(axis->GetMaximum() + 1e-9));
      const int maxLabels = std::max(2, static_cast<int>(length / (vertical ? 26.0 : 60.0)));
      const int decades = last - first + 1;
      if (length <= 0.0 || decades <= maxLabels) {
        axis->SetCustomTickPositions(nullptr);
        continue;
      }
      const int step = (decades + maxLabels - 1) / maxLabels;
      vtkNew<vtkDoubleArray> positions;
      vtkNew<vtkStringArray> labels;
      for (int e = first; e <= last; ++e) {
        if (e % step != 0) continue;
        positions->InsertNextValue(e);  // log axes take tick positions as log10
        labels->InsertNextValue(e >= 0 && e <= 3 ? std::to_string(static_cast<int>(std::pow(10, e)))
                                                 : "1e" + std::to_string(e));
      }
      axis->SetCustomTickPositions(positions, labels);
    }
  }

  void onInteraction(vtkObject*, unsigned long, void*) {
    userView = true;
    for (int i = 0; i < 4; ++i) chart->GetAxis(i)->SetBehavior(vtkAxis::FIXED);
    // Thin again for what is now on screen (zooming in shows detail the full view left out).
    refill();
  }

  void refit() {
    userView = false;
    for (int i = 0; i < 4; ++i) chart->GetAxis(i)->SetBehavior(vtkAxis::AUTO);
    refill();
    // The chart fits the axes itself in its next paint, but builds the curves before that
    // with the axes' old log state: with a log axis still showing a range through 0 the
    // first frame has no curves. Giving the axes the data range now avoids that.
    Bounds all;
    for (const auto& c : curves) all.add(c.bounds);
    vtkAxis* xAxis = chart->GetAxis(vtkAxis::BOTTOM);
    vtkAxis* yAxis = chart->GetAxis(vtkAxis::LEFT);
    if (!all.empty()) {
      setDataRange(xAxis, all.x0, all.x1);
      setDataRange(yAxis, all.y0, all.y1);
    } else {
      // Nothing to draw: an empty frame that already shows the chosen scales.
      xAxis->SetUnscaledRange(xAxis->GetLogScale() ? 1.0 : 0.0, 1000.0);
      yAxis->SetUnscaledRange(yAxis->GetLogScale() ? 1e-6 : 0.0, 1.0);
    }
    chart->RecalculateBounds();
    scene->SetDirty(true);
  }

  Curve makeCurve() {
    Curve c;
    c.table = vtkSmartPointer<vtkTable>::New();
    for (const char* name : {"iteration", "value"}) {
      vtkNew<vtkDoubleArray> column;
      column->SetName(name);
      c.table->AddColumn(column);
    }
    c.line = vtkSmartPointer<vtkPlotLine>::New();
    c.line->SetInputData(c.table, 0, 1);
    c.line->SetWidth(2.0f);
    c.line->SetMarkerStyle(vtkPlotPoints::NONE);
    chart->AddPlot(c.line);

    c.endTable = vtkSmartPointer<vtkTable>::New();
    for (const char* name : {"iteration", "value"}) {
      vtkNew<vtkDoubleArray> column;
      column->SetName(name);
      c.endTable->AddColumn(column);
    }
    c.end = vtkSmartPointer<vtkPlotPoints>::New();
    c.end->SetInputData(c.endTable, 0, 1);
    c.end->SetMarkerStyle(vtkPlotPoints::CROSS);
    c.end->SetMarkerSize(14.0f);
    c.end->SetWidth(3.0f);
    c.end->SetLegendVisibility(false);
    c.end->SetTooltipLabelFormat("%l diverged\niteration %x");
    chart->AddPlot(c.end);
    return c;
  }

  // Which points can be drawn: finite ones, and positive ones on a log axis.
  struct Drawable {
    bool logX, logY;
    bool operator()(double x, double y) const {
      return std::isfinite(x) && std::isfinite(y) && (!logX || x > 0.0) && (!logY || y > 0.0);
    }
  };

  // Above this many drawable points a curve is thinned to at most 4 per bucket: the first,
  // lowest, highest and last point of each of kBuckets equal slices of the x range on screen
  // (the M4 aggregation of Jugel et al., VLDB 2014). With a bucket no wider than a pixel column
  // the line looks the same, and 8 runs of 10^5 points draw as fast as 8 of 8000.
  static constexpr long kBuckets = 2048;

  // Row indices of c's points to draw, thinned over [lo, hi] (log10 of x on a log axis).
  void selectRows(const Curve& c, const Drawable& keep, double lo, double hi) {
    rows.clear();
    const size_t n = c.x.size();
    size_t drawable = 0;
    for (size_t i = 0; i < n; ++i) drawable += keep(c.x[i], c.y[i]) ? 1 : 0;
    if (drawable <= static_cast<size_t>(4 * kBuckets) || !(hi > lo)) {
      for (size_t i = 0; i < n; ++i) {
        if (keep(c.x[i], c.y[i])) rows.push_back(i);
      }
      return;
    }
    // Points left and right of the range fall into two extra buckets, so the line still
    // enters and leaves the view through the right neighbours.
    const double scale = static_cast<double>(kBuckets) / (hi - lo);
    auto bucketOf = [&](double x) -> long {
      const double t = keep.logX ? std::log10(x) : x;
      if (t < lo) return -1;
      if (t > hi) return kBuckets;
      return std::min(kBuckets - 1, static_cast<long>((t - lo) * scale));
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

  // Writes a curve's selected points into its table column by column (no row-wise inserts:
  // this runs at up to 60 Hz).
  void fill(Curve& c, const Drawable& keep, double lo, double hi) {
    selectRows(c, keep, lo, hi);
    const auto count = static_cast<vtkIdType>(rows.size());
    auto* xs = vtkDoubleArray::SafeDownCast(c.table->GetColumn(0));
    auto* ys = vtkDoubleArray::SafeDownCast(c.table->GetColumn(1));
    // SetNumberOfValues also shrinks (WritePointer would keep a longer old length).
    xs->SetNumberOfValues(count);
    ys->SetNumberOfValues(count);
    double* px = xs->GetPointer(0);
    double* py = ys->GetPointer(0);
    c.bounds = Bounds{};
    for (size_t j = 0; j < rows.size(); ++j) {
      px[j] = c.x[rows[j]];
      py[j] = c.y[rows[j]];
      c.bounds.add(px[j], py[j]);
    }
    xs->Modified();
    ys->Modified();
    c.table->Modified();
    // A line needs two points (vtkContext2D complains about fewer).
    c.line->SetVisible(count >= 2);

    // The cross marks the last drawn point when it is the run's last row.
    const bool mark = c.diverged && !c.x.empty() && keep(c.x.back(), c.y.back());
    auto* ex = vtkDoubleArray::SafeDownCast(c.endTable->GetColumn(0));
    auto* ey = vtkDoubleArray::SafeDownCast(c.endTable->GetColumn(1));
    ex->SetNumberOfValues(mark ? 1 : 0);
    ey->SetNumberOfValues(mark ? 1 : 0);
    if (mark) {
      ex->SetValue(0, c.x.back());
      ey->SetValue(0, c.y.back());
    }
    ex->Modified();
    ey->Modified();
    c.endTable->Modified();
    c.end->SetVisible(mark);
  }

  // Refills every table from the kept values: thinned over the x range the user looks at, or
  // over all the data while the chart fits itself to it.
  void refill() {
    vtkAxis* xAxis = chart->GetAxis(vtkAxis::BOTTOM);
    const Drawable keep{xAxis->GetLogScale(), chart->GetAxis(vtkAxis::LEFT)->GetLogScale()};
    double lo = INFINITY, hi = -INFINITY;
    if (userView) {
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
    scene->SetDirty(true);
  }

  std::vector<size_t> rows;  // scratch for selectRows()
};

ConvergenceChart::ConvergenceChart() : impl_(std::make_unique<Impl>()) {}

ConvergenceChart::~ConvergenceChart() = default;

vtkRenderer* ConvergenceChart::renderer() const {
  return impl_->renderer;
}

vtkContextScene* ConvergenceChart::scene() const {
  return impl_->scene;
}

void ConvergenceChart::setRuns(const std::vector<RunView>& runs, ConvergenceQuantity quantity,
                               std::optional<double> minimum) {
  auto& d = *impl_;
  d.quantity = quantity;
  d.chart->GetAxis(vtkAxis::LEFT)->SetTitle(quantityName(quantity));

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
    c.x.assign(run.iteration.begin(), run.iteration.begin() + static_cast<std::ptrdiff_t>(n));
    c.y.resize(n);
    for (size_t k = 0; k < n; ++k) c.y[k] = values[k] - shift;
    c.diverged = run.diverged;
    const std::string& name = run.name.empty() ? run.label : run.name;
    c.line->SetLabel(name);
    c.line->SetTooltipLabelFormat(std::string("%l\niteration %x\n") + quantityName(quantity) +
                                  " = %y");
    c.end->SetLabel(name);
    const unsigned char r = byte(run.color.r), g = byte(run.color.g), b = byte(run.color.b);
    c.line->SetColor(r, g, b, 255);
    c.end->SetColor(r, g, b, 255);
  }
  if (d.userView) {
    d.refill();
  } else {
    d.refit();
  }
}

void ConvergenceChart::setLogX(bool on) {
  auto& d = *impl_;
  if (d.chart->GetAxis(vtkAxis::BOTTOM)->GetLogScale() == on) return;
  d.chart->GetAxis(vtkAxis::BOTTOM)->SetLogScale(on);
  d.refit();
}

void ConvergenceChart::setLogY(bool on) {
  auto& d = *impl_;
  if (d.chart->GetAxis(vtkAxis::LEFT)->GetLogScale() == on) return;
  d.chart->GetAxis(vtkAxis::LEFT)->SetLogScale(on);
  d.refit();
}

bool ConvergenceChart::logX() const {
  return impl_->chart->GetAxis(vtkAxis::BOTTOM)->GetLogScale();
}

bool ConvergenceChart::logY() const {
  return impl_->chart->GetAxis(vtkAxis::LEFT)->GetLogScale();
}

void ConvergenceChart::resetZoom() {
  impl_->refit();
}

std::optional<double> ConvergenceChart::iterationAt(double displayX, double displayY) const {
  auto& d = *impl_;
  // Scene coordinates count from the renderer's viewport corner.
  double ox = 0.0, oy = 0.0;
  if (d.renderer->GetRenderWindow() != nullptr) {
    const int* origin = d.renderer->GetOrigin();
    ox = origin[0];
    oy = origin[1];
  }
  const double x = displayX - ox, y = displayY - oy;
  const PlotArea area = plotArea(d.chart);
  if (!area.valid() || x < area.x0 || x > area.x1 || y < area.y0 || y > area.y1) {
    return std::nullopt;
  }
  vtkAxis* axis = d.chart->GetAxis(vtkAxis::BOTTOM);
  const double t = (x - area.x0) / (area.x1 - area.x0);
  const double value = axis->GetMinimum() + t * (axis->GetMaximum() - axis->GetMinimum());
  return axis->GetLogScaleActive() ? std::pow(10.0, value) : value;
}

void ConvergenceChart::setMarker(std::optional<double> iteration) {
  auto& d = *impl_;
  d.marker->iteration = iteration;
  d.marker->Modified();
  d.scene->SetDirty(true);
}

}  // namespace gradscape::plots
