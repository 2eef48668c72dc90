#include "plots/spectrum_chart.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPen.h>
#include <vtkPlotArea.h>
#include <vtkPlotLine.h>
#include <vtkPlotPoints.h>
#include <vtkSmartPointer.h>
#include <vtkTable.h>

#include "plots/chart_frame.h"

namespace gradscape::plots {

std::vector<SpectrumStem> spectrumStems(const std::vector<double>& eigenvalues) {
  std::vector<double> sorted;
  for (double v : eigenvalues) {
    if (std::isfinite(v)) sorted.push_back(v);
  }
  std::sort(sorted.begin(), sorted.end());
  double largest = 0.0;
  for (double v : sorted) largest = std::max(largest, std::abs(v));
  const double zero = 1e-12 * largest;
  // Each value is compared with the first of its group, so that a chain of near neighbours
  // cannot drift into one stem.
  std::vector<SpectrumStem> stems;
  double first = 0.0, sum = 0.0;
  for (double v : sorted) {
    const bool same =
        !stems.empty() && (std::abs(v - first) <= 1e-9 * std::max(std::abs(v), std::abs(first)) ||
                           (std::abs(v) <= zero && std::abs(first) <= zero));
    if (same) {
      sum += v;
      ++stems.back().count;
      stems.back().value = sum / stems.back().count;
      continue;
    }
    first = sum = v;
    stems.push_back({v, 1});
  }
  return stems;
}

namespace {

constexpr unsigned char kZeroLineAlpha = 80;     // in the theme's reference colour
constexpr unsigned char kStemOverDensity = 120;  // alpha

}  // namespace

struct SpectrumChart::Impl {
  ChartFrame frame{"eigenvalue", "count"};
  // Drawn bottom to top: the density's fill and outline, then the stems and their dots.
  vtkSmartPointer<vtkTable> densityTable = makeTable({"eigenvalue", "density", "base"});
  vtkSmartPointer<vtkPlotArea> fill = vtkSmartPointer<vtkPlotArea>::New();
  vtkSmartPointer<vtkPlotLine> outline;
  vtkSmartPointer<vtkTable> stemTable = makeTable({"eigenvalue", "count"});
  vtkSmartPointer<vtkPlotLine> stems;
  vtkSmartPointer<vtkTable> tipTable = makeTable({"eigenvalue", "count"});
  vtkSmartPointer<vtkPlotPoints> tips = vtkSmartPointer<vtkPlotPoints>::New();

  SpectrumData data;
  std::vector<SpectrumStem> stemValues;
  std::vector<std::pair<std::string, double>> thresholds;
  std::optional<bool> chosenLogY;  // unset: log y exactly when a density is shown
  Bounds drawn;                    // of everything drawn (stem bases too), for fitting
  std::vector<size_t> rows;        // scratch for fillDensity()

  Impl() {
    fill->SetInputData(densityTable);
    fill->SetInputArray(0, "eigenvalue");
    fill->SetInputArray(1, "base");
    fill->SetInputArray(2, "density");
    fill->SetLabel("density");
    fill->SetTooltipLabelFormat("eigenvalue %x\ndensity %b");
    frame.chart()->AddPlot(fill);
    outline = frame.addLine(densityTable, 1.5f);
    outline->SetLegendVisibility(false);
    outline->SetTooltipLabelFormat("eigenvalue %x\ndensity %y");

    // Separate segments (base, top) per stem, not one polyline.
    stems = frame.addLine(stemTable, 1.5f);
    stems->SetPolyLine(false);
    stems->SetLabel("eigenvalues");
    stems->SetTooltipLabelFormat("eigenvalue %x");
    tips->SetInputData(tipTable, 0, 1);
    tips->SetMarkerStyle(vtkPlotPoints::CIRCLE);
    tips->SetLegendVisibility(false);
    tips->SetTooltipLabelFormat("eigenvalue %x\nmultiplicity %y");
    frame.chart()->AddPlot(tips);
  }

