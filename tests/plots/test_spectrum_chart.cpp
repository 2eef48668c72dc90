// The spectrum chart rendered offscreen: stems at the eigenvalues' x positions as high as their
// multiplicity, a density's peaks where its clusters are, log y leaving out what it cannot
// draw, the zero line and labelled threshold lines, the display-to-eigenvalue mapping, and
// empty or degenerate data.
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
#include "plots/spectrum_chart.h"
#include "plots/theme.h"
#include "support/chart_image.h"

using namespace gradscape::plots;
using gradscape::testing::ChartImage;
using gradscape::testing::column;
using gradscape::testing::columnCounts;
using gradscape::testing::countColour;
using gradscape::testing::fullestColumn;
using gradscape::testing::near;

namespace {

using Offscreen = gradscape::testing::OffscreenChart<SpectrumChart>;

// The runs of adjacent columns holding at least `minimum` pixels of a colour: [first, last].
std::vector<std::pair<int, int>> colouredRuns(const std::vector<int>& counts, int minimum) {
  std::vector<std::pair<int, int>> runs;
  for (int x = 0; x < static_cast<int>(counts.size()); ++x) {
    if (counts[static_cast<size_t>(x)] < minimum) continue;
    if (!runs.empty() && runs.back().second == x - 1) {
      runs.back().second = x;
    } else {
      runs.push_back({x, x});
    }
  }
  return runs;
}

// The highest row holding a colour in column x (-1 when none).
int topOf(const ChartImage& image, int x, Rgb colour) {
  for (int y = image.height - 1; y >= 0; --y) {
    if (near(image.at(x, y), colour)) return y;
  }
  return -1;
}

// Two Gaussian clusters of eigenvalues, at -2 (width 0.5, a third of the mass) and 8 (width 1).
SpectrumData twoClusters() {
  SpectrumData data;
  data.color = runColor(1);
  for (int i = 0; i <= 400; ++i) {
    const double x = -6.0 + 18.0 * i / 400.0;
    data.grid.push_back(x);
    data.density.push_back(std::exp(-0.5 * std::pow((x + 2.0) / 0.5, 2)) / (3 * 0.5) +
                           std::exp(-0.5 * std::pow(x - 8.0, 2)) * 2.0 / 3.0);
  }
  return data;
}

// A Hessian spectrum as deep networks show it (Sagun et al. 2017, Ghorbani et al. 2019): a
// bulk near zero, a few negative values, and a handful of large outliers.
SpectrumData bulkAndOutliers(int bulk) {
  std::mt19937_64 rng(11);
  std::gamma_distribution<double> spread(1.5, 0.35);
  std::normal_distribution<double> noise(0.0, 0.15);
  SpectrumData data;
  data.color = runColor(0);
  data.title = "Hessian spectrum at iteration 120 (run Adam)";
  for (int i = 0; i < bulk; ++i) {
    data.eigenvalues.push_back(i % 7 == 0 ? noise(rng) - 0.1 : spread(rng));
  }
  for (double outlier : {6.5, 9.0, 11.5, 16.0}) data.eigenvalues.push_back(outlier);
  for (int i = 0; i < 6; ++i) data.eigenvalues.push_back(0.0);  // a null space
  return data;
}

// A Gaussian-kernel density of a list of eigenvalues on a grid (what SLQ estimates).
void addDensity(SpectrumData& data, double width) {
  data.grid.clear();
  data.density.clear();
  for (int i = 0; i <= 500; ++i) {
    const double x = -2.0 + 20.0 * i / 500.0;
    double d = 0.0;
    for (double v : data.eigenvalues) d += std::exp(-0.5 * std::pow((x - v) / width, 2));
    data.grid.push_back(x);
    data.density.push_back(d / (data.eigenvalues.size() * width * std::sqrt(2 * M_PI)));
  }
}

}  // namespace

class TestSpectrumChart : public QObject {
  Q_OBJECT

  gradscape::testing::VtkMessages vtkMessages;

 private slots:
  // Every VTK error or warning fails the test that caused it.
  void initTestCase() { vtkMessages.install(); }
  void cleanup() { vtkMessages.expectNone(); }

