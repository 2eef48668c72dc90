// The sharpness chart rendered offscreen: series in their colours, the stability threshold as a
// dashed line at the height the axes give it (met by a sharpness that reaches it), the dotted
// smallest eigenvalue, log axes that leave out what they cannot draw, the display-to-iteration
// mapping, the legend's labels, the marker, and empty input.
#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlot.h>
#include <vtkTable.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "plots/rgb.h"
#include "plots/sharpness_chart.h"
#include "support/chart_image.h"

using namespace gradscape::plots;
using gradscape::testing::ChartImage;
using gradscape::testing::column;
using gradscape::testing::countColour;
using gradscape::testing::fullestColumn;
using gradscape::testing::near;

namespace {

using Offscreen = gradscape::testing::OffscreenChart<SharpnessChart>;

std::vector<double> steps(double first, double last, double step) {
  std::vector<double> v;
  for (double x = first; x <= last + 1e-9; x += step) v.push_back(x);
  return v;
}

SharpnessSeries seriesOf(const std::string& name, int colour, std::vector<double> iteration,
                         std::vector<double> top) {
  SharpnessSeries s;
  s.name = name;
  s.color = runColor(colour);
  s.iteration = std::move(iteration);
  s.top = std::move(top);
  return s;
}

// A flat threshold over the run's iterations, as a constant learning rate gives.
void flatThreshold(SharpnessSeries& s, double value) {
  s.thresholdIteration = {s.iteration.front(), s.iteration.back()};
  s.threshold = {value, value};
}

// Which columns in [x0, x1] hold `colour` somewhere in rows [y - 2, y + 2].
std::vector<bool> rowCoverage(const ChartImage& image, Rgb colour, int x0, int x1, double y) {
  const int row = static_cast<int>(std::lround(y));
  std::vector<bool> on;
  for (int x = x0; x <= x1; ++x) {
    bool hit = false;
    for (int r = row - 2; r <= row + 2; ++r) hit = hit || near(image.at(x, r), colour);
    on.push_back(hit);
  }
  return on;
}

// A plot's input column with its line breaks (NaN rows) shown as kBreak.
constexpr double kBreak = -999.0;
std::vector<double> drawn(vtkPlot* plot, int index) {
  std::vector<double> v = column(plot, index);
  for (double& x : v) x = std::isnan(x) ? kBreak : x;
  return v;
}

int transitions(const std::vector<bool>& on) {
  int n = 0;
  for (size_t i = 1; i < on.size(); ++i) n += on[i] != on[i - 1] ? 1 : 0;
  return n;
}

double fraction(const std::vector<bool>& on) {
  double n = 0;
  for (bool b : on) n += b ? 1 : 0;
  return on.empty() ? 0.0 : n / static_cast<double>(on.size());
}

// The edge-of-stability picture with made-up but typical numbers (Cohen et al. 2021, fig. 1):
// gradient descent sharpens progressively until the top eigenvalue reaches 2/lr, then hovers
// there; with a decaying learning rate the threshold rises and the sharpness follows it.
std::vector<SharpnessSeries> edgeOfStabilityRuns() {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::vector<SharpnessSeries> runs;
  const std::vector<double> it = steps(0, 2000, 10);
  for (int r = 0; r < 2; ++r) {
    const double lr = r == 0 ? 0.01 : 0.02, edge = 2.0 / lr, reach = r == 0 ? 900.0 : 450.0;
    SharpnessSeries s = seriesOf("GD  lr=" + std::string(r == 0 ? "0.01" : "0.02"), r, it, {});
    for (double k : it) {
      const double t = std::min(k / reach, 1.0);
      const double rise = 25.0 + (edge - 25.0) * t * t;
      s.top.push_back(k < reach ? rise : edge + 0.03 * edge * std::sin(k / 23.0) + noise(rng));
      s.bottom.push_back(-12.0 * std::exp(-k / 250.0) - 0.4 + 0.2 * noise(rng));
    }
    flatThreshold(s, edge);
    runs.push_back(s);
  }
  // A cosine decay from 0.02 to 0.005: the threshold 2/lr_k rises from 100 to 400.
  SharpnessSeries s = seriesOf("GD  cosine lr", 2, it, {});
  for (double k : it) {
    const double lr = 0.005 + 0.0075 * (1.0 + std::cos(M_PI * k / 2000.0));
    s.thresholdIteration.push_back(k);
    s.threshold.push_back(2.0 / lr);
    const double t = k / 1500.0;
    s.top.push_back(std::min(30.0 + 370.0 * t * t, 2.0 / lr * (0.98 + 0.01 * noise(rng))));
    s.bottom.push_back(-6.0 * std::exp(-k / 400.0) - 0.2 + 0.2 * noise(rng));
  }
  runs.push_back(s);
  return runs;
}

}  // namespace