  bool hasDensity() const { return !data.grid.empty(); }
  bool hasStems() const { return !stemValues.empty(); }
  bool logY() const { return chosenLogY.value_or(hasDensity()); }

  // The density's drawable points; on a log axis lifted to 1e-12 of the largest, and the fill
  // standing on that floor (on 0 otherwise).
  void fillDensity() {
    const bool log = logY();
    drawableRows(data.grid, data.density, Drawable{false, log}, rows);
    std::vector<double> xs, ys;
    double peak = 0.0;
    for (size_t i : rows) peak = std::max(peak, data.density[i]);
    const double floor = log ? 1e-12 * peak : 0.0;
    for (size_t i : rows) {
      xs.push_back(data.grid[i]);
      ys.push_back(log ? std::max(data.density[i], floor) : data.density[i]);
      drawn.add(xs.back(), ys.back());
      if (!log) drawn.add(xs.back(), 0.0);
    }
    setColumn(densityTable, 0, xs);
    setColumn(densityTable, 1, ys);
    setColumn(densityTable, 2, std::vector<double>(xs.size(), floor));
    // vtkPlotArea fills nothing below three points; a line needs two.
    fill->SetVisible(xs.size() >= 3);
    outline->SetVisible(xs.size() >= 2);
    const unsigned char r = colorByte(data.color.r), g = colorByte(data.color.g),
                        b = colorByte(data.color.b);
    fill->SetColor(r, g, b, 70);
    outline->SetColor(r, g, b, 255);
  }

  // Stems from `base` up to each multiplicity, thinner and with smaller dots as they crowd.
  void fillStems(double base) {
    std::vector<double> sx, sy, tx, ty;
    for (const auto& s : stemValues) {
      sx.insert(sx.end(), {s.value, s.value});
      sy.insert(sy.end(), {base, static_cast<double>(s.count)});
      tx.push_back(s.value);
      ty.push_back(s.count);
      drawn.add(s.value, base);
      drawn.add(s.value, s.count);
    }
    setColumn(stemTable, 0, sx);
    setColumn(stemTable, 1, sy);
    setColumn(tipTable, 0, tx);
    setColumn(tipTable, 1, ty);
    const size_t n = stemValues.size();
    stems->SetVisible(n > 0);
    tips->SetVisible(n > 0);
    stems->SetWidth(n <= 100 ? 2.0f : 1.0f);
    tips->SetMarkerSize(n <= 40 ? 7.0f : n <= 150 ? 6.0f : 5.0f);
    // Over a density the stems are translucent: a crowd of them would hide the curve.
    const unsigned char r = colorByte(data.color.r), g = colorByte(data.color.g),
                        b = colorByte(data.color.b), a = hasDensity() ? kStemOverDensity : 255;
    stems->SetColor(r, g, b, a);
    tips->SetColor(r, g, b, a);
  }

  // The eigenvalue range: the data, 0 when it is near, and each threshold within one width of
  // that (a threshold farther out would squeeze the data into a few pixels: it is noted at the
  // edge instead); padded so that no stem sits on the frame. Without data, the thresholds.
  void fitX(Bounds& range) const {
    double lo = drawn.x0, hi = drawn.x1;
    if (lo <= hi) {
      const double span = hi - lo;
      if ((lo > 0.0 && lo <= span) || (hi < 0.0 && -hi <= span)) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
      }
    }
    // One data width; for a single stem, its distance from 0 (at least 1).
    const double reach = hi > lo ? hi - lo : std::max(std::abs(lo), 1.0);
    const bool hasData = lo <= hi;
    const double dataLo = lo, dataHi = hi;
    for (const auto& t : thresholds) {
      if (!std::isfinite(t.second)) continue;
      if (hasData && (t.second < dataLo - reach || t.second > dataHi + reach)) continue;
      lo = std::min(lo, t.second);
      hi = std::max(hi, t.second);
    }
    if (!(lo <= hi)) return;
    const double pad = hi > lo ? 0.06 * (hi - lo) : std::max(0.5 * std::abs(lo), 1.0);
    range.x0 = lo - pad;
    range.x1 = hi + pad;
  }