  void repeatedEigenvaluesMergeIntoOneStem() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto stems = spectrumStems({5, 2, 1, 2 + 1e-12, 5, nan, 5, 1e-17, -1e-17, 0, 1 + 1e-6});
    QCOMPARE(stems.size(), size_t{5});
    QCOMPARE(stems[0].count, 3);  // numerically zero
    QVERIFY(std::abs(stems[0].value) < 1e-16);
    QCOMPARE(stems[1], (SpectrumStem{1.0, 1}));
    QCOMPARE(stems[2], (SpectrumStem{1.0 + 1e-6, 1}));  // 1e-6 apart: two values
    QCOMPARE(stems[3].count, 2);
    QVERIFY(std::abs(stems[3].value - (2.0 + 0.5e-12)) < 1e-15);
    QCOMPARE(stems[4], (SpectrumStem{5.0, 3}));
    QVERIFY(spectrumStems({}).empty());
  }

  // Eigenvalues 1, 2, 2, 5, 5, 5: three stems, found in the image where the axes put 1, 2 and
  // 5, one, two and three units high.
  void stemsStandAtTheirEigenvaluesAsHighAsTheirMultiplicity() {
    Offscreen o;
    SpectrumData data;
    data.eigenvalues = {1, 2, 2, 5, 5, 5};
    data.color = runColor(2);
    o.chart.setSpectrum(data);
    QVERIFY(!o.chart.logY());
    const ChartImage image = o.render();
    o.saveShot("spectrum_stems_test");
    QCOMPARE(o.xy()->GetAxis(vtkAxis::LEFT)->GetTitle(), std::string("count"));
    QCOMPARE(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetTitle(), std::string("eigenvalue"));

    const auto runs = colouredRuns(columnCounts(image, runColor(2)), 20);
    QCOMPARE(runs.size(), size_t{3});
    const double base = o.displayY(0.0);
    const std::vector<double> values{1, 2, 5}, counts{1, 2, 3};
    for (size_t i = 0; i < 3; ++i) {
      // The stem is the fullest column of its run (the dot on top is wider).
      int stem = runs[i].first;
      for (int x = runs[i].first; x <= runs[i].second; ++x) {
        if (topOf(image, x, runColor(2)) >= 0 &&
            columnCounts(image, runColor(2))[static_cast<size_t>(x)] >
                columnCounts(image, runColor(2))[static_cast<size_t>(stem)]) {
          stem = x;
        }
      }
      const auto at = o.chart.eigenvalueAt(stem + 0.5, base + 20.0);
      QVERIFY(at.has_value());
      QVERIFY2(std::abs(*at - values[i]) < 0.05, qPrintable(QString::number(*at)));
      // Top of the dot: the stem's height plus at most the dot's radius.
      const double top = topOf(image, stem, runColor(2));
      const double expected = o.displayY(counts[i]);
      QVERIFY2(top >= expected - 1.0 && top <= expected + 5.0,
               qPrintable(QString("%1 %2").arg(top).arg(expected)));
    }
  }

  // The density's two clusters at -2 and 8 give the two highest points of the outline on
  // either side of the valley between them; log y is the default for a density.
  void densityPeaksWhereItsClustersAre() {
    Offscreen o;
    o.chart.setSpectrum(twoClusters());
    QVERIFY(o.chart.logY());
    const ChartImage image = o.render();
    o.saveShot("spectrum_density_test");
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QCOMPARE(o.xy()->GetAxis(vtkAxis::LEFT)->GetTitle(), std::string("density"));
    const int split = static_cast<int>(o.displayX(3.0));
    // The middle of the columns where the outline is highest (a log-Gaussian's top is flat).
    auto peak = [&](int from, int to) {
      int first = -1, last = -1, bestTop = -1;
      for (int x = from; x < to; ++x) {
        const int top = topOf(image, x, runColor(1));
        if (top > bestTop) {
          first = last = x;
          bestTop = top;
        } else if (top == bestTop) {
          last = x;
        }
      }
      return std::pair{(first + last) / 2, bestTop};
    };
    const auto [left, leftTop] = peak(static_cast<int>(o.displayX(-6.0)) + 2, split);
    const auto [right, rightTop] = peak(split, static_cast<int>(o.displayX(12.0)) - 2);
    const double mid = o.displayY(1e-3);
    QVERIFY2(std::abs(*o.chart.eigenvalueAt(left + 0.5, mid) + 2.0) < 0.15,
             qPrintable(QString::number(*o.chart.eigenvalueAt(left + 0.5, mid))));
    QVERIFY2(std::abs(*o.chart.eigenvalueAt(right + 0.5, mid) - 8.0) < 0.15,
             qPrintable(QString::number(*o.chart.eigenvalueAt(right + 0.5, mid))));
    // The valley at 3 is decades lower than either peak.
    QVERIFY(topOf(image, split, runColor(1)) < std::min(leftTop, rightTop) - 40);
  }

  void logYDropsNonPositiveDensitiesAndLiftsTinyOnes() {
    Offscreen o;
    SpectrumData data;
    data.grid = {0, 1, 2, 3, 4, 5};
    data.density = {0.0, 1e-20, 0.5, -0.1, 1.0, std::numeric_limits<double>::quiet_NaN()};
    o.chart.setSpectrum(data);
    o.render();
    vtkPlot* outline = o.xy()->GetPlot(1);
    QCOMPARE(column(outline, 0), (std::vector<double>{1, 2, 4}));
    QCOMPARE(column(outline, 1), (std::vector<double>{1e-12, 0.5, 1.0}));
    o.chart.setLogY(false);
    QVERIFY(!o.chart.logY());
    o.render();
    QCOMPARE(column(outline, 0), (std::vector<double>{0, 1, 2, 3, 4}));
    QCOMPARE(column(outline, 1), (std::vector<double>{0.0, 1e-20, 0.5, -0.1, 1.0}));
  }

  // Stems over a density: one y axis for both, the stems translucent so the curve shows through.
  void bothStemsAndDensityShareTheAxes() {
    Offscreen o;
    SpectrumData data = twoClusters();
    data.eigenvalues = {-2.0, -2.0, 8.0};
    o.chart.setSpectrum(data);
    o.render();
    QCOMPARE(o.xy()->GetAxis(vtkAxis::LEFT)->GetTitle(), std::string("count / density"));
    QVERIFY(o.chart.logY());
    // On a log axis the stems rise from the bottom of the frame.
    QCOMPARE(column(o.xy()->GetPlot(2), 1).front(),
             std::pow(10.0, o.xy()->GetAxis(vtkAxis::LEFT)->GetMinimum()));

    o.chart.setLogY(false);
    const ChartImage image = o.render();
    o.saveShot("spectrum_both_test");
    const double alpha = 120.0 / 255.0;
    const Rgb c = runColor(1);
    const Rgb stem{1 - alpha * (1 - c.r), 1 - alpha * (1 - c.g), 1 - alpha * (1 - c.b)};
    const auto [x, count] = fullestColumn(image, stem);
    QVERIFY2(std::abs(*o.chart.eigenvalueAt(x + 0.5, 100.0) + 2.0) < 0.1,
             qPrintable(QString::number(*o.chart.eigenvalueAt(x + 0.5, 100.0))));
    // Over white from the density's peak (2/3) up to the count 2, less the dot.
    const double expected = o.displayY(2.0) - o.displayY(2.0 / 3.0);
    QVERIFY2(count > expected - 10 && count < expected + 2,
             qPrintable(QString("%1 %2").arg(count).arg(expected)));
  }

  // The threshold 2/lr = 20 lies beyond the spectrum: the axis extends to show it, a dashed
  // line where the axis puts 20.
  void thresholdLinesAppearWhereTheyBelong() {
    Offscreen o;
    SpectrumData data;
    data.eigenvalues = {1, 5, 12};
    data.color = runColor(0);
    o.chart.setSpectrum(data);
    o.chart.setThresholds({{"2/lr", 20.0}});
    const ChartImage image = o.render();
    o.saveShot("spectrum_threshold_test");
    QVERIFY(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetMaximum() > 20.0);
    const Rgb ink = currentPalette().reference;
    const auto [x, count] = fullestColumn(image, ink);
    QVERIFY2(std::abs(x + 0.5 - o.displayX(20.0)) <= 1.5,
             qPrintable(QString("%1 %2").arg(x).arg(o.displayX(20.0))));
    // Dashed: a fair share of the plot height, not all of it.
    const double height = o.displayY(o.xy()->GetAxis(vtkAxis::LEFT)->GetMaximum()) -
                          o.displayY(o.xy()->GetAxis(vtkAxis::LEFT)->GetMinimum());
    QVERIFY2(count > 0.3 * height && count < 0.9 * height, qPrintable(QString::number(count)));
    o.chart.setThresholds({});
    QVERIFY(fullestColumn(o.render(), ink).second < 0.2 * height);
  }

  // 100 eigenvalues spread evenly over [0.01, 1] with 2/lr = 20: stretching the axis to 20 would
  // put them all within 5% of its width. The axis fits the data and 0 (padded 6%: it ends at
  // 1.06), every stem stands apart, and the threshold is a note at the right edge. A threshold
  // within one data width (1.5) is drawn as a line again.
  void aFarThresholdIsNotedAtTheEdgeInsteadOfStretchingTheAxis() {
    Offscreen o(900, 480);
    SpectrumData data;
    for (int k = 0; k < 100; ++k) data.eigenvalues.push_back(0.01 + 0.99 * k / 99.0);
    data.color = runColor(0);
    o.chart.setSpectrum(data);
    o.chart.setThresholds({{"2/lr = 20", 20.0}});
    const ChartImage image = o.render();
    o.saveShot("honest-spectrum-offscale");
    const double xMax = o.xy()->GetAxis(vtkAxis::BOTTOM)->GetMaximum();
    QVERIFY2(xMax >= 1.0 && xMax < 1.2, qPrintable(QString::number(xMax)));
    QCOMPARE(o.chart.offScaleThresholds(), (std::vector<std::string>{"2/lr = 20 →"}));
    QCOMPARE(colouredRuns(columnCounts(image, runColor(0)), 20).size(), size_t{100});
    // No dashed line anywhere: the threshold is off the axis.
    const Rgb ink = currentPalette().reference;
    QVERIFY2(fullestColumn(image, ink).second < 60,
             qPrintable(QString::number(fullestColumn(image, ink).second)));

    o.chart.setThresholds({{"2/lr = 1.5", 1.5}});
    o.render();
    QVERIFY(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetMaximum() > 1.5);
    QVERIFY(o.chart.offScaleThresholds().empty());
  }

  // Negative eigenvalues lie left of the faint line at 0.
  void negativeEigenvaluesLieLeftOfTheZeroLine() {
    Offscreen o;
    SpectrumData data;
    data.eigenvalues = {-3, -1, 2, 4};
    data.color = runColor(3);
    o.chart.setSpectrum(data);
    const ChartImage image = o.render();
    o.saveShot("spectrum_negative_test");
    // The zero line: the theme's reference grey at 80/255 opacity over the white paper.
    const Rgb& line = currentPalette().reference;
    const auto over = [](double c) { return (80.0 * c + 175.0) / 255.0; };
    const Rgb faint{over(line.r), over(line.g), over(line.b)};
    const auto [zero, count] = fullestColumn(image, faint);
    QVERIFY(count > 100);
    QVERIFY2(std::abs(*o.chart.eigenvalueAt(zero + 0.5, 100.0)) < 0.05,
             qPrintable(QString::number(*o.chart.eigenvalueAt(zero + 0.5, 100.0))));
    const auto runs = colouredRuns(columnCounts(image, runColor(3)), 20);
    QCOMPARE(runs.size(), size_t{4});
    QVERIFY(runs[1].second < zero && runs[2].first > zero);
    QVERIFY(!o.chart.eigenvalueAt(1.0, 100.0).has_value());
  }

  void emptyOrDegenerateDataDoesNotCrash() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Offscreen o;
    o.render();
    o.chart.setSpectrum({});
    o.render();
    o.saveShot("spectrum_empty_test");
    SpectrumData data;
    data.eigenvalues = {nan};
    data.grid = {1.0};
    data.density = {0.0};
    o.chart.setSpectrum(data);
    o.chart.setThresholds({{"nothing", nan}});
    o.render();
    data.eigenvalues = {3.0};
    data.grid = {0.0, 1.0};
    data.density = {-1.0, -2.0};
    o.chart.setSpectrum(data);
    o.render();
    o.chart.setLogY(true);
    o.render();
    o.chart.resetZoom();
    o.render();
    QVERIFY(o.chart.logY());
  }

  void hundredsOfStemsAndTheirDensityAreLegible() {
    Offscreen o(900, 480);
    SpectrumData data = bulkAndOutliers(400);
    o.chart.setSpectrum(data);
    o.chart.setThresholds({{"2/lr", 13.3}});
    ChartImage image = o.render();
    QVERIFY(countColour(image, runColor(0)) > 500);
    o.saveShot("spectrum_chart_stems");
    addDensity(data, 0.15);
    o.chart.setSpectrum(data);
    image = o.render();
    o.saveShot("spectrum_chart_both");
    data.eigenvalues.clear();
    o.chart.setSpectrum(data);
    image = o.render();
    o.saveShot("spectrum_chart_density");
    o.chart.setLogY(false);
    image = o.render();
    o.saveShot("spectrum_chart_density_linear");
  }
};

QTEST_GUILESS_MAIN(TestSpectrumChart)
#include "test_spectrum_chart.moc"