class TestSharpnessChart : public QObject {
  Q_OBJECT

  gradscape::testing::VtkMessages vtkMessages;

 private slots:
  // Every VTK error or warning fails the test that caused it.
  void initTestCase() { vtkMessages.install(); }
  void cleanup() { vtkMessages.expectNone(); }

  void seriesAreDrawnInTheirColours() {
    Offscreen o;
    std::vector<SharpnessSeries> series;
    for (int i = 0; i < 3; ++i) {
      std::vector<double> top;
      for (double k : steps(0, 100, 1)) top.push_back((i + 1) * (1.0 + k / 50.0));
      series.push_back(seriesOf("run " + std::to_string(i), i, steps(0, 100, 1), top));
    }
    flatThreshold(series[1], 3.0);
    o.chart.setSeries(series);
    const ChartImage image = o.render();
    for (int i = 0; i < 3; ++i) {
      QVERIFY2(countColour(image, runColor(i)) > 100, qPrintable(QString::number(i)));
    }
    QCOMPARE(countColour(image, runColor(5)), 0);
    QVERIFY(near(image.at(2, 2), {1.0, 1.0, 1.0}, 2));
  }

  // The sharpness rises to its threshold 20 at iteration 90 and stays there until 200 (then
  // rises further, so that 20 is mid-height): left of 90 the threshold row alternates between
  // dash and gap, from 100 to 200 the solid curve covers it.
  void thresholdIsADashedLineThatTheSharpnessMeets() {
    Offscreen o;
    const std::vector<double> it = steps(0, 300, 2);
    std::vector<double> top;
    for (double k : it) top.push_back(k <= 200 ? std::min(2.0 + 0.2 * k, 20.0) : k / 10.0);
    SharpnessSeries s = seriesOf("GD", 0, it, top);
    flatThreshold(s, 20.0);
    o.chart.setSeries({s});
    const ChartImage image = o.render();
    o.saveShot("sharpness_threshold_test");
    const double y = o.displayY(20.0);
    const int x0 = static_cast<int>(o.displayX(0.0)) + 3, x1 = static_cast<int>(o.displayX(80.0));

    // The threshold is the fullest row left of the meeting point, where the axes put 20.
    int bestRow = -1, bestCount = 0;
    for (int r = 0; r < image.height; ++r) {
      int count = 0;
      for (int x = x0; x <= x1; ++x) count += near(image.at(x, r), runColor(0)) ? 1 : 0;
      if (count > bestCount) {
        bestRow = r;
        bestCount = count;
      }
    }
    QVERIFY2(std::abs(bestRow - y) <= 1.5, qPrintable(QString("%1 %2").arg(bestRow).arg(y)));

    const auto dashed = rowCoverage(image, runColor(0), x0, x1, y);
    QVERIFY2(transitions(dashed) >= 8, qPrintable(QString::number(transitions(dashed))));
    QVERIFY2(fraction(dashed) > 0.25 && fraction(dashed) < 0.85,
             qPrintable(QString::number(fraction(dashed))));
    const auto met = rowCoverage(image, runColor(0), static_cast<int>(o.displayX(100.0)),
                                 static_cast<int>(o.displayX(195.0)), y);
    QCOMPARE(fraction(met), 1.0);
  }

  void aScheduleGivesAThresholdCurve() {
    Offscreen o;
    SharpnessSeries s = seriesOf("GD", 1, steps(0, 100, 10), std::vector<double>(11, 1.0));
    s.thresholdIteration = {0, 50, 100};
    s.threshold = {10, 20, 40};
    o.chart.setSeries({s});
    o.render();
    vtkPlot* threshold = o.xy()->GetPlot(1);
    QCOMPARE(column(threshold, 0), (std::vector<double>{0, 50, 100}));
    QCOMPARE(column(threshold, 1), (std::vector<double>{10, 20, 40}));
    // One sample: a constant drawn flat across the run.
    s.thresholdIteration = {0};
    s.threshold = {25};
    o.chart.setSeries({s});
    o.render();
    QCOMPARE(column(threshold, 0), (std::vector<double>{0, 100}));
    QCOMPARE(column(threshold, 1), (std::vector<double>{25, 25}));
  }

