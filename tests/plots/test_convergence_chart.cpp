// The convergence chart rendered offscreen: curves in their run colours, log axes that leave out
// what they cannot draw (values <= 0: test_convergence_signs), the gap against a known minimum, the
// display-to-iteration mapping (checked against where a drawn feature lands in the image), the
// evaluations axis, the marker, and zoom keeping.
#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkContextMouseEvent.h>
#include <vtkPlot.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/objectives/rosenbrock.h"
#include "core/run/run.h"
#include "plots/convergence_chart.h"
#include "plots/rgb.h"
#include "plots/run_view.h"
#include "plots/text_style.h"
#include "support/chart_image.h"
#include "support/chart_series.h"

using namespace gradscape;
using namespace gradscape::plots;
using gradscape::testing::column;
using gradscape::testing::countColour;
using gradscape::testing::fullestColumn;
using gradscape::testing::near;
using gradscape::testing::range;
using gradscape::testing::runOf;
using Image = gradscape::testing::ChartImage;

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 400;

// The chart in its own offscreen window, kWidth x kHeight.
using Offscreen = gradscape::testing::OffscreenChart<ConvergenceChart>;

RunView realRun(const std::string& optimizer, double lr, double momentum, int colorIndex,
                const std::string& label) {
  RunSpec spec;
  spec.label = label;
  spec.optimizer = optimizer;
  spec.optimizerParams.set("lr", lr);
  if (momentum > 0.0) spec.optimizerParams.set("momentum", momentum);
  spec.start = Vec(2);
  spec.start << -1.5, 2.0;
  spec.stop.maxIterations = 3000;
  Run run(std::make_shared<Rosenbrock>(), spec);
  run.runToEnd();
  RunView view = makeRunView(run.trace());
  view.label = label;
  view.color = runColor(colorIndex);
  view.finished = true;
  return view;
}

}  // namespace

class TestConvergenceChart : public QObject {
  Q_OBJECT

  gradscape::testing::VtkMessages vtkMessages;

 private slots:
  void initTestCase() {
    // Every VTK error or warning fails the test that caused it.
    vtkMessages.install();
  }

  void cleanup() { vtkMessages.expectNone(); }

  void curvesAreDrawnInTheirRunColours() {
    Offscreen o;
    std::vector<RunView> runs;
    for (int i = 0; i < 3; ++i) {
      std::vector<double> loss;
      for (int k = 0; k <= 100; ++k) loss.push_back((i + 1) * std::pow(0.95, k));
      runs.push_back(runOf(range(101), loss, i, "run " + std::to_string(i)));
    }
    o.chart.setRuns(runs, ConvergenceQuantity::Loss, std::nullopt);
    const Image image = o.render();
    for (int i = 0; i < 3; ++i) {
      QVERIFY2(countColour(image, runColor(i)) > 100, qPrintable(QString::number(i)));
    }
    // A colour no run has is absent (the search is not fooled by anti-aliasing).
    QCOMPARE(countColour(image, runColor(5)), 0);
    // White background in the corners.
    QVERIFY(near(image.at(2, 2), {1.0, 1.0, 1.0}, 2));
    QVERIFY(near(image.at(kWidth - 3, kHeight - 3), {1.0, 1.0, 1.0}, 2));
  }