  // The y range: what is drawn, with headroom for the dots on top.
  void fitY(Bounds& range) const {
    if (drawn.empty()) return;
    if (logY()) {
      // A tenth of the decades shown (at least a tenth of one).
      const double decades = std::max(std::log10(drawn.y1 / drawn.y0), 1.0);
      range.y0 = drawn.y0;
      range.y1 = drawn.y1 * std::pow(10.0, 0.1 * decades);
    } else {
      range.y0 = drawn.y0;
      range.y1 = drawn.y1 > 0.0 ? 1.12 * drawn.y1 : 1.0;
    }
  }

  // Fills the plots and lines from the kept data.
  void refill() {
    const bool log = logY();
    frame.yAxis()->SetLogScale(log);
    drawn = Bounds{};
    fillDensity();
    // On a log axis stems rise from the bottom of the frame: the density's lowest point, or
    // 0.5 (a count of 1 then still shows a stem).
    fillStems(!log ? 0.0 : drawn.empty() ? 0.5 : drawn.y0);

    const bool both = hasStems() && hasDensity();
    frame.yAxis()->SetTitle(both ? "count / density" : hasDensity() ? "density" : "count");
    frame.setIntegerY(hasStems() && !hasDensity() && !log);
    frame.chart()->SetShowLegend(both);
    frame.chart()->SetTitle(data.title);

    // The zero line is translucent: numerically zero eigenvalues stand on it and show through.
    std::vector<VerticalLine> lines;
    VerticalLine zero;
    zero.alpha = kZeroLineAlpha;
    zero.width = 1.0f;
    zero.lineType = vtkPen::SOLID_LINE;
    lines.push_back(zero);
    for (const auto& [label, x] : thresholds) {
      VerticalLine line;
      line.x = x;
      line.label = label;
      line.noteOffScale = true;
      lines.push_back(line);
    }
    frame.setVerticalLines(std::move(lines));
    frame.markDirty();
  }

  void refit() {
    frame.releaseView();
    refill();
    Bounds range;
    fitX(range);
    fitY(range);
    Bounds empty;
    empty.add(-1.0, logY() ? 0.01 : 0.0);
    empty.add(1.0, 1.0);
    frame.fit(range, empty, true);
  }

  // New data keeps the user's zoom (scrubbing through iterations in a zoomed view), unless it
  // switches the y axis between linear and log (a density came or went).
  void update() {
    if (frame.userView() && frame.yAxis()->GetLogScale() == logY()) {
      refill();
    } else {
      refit();
    }
  }
};

SpectrumChart::SpectrumChart() : impl_(std::make_unique<Impl>()) {
  impl_->refit();
}

SpectrumChart::~SpectrumChart() = default;

vtkRenderer* SpectrumChart::renderer() const {
  return impl_->frame.renderer();
}

vtkContextScene* SpectrumChart::scene() const {
  return impl_->frame.scene();
}

void SpectrumChart::setSpectrum(const SpectrumData& data) {
  auto& d = *impl_;
  d.data = data;
  d.stemValues = spectrumStems(data.eigenvalues);
  d.update();
}

void SpectrumChart::setLogY(bool on) {
  auto& d = *impl_;
  d.chosenLogY = on;
  d.refit();
}

bool SpectrumChart::logY() const {
  return impl_->logY();
}

void SpectrumChart::setThresholds(std::vector<std::pair<std::string, double>> lines) {
  auto& d = *impl_;
  d.thresholds = std::move(lines);
  d.update();
}

void SpectrumChart::resetZoom() {
  impl_->refit();
}

std::vector<std::string> SpectrumChart::offScaleThresholds() const {
  return impl_->frame.offScaleNotes();
}

std::optional<double> SpectrumChart::eigenvalueAt(double displayX, double displayY) const {
  return impl_->frame.xAt(displayX, displayY);
}

}  // namespace gradscape::plots