  void legendNamesTheThresholdAfterItsRun() {
    Offscreen o;
    SharpnessSeries gd = seriesOf("GD", 0, steps(0, 10, 1), std::vector<double>(11, 1.0));
    flatThreshold(gd, 2.0);
    SharpnessSeries adam = seriesOf("Adam", 1, steps(0, 10, 1), std::vector<double>(11, 1.5));
    o.chart.setSeries({gd, adam});
    o.render();
    QCOMPARE(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetTitle(), std::string("iteration"));
    QCOMPARE(o.xy()->GetAxis(vtkAxis::LEFT)->GetTitle(), std::string("top Hessian eigenvalue"));
    std::vector<std::string> legend;
    for (vtkIdType i = 0; i < o.xy()->GetNumberOfPlots(); ++i) {
      vtkPlot* plot = o.xy()->GetPlot(i);
      if (plot->GetVisible() && plot->GetLegendVisibility()) legend.push_back(plot->GetLabel());
    }
    QCOMPARE(legend, (std::vector<std::string>{"GD", "GD threshold", "Adam"}));
  }

  // The smallest eigenvalue (-5, a saddle) is drawn only when asked, dotted, in the run colour.
  void bottomIsADottedLineWhenAsked() {
    Offscreen o;
    SharpnessSeries s = seriesOf("GD", 2, steps(0, 100, 1), std::vector<double>(101, 10.0));
    s.bottom.assign(101, -5.0);
    flatThreshold(s, 20.0);
    o.chart.setShowBottom(true);
    QVERIFY(o.chart.showBottom());
    o.chart.setSeries({s});
    ChartImage image = o.render();
    const int x0 = static_cast<int>(o.displayX(2.0)), x1 = static_cast<int>(o.displayX(98.0));
    const auto dotted = rowCoverage(image, runColor(2), x0, x1, o.displayY(-5.0));
    QVERIFY2(transitions(dotted) >= 10, qPrintable(QString::number(transitions(dotted))));
    QVERIFY2(fraction(dotted) > 0.2 && fraction(dotted) < 0.9,
             qPrintable(QString::number(fraction(dotted))));
    QCOMPARE(fraction(rowCoverage(image, runColor(2), x0, x1, o.displayY(10.0))), 1.0);

    o.chart.setShowBottom(false);
    image = o.render();
    // The axes refit to the top alone: -5 is out of view, and nothing of the colour is below 10.
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetMinimum() > -5.0);
    const int below = static_cast<int>(o.displayY(10.0)) - 4;
    int count = 0;
    for (int y = 0; y < below; ++y) {
      for (int x = x0; x <= x1; ++x) count += near(image.at(x, y), runColor(2)) ? 1 : 0;
    }
    QCOMPARE(count, 0);
  }

  void logYLeavesOutNonPositiveValues() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Offscreen o;
    SharpnessSeries s = seriesOf("GD", 0, {0, 1, 2, 3, 4, 5}, {1.0, 0.0, -1.0, nan, 2.0, 4.0});
    s.bottom = {-1.0, 0.5, -0.5, 0.25, 0.125, -2.0};
    s.thresholdIteration = {0, 5};
    s.threshold = {3.0, 3.0};
    o.chart.setShowBottom(true);
    o.chart.setLogY(true);
    QVERIFY(o.chart.logY());
    o.chart.setSeries({s});
    o.render();
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    // What is left out breaks the line (a NaN row) rather than being bridged.
    QCOMPARE(drawn(o.xy()->GetPlot(0), 0), (std::vector<double>{0, kBreak, 4, 5}));
    QCOMPARE(drawn(o.xy()->GetPlot(0), 1), (std::vector<double>{1.0, kBreak, 2.0, 4.0}));
    QCOMPARE(drawn(o.xy()->GetPlot(2), 1), (std::vector<double>{0.5, kBreak, 0.25, 0.125}));
    QCOMPARE(drawn(o.xy()->GetPlot(1), 1), (std::vector<double>{3.0, 3.0}));

    // On a linear axis only the non-finite values go.
    o.chart.setLogY(false);
    o.render();
    QVERIFY(!o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QCOMPARE(drawn(o.xy()->GetPlot(0), 1), (std::vector<double>{1.0, 0.0, -1.0, kBreak, 2.0, 4.0}));
    QCOMPARE(drawn(o.xy()->GetPlot(2), 1),
             (std::vector<double>{-1.0, 0.5, -0.5, 0.25, 0.125, -2.0}));
  }

  // A jump at a known iteration draws a vertical segment; iterationAt() of its column gives
  // the iteration back, on a linear and on a log axis.
  void iterationAtFindsADrawnJump_data() {
    QTest::addColumn<bool>("logX");
    QTest::addColumn<double>("jump");
    QTest::addColumn<double>("last");
    QTest::newRow("linear") << false << 60.0 << 200.0;
    QTest::newRow("log") << true << 30.0 << 1000.0;
  }
  void iterationAtFindsADrawnJump() {
    QFETCH(bool, logX);
    QFETCH(double, jump);
    QFETCH(double, last);
    Offscreen o;
    o.chart.setLogX(logX);
    QCOMPARE(o.chart.logX(), logX);
    o.chart.setSeries({seriesOf("GD", 3, {1, jump, jump, last}, {1, 1, 10, 10})});
    const ChartImage image = o.render();
    const auto [x, count] = fullestColumn(image, runColor(3));
    QVERIFY2(count > 100, qPrintable(QString::number(count)));
    const auto at = o.chart.iterationAt(x + 0.5, 200.0);
    QVERIFY(at.has_value());
    if (logX) {
      QVERIFY2(std::abs(std::log10(*at / jump)) < 2 * 3.0 / 500, qPrintable(QString::number(*at)));
    } else {
      QVERIFY2(std::abs(*at - jump) < 2 * last / 500, qPrintable(QString::number(*at)));
    }
    QVERIFY(!o.chart.iterationAt(1.0, 200.0).has_value());
  }

  void markerIsAVerticalLineAtItsIteration() {
    Offscreen o;
    o.chart.setSeries({seriesOf("GD", 0, steps(0, 100, 1), std::vector<double>(101, 5.0))});
    o.chart.setMarker(40.0);
    const Rgb markerGrey = gradscape::testing::grey(90);
    ChartImage image = o.render();
    const auto [x, count] = fullestColumn(image, markerGrey);
    QVERIFY2(count > 60, qPrintable(QString::number(count)));
    const auto at = o.chart.iterationAt(x + 0.5, 200.0);
    QVERIFY(at.has_value());
    QVERIFY2(std::abs(*at - 40.0) < 1.0, qPrintable(QString::number(*at)));
    o.chart.setMarker(std::nullopt);
    image = o.render();
    // Nothing of that grey left in the plot area (the axis titles hold some).
    const auto counts = gradscape::testing::columnCounts(image, markerGrey);
    for (int c = static_cast<int>(o.displayX(0.0)) + 2; c < o.displayX(100.0); ++c) {
      QVERIFY2(counts[static_cast<size_t>(c)] < 10, qPrintable(QString::number(c)));
    }
  }

  void invisibleSeriesAreLeftOut() {
    Offscreen o;
    SharpnessSeries hidden = seriesOf("a", 0, steps(0, 50, 1), std::vector<double>(51, 1.0));
    hidden.visible = false;
    flatThreshold(hidden, 2.0);
    o.chart.setSeries({hidden, seriesOf("b", 1, steps(0, 50, 1), std::vector<double>(51, 2.0))});
    const ChartImage image = o.render();
    QCOMPARE(countColour(image, runColor(0)), 0);
    QVERIFY(countColour(image, runColor(1)) > 100);
    // Fewer series later leave no stale lines.
    o.chart.setSeries({});
    QCOMPARE(countColour(o.render(), runColor(1)), 0);
  }

  void emptyInputShowsEmptyAxes() {
    Offscreen o;
    o.chart.setSeries({});
    o.render();
    o.saveShot("sharpness_empty_test");
    SharpnessSeries nothing;
    nothing.name = "empty";
    SharpnessSeries negative = seriesOf("neg", 1, {0, 1, 2}, {-1, -2, -3});
    negative.bottom = {-4};  // shorter than the iterations: paired up to the shorter
    negative.thresholdIteration = {0};
    negative.threshold = {std::numeric_limits<double>::infinity()};
    o.chart.setShowBottom(true);
    o.chart.setSeries({nothing, negative});
    o.render();
    o.chart.setLogY(true);
    o.chart.setLogX(true);
    o.render();
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QVERIFY(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetLogScaleActive());
    QVERIFY(!o.chart.iterationAt(-10.0, -10.0).has_value());
    o.chart.resetZoom();
    o.render();
  }

  void edgeOfStabilityPictureIsLegible() {
    Offscreen o(900, 480);
    o.chart.setSeries(edgeOfStabilityRuns());
    o.chart.setMarker(1200.0);
    ChartImage image = o.render();
    for (int i = 0; i < 3; ++i) {
      QVERIFY2(countColour(image, runColor(i)) > 300, qPrintable(QString::number(i)));
    }
    o.saveShot("sharpness_chart");
    o.chart.setShowBottom(true);
    image = o.render();
    o.saveShot("sharpness_chart_bottom");
    o.chart.setLogY(true);
    image = o.render();
    o.saveShot("sharpness_chart_log");
  }
};

QTEST_GUILESS_MAIN(TestSharpnessChart)
#include "test_sharpness_chart.moc"