  void anEmptyChartShowsItsScales() {
    Offscreen o;
    o.chart.setLogY(true);
    o.chart.setRuns({}, ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QVERIFY(!o.xy()->GetAxis(vtkAxis::BOTTOM)->GetLogScaleActive());
    QVERIFY(!o.chart.xAt(-10.0, -10.0).has_value());
  }

  void invisibleRunsAreLeftOut() {
    Offscreen o;
    std::vector<RunView> runs{runOf(range(50), std::vector<double>(50, 1.0), 0),
                              runOf(range(50), std::vector<double>(50, 2.0), 1)};
    runs[0].visible = false;
    o.chart.setRuns(runs, ConvergenceQuantity::Loss, std::nullopt);
    const Image image = o.render();
    QCOMPARE(countColour(image, runColor(0)), 0);
    QVERIFY(countColour(image, runColor(1)) > 100);
  }

  void fewerRunsLeaveNoStaleCurves() {
    Offscreen o;
    std::vector<RunView> runs;
    for (int i = 0; i < 3; ++i) {
      runs.push_back(runOf(range(60), std::vector<double>(60, 1.0 + i), i));
    }
    o.chart.setRuns(runs, ConvergenceQuantity::Loss, std::nullopt);
    Image image = o.render();
    for (int i = 0; i < 3; ++i) QVERIFY(countColour(image, runColor(i)) > 100);
    runs.resize(1);
    o.chart.setRuns(runs, ConvergenceQuantity::Loss, std::nullopt);
    image = o.render();
    QVERIFY(countColour(image, runColor(0)) > 100);
    QCOMPARE(countColour(image, runColor(1)), 0);
    QCOMPARE(countColour(image, runColor(2)), 0);
  }

  void aDivergedRunEndsInACross() {
    Offscreen o;
    o.chart.setLogY(false);
    RunView run = runOf({0, 1, 2, 3}, {1, 4, 16, 64}, 3);
    run.diverged = true;
    o.chart.setRuns({run, runOf({0, 1, 2, 3}, {1, 1, 1, 1}, 4)}, ConvergenceQuantity::Loss,
                    std::nullopt);
    o.render();
    // Every plot beyond the curves themselves holds at most the last point of a diverged run.
    std::vector<std::pair<double, double>> crosses;
    for (vtkIdType i = 0; i < o.xy()->GetNumberOfPlots(); ++i) {
      vtkPlot* plot = o.xy()->GetPlot(i);
      if (!plot->GetVisible() || plot->GetInput()->GetNumberOfRows() != 1) continue;
      crosses.emplace_back(column(plot, 0)[0], column(plot, 1)[0]);
      QVERIFY(!plot->GetLegendVisibility());
    }
    QCOMPARE(crosses, (std::vector<std::pair<double, double>>{{3.0, 64.0}}));
  }

  void logYLeavesOutNonFiniteValues() {
    const double inf = std::numeric_limits<double>::infinity();
    Offscreen o;
    o.chart.setLogY(true);
    o.chart.setRuns({runOf({0, 1, 2, 3}, {1.0, 0.5, inf, 0.1}, 0)}, ConvergenceQuantity::Loss,
                    std::nullopt);
    o.render();
    QCOMPARE(column(o.xy()->GetPlot(0), 0), (std::vector<double>{0, 1, 3}));
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
  }

  void logXLeavesOutIterationZero() {
    Offscreen o;
    o.chart.setLogX(true);
    o.chart.setRuns({runOf({0, 1, 10, 100}, {4, 3, 2, 1}, 0)}, ConvergenceQuantity::Loss,
                    std::nullopt);
    o.render();
    QCOMPARE(column(o.xy()->GetPlot(0), 0), (std::vector<double>{1, 10, 100}));
    QVERIFY(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetLogScaleActive());
  }

  void gapIsLossMinusTheMinimum() {
    Offscreen o;
    o.chart.setLogY(true);
    const std::vector<RunView> runs{runOf({0, 1, 2, 3}, {3.0, 2.0, 1.5, 1.25}, 0)};
    o.chart.setRuns(runs, ConvergenceQuantity::Gap, 1.0);
    o.render();
    vtkPlot* plot = o.xy()->GetPlot(0);
    QCOMPARE(column(plot, 1), (std::vector<double>{2.0, 1.0, 0.5, 0.25}));
    // f* = 1.5: the gap is 1.5, 0.5, 0, -0.25, drawn whole on the linear axis the log one
    // turned into.
    o.chart.setRuns(runs, ConvergenceQuantity::Gap, 1.5);
    o.render();
    QCOMPARE(column(plot, 1), (std::vector<double>{1.5, 0.5, 0.0, -0.25}));
    QVERIFY(!o.chart.logYShown());
    // Without a known minimum there is no gap to draw.
    o.chart.setRuns(runs, ConvergenceQuantity::Gap, std::nullopt);
    o.render();
    QCOMPARE(plot->GetInput()->GetNumberOfRows(), vtkIdType{0});
    QCOMPARE(QString::fromUtf8(quantityName(ConvergenceQuantity::Gap)), QString("f(x) − f*"));
  }

  void otherQuantitiesComeFromTheirColumns() {
    Offscreen o;
    RunView run = runOf({0, 1, 2}, {9, 8, 7}, 0);
    run.gradNorm = {3, 2, 1};
    run.lr = {0.1, 0.05, 0.025};
    run.stepNorm = {0.3, 0.2, 0.1};
    o.chart.setRuns({run}, ConvergenceQuantity::GradNorm, std::nullopt);
    QCOMPARE(column(o.xy()->GetPlot(0), 1), (std::vector<double>{3, 2, 1}));
    o.chart.setRuns({run}, ConvergenceQuantity::LearningRate, std::nullopt);
    QCOMPARE(column(o.xy()->GetPlot(0), 1), (std::vector<double>{0.1, 0.05, 0.025}));
    o.chart.setRuns({run}, ConvergenceQuantity::StepNorm, std::nullopt);
    QCOMPARE(column(o.xy()->GetPlot(0), 1), (std::vector<double>{0.3, 0.2, 0.1}));
    QCOMPARE(QString::fromStdString(o.xy()->GetAxis(vtkAxis::LEFT)->GetTitle()),
             QString::fromStdString(displayable(quantityName(ConvergenceQuantity::StepNorm))));
  }

  // A step in the data draws a vertical segment at a known iteration; wherever the chart put
  // it on screen, xAt() of that column must give the iteration back.
  void iterationAtFindsADrawnStep_data() {
    QTest::addColumn<bool>("logX");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("last");
    QTest::newRow("linear") << false << 25.0 << 100.0;
    QTest::newRow("log") << true << 10.0 << 1000.0;
  }
  void iterationAtFindsADrawnStep() {
    QFETCH(bool, logX);
    QFETCH(double, step);
    QFETCH(double, last);
    Offscreen o;
    o.chart.setLogX(logX);
    o.chart.setLogY(false);
    o.chart.setRuns({runOf({1, step, step, last}, {1, 1, 10, 10}, 1)}, ConvergenceQuantity::Loss,
                    std::nullopt);
    const Image image = o.render();
    const auto [x, count] = fullestColumn(image, runColor(1));
    QVERIFY2(count > 100, qPrintable(QString::number(count)));
    const double mid = kHeight / 2.0;
    const auto at = o.chart.xAt(x + 0.5, mid);
    QVERIFY(at.has_value());
    // One pixel is (last - 1) / plot width iterations on a linear axis, a factor
    // 1000^(1/width) on the log axis: allow two.
    if (logX) {
      QVERIFY2(std::abs(std::log10(*at / step)) < 2 * 3.0 / 400, qPrintable(QString::number(*at)));
    } else {
      QVERIFY2(std::abs(*at - step) < 2 * 100.0 / 400, qPrintable(QString::number(*at)));
    }
    // Left of the plot area (on the axis labels) there is no iteration.
    QVERIFY(!o.chart.xAt(1.0, mid).has_value());
    QVERIFY(!o.chart.xAt(x + 0.5, 1.0).has_value());
  }

  // On the evaluations axis a curve's x are its rows' evaluations; the window's iterations map
  // onto them through the run (hand-made rows: 1, 3 and 4 evaluations per step).
  void theEvaluationsAxisDrawsAgainstEvaluations() {
    Offscreen o;
    RunView run = runOf({0, 1, 2, 3}, {9, 8, 7, 6}, 0);
    run.evaluations = {0, 1, 4, 8};
    o.chart.setXAxis(ConvergenceAxis::Evaluations);
    o.chart.setRuns({run}, ConvergenceQuantity::Loss, std::nullopt);
    QCOMPARE(column(o.xy()->GetPlot(0), 0), (std::vector<double>{0, 1, 4, 8}));
    QCOMPARE(QString::fromStdString(o.xy()->GetAxis(vtkAxis::BOTTOM)->GetTitle()),
             QString("evaluations"));
    QCOMPARE(evaluationsAt(run, 2.0), 4.0);
    QCOMPARE(evaluationsAt(run, 2.5), 4.0);  // the row at or before
    QCOMPARE(evaluationsAt(run, -1.0), 0.0);
    QCOMPARE(iterationAtEvaluations(run, 4.0), 2.0);
    QCOMPARE(iterationAtEvaluations(run, 5.0), 3.0);  // the first row that spent as many
    QCOMPARE(iterationAtEvaluations(run, 99.0), 3.0);
    o.chart.setXAxis(ConvergenceAxis::Iteration);
    o.chart.setRuns({run}, ConvergenceQuantity::Loss, std::nullopt);
    QCOMPARE(column(o.xy()->GetPlot(0), 0), (std::vector<double>{0, 1, 2, 3}));
  }

  void markerIsAVerticalLineAtItsIteration() {
    Offscreen o;
    o.chart.setRuns({runOf(range(101), std::vector<double>(101, 5.0), 0)},
                    ConvergenceQuantity::Loss, std::nullopt);
    o.chart.setMarker(40.0);
    const Rgb grey{90 / 255.0, 90 / 255.0, 90 / 255.0};
    Image image = o.render();
    const auto [x, count] = fullestColumn(image, grey);
    QVERIFY2(count > 60, qPrintable(QString::number(count)));
    const auto at = o.chart.xAt(x + 0.5, kHeight / 2.0);
    QVERIFY(at.has_value());
    QVERIFY2(std::abs(*at - 40.0) < 1.0, qPrintable(QString::number(*at)));
    o.chart.setMarker(std::nullopt);
    image = o.render();
    QVERIFY(fullestColumn(image, grey).second < 10);
  }

  void autoFitsUntilTheUserZooms() {
    Offscreen o;
    o.chart.setLogY(false);
    o.chart.setRuns({runOf(range(101), std::vector<double>(101, 5.0), 0)},
                    ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    vtkAxis* x = o.xy()->GetAxis(vtkAxis::BOTTOM);
    QVERIFY(x->GetMaximum() >= 100.0 && x->GetMaximum() < 150.0);
    // New data: the axes follow.
    o.chart.setRuns({runOf(range(301), std::vector<double>(301, 5.0), 0)},
                    ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    QVERIFY(x->GetMaximum() >= 300.0);

    // The wheel zooms in (what vtkContextInteractorStyle hands the chart).
    vtkContextMouseEvent wheel;
    o.xy()->MouseWheelEvent(wheel, 2);
    o.render();
    const double zoomedMax = x->GetMaximum();
    QVERIFY(zoomedMax < 300.0);
    o.chart.setRuns({runOf(range(1001), std::vector<double>(1001, 5.0), 0)},
                    ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    QCOMPARE(x->GetMaximum(), zoomedMax);

    o.chart.resetZoom();
    o.render();
    QVERIFY(x->GetMaximum() >= 1000.0);
  }

  // 10^5 points draw thinned, keeping every spike (a bucket keeps its lowest and highest
  // point): at most 4 points per pixel column of the chart, plus the two neighbours outside
  // the range. Zoomed in far enough, every point in view is drawn again.
  void longRunsAreThinnedWithoutLosingSpikes() {
    Offscreen o;  // 640 pixels wide
    o.chart.setLogY(false);
    const int n = 100000;
    std::vector<double> loss(n, 1.0);
    for (int k = 500; k < n; k += 1000) loss[static_cast<size_t>(k)] = 5.0;
    o.chart.setRuns({runOf(range(n), loss, 0)}, ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    vtkPlot* plot = o.xy()->GetPlot(0);
    const auto xs = column(plot, 0);
    const auto ys = column(plot, 1);
    QVERIFY2(xs.size() <= 4 * (640 + 2), qPrintable(QString::number(xs.size())));
    QCOMPARE(std::count(ys.begin(), ys.end(), 5.0), n / 1000);
    QCOMPARE(xs.front(), 0.0);
    QCOMPARE(xs.back(), double(n - 1));
    QVERIFY(std::is_sorted(xs.begin(), xs.end()));

    vtkContextMouseEvent wheel;
    for (int i = 0; i < 20; ++i) o.xy()->MouseWheelEvent(wheel, 1);
    o.render();
    vtkAxis* x = o.xy()->GetAxis(vtkAxis::BOTTOM);
    const double lo = x->GetMinimum(), hi = x->GetMaximum();
    QVERIFY2(hi - lo < 2000, qPrintable(QString("%1 %2").arg(lo).arg(hi)));
    const auto zoomed = column(plot, 0);
    const auto inView =
        std::count_if(zoomed.begin(), zoomed.end(), [&](double v) { return v >= lo && v <= hi; });
    QCOMPARE(inView, static_cast<std::ptrdiff_t>(std::floor(hi) - std::ceil(lo) + 1));
  }

  // A wider chart has more pixel columns: the curves are thinned again, with more points.
  void aWiderChartThinsAgainWithMorePoints() {
    Offscreen o(400, 300);
    o.chart.setLogY(false);
    const int n = 100000;
    std::vector<double> loss(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k) loss[static_cast<size_t>(k)] = 2.0 + std::sin(0.37 * k);
    o.chart.setRuns({runOf(range(n), loss, 0)}, ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    const auto narrow = column(o.xy()->GetPlot(0), 0);
    QVERIFY2(narrow.size() > 3 * 400 && narrow.size() <= 4 * (400 + 2),
             qPrintable(QString::number(narrow.size())));
    o.window->SetSize(1200, 300);
    o.render();
    const auto wide = column(o.xy()->GetPlot(0), 0);
    QVERIFY2(wide.size() > 3 * 1200 && wide.size() <= 4 * (1200 + 2),
             qPrintable(QString::number(wide.size())));
    // Narrower again: the finer thinning stays (it is right for both widths).
    o.window->SetSize(600, 300);
    o.render();
    QCOMPARE(column(o.xy()->GetPlot(0), 0).size(), wide.size());
  }

  void realRunsInLogYAreLegible() {
    Offscreen o;
    o.window->SetSize(900, 480);
    const std::vector<RunView> runs{realRun("sgd", 1e-3, 0.0, 0, "SGD  lr=0.001"),
                                    realRun("sgd", 1e-3, 0.9, 1, "SGD momentum  lr=0.001"),
                                    realRun("adam", 0.02, 0.0, 2, "Adam  lr=0.02")};
    o.chart.setLogY(true);
    o.chart.setRuns(runs, ConvergenceQuantity::Gap, 0.0);
    o.chart.setMarker(1500.0);
    const Image image = o.render();
    for (int i = 0; i < 3; ++i) {
      QVERIFY2(countColour(image, runColor(i)) > 200, qPrintable(QString::number(i)));
    }
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    o.saveShot("convergence_chart");
  }
};

QTEST_GUILESS_MAIN(TestConvergenceChart)
#include "test_convergence_chart.moc"
