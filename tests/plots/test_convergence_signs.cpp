// The convergence chart and values at or below zero: a log y axis the data cannot use is drawn
// linear with a notice in the title (rather than leave those values out), and a run that
// diverges towards -inf is drawn whole, its last finite point crossed and its legend entry
// saying "diverged"; and the axis titles typeset ("‖∇f(x)‖", not "||grad f(x)||") in a font
// that has their glyphs.
#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPlot.h>
#include <vtkTextProperty.h>

#include <QTest>

#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/objectives/saddle.h"
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
using gradscape::testing::runOf;
using Image = gradscape::testing::ChartImage;
using Offscreen = gradscape::testing::OffscreenChart<ConvergenceChart>;

namespace {

// Heavy ball (momentum 0 is plain GD) on x^2 - y^2 from (1, 1e-3), just off the stable axis.
RunView saddleRun(double momentum, int colorIndex, const std::string& label) {
  RunSpec spec;
  spec.label = label;
  spec.optimizer = "sgd";
  spec.optimizerParams.set("lr", 0.1);
  if (momentum > 0.0) spec.optimizerParams.set("momentum", momentum);
  spec.start = Vec(2);
  spec.start << 1.0, 1e-3;
  spec.stop.maxIterations = 3000;
  Run run(std::make_shared<Saddle>(), spec);
  run.runToEnd();
  RunView view = makeRunView(run.trace());
  view.label = label;
  view.color = runColor(colorIndex);
  view.finished = true;
  view.diverged = run.divergedAt() >= 0;
  return view;
}

}  // namespace

class TestConvergenceSigns : public QObject {
  Q_OBJECT

  gradscape::testing::VtkMessages vtkMessages;

 private slots:
  void initTestCase() { vtkMessages.install(); }

  void cleanup() { vtkMessages.expectNone(); }

  void logYLeavesOutNonFiniteValuesAndTurnsLinearForValuesAtOrBelowZero() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    Offscreen o;
    o.chart.setLogY(true);
    o.chart.setRuns({runOf({0, 1, 2, 3}, {1.0, 0.5, inf, 0.1}, 0)}, ConvergenceQuantity::Loss,
                    std::nullopt);
    o.render();
    vtkPlot* plot = o.xy()->GetPlot(0);
    QCOMPARE(column(plot, 0), (std::vector<double>{0, 1, 3}));
    QVERIFY(o.chart.logYShown());
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QCOMPARE(o.chart.notice(), std::string());

    // 0 and -1 cannot sit on a log axis: they stay, the axis turns linear, the title says so.
    const std::vector<RunView> runs{
        runOf({0, 1, 2, 3, 4, 5, 6}, {1.0, 0.0, -1.0, nan, inf, 0.5, 0.1}, 0)};
    o.chart.setRuns(runs, ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    QCOMPARE(column(plot, 0), (std::vector<double>{0, 1, 2, 5, 6}));
    QCOMPARE(column(plot, 1), (std::vector<double>{1.0, 0.0, -1.0, 0.5, 0.1}));
    QVERIFY(o.chart.logY());
    QVERIFY(!o.chart.logYShown());
    QVERIFY(!o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QCOMPARE(o.chart.notice(), displayable("Log y off: values down to -1 are ≤ 0 (linear axis)"));
    QCOMPARE(std::string(o.xy()->GetTitle()), o.chart.notice());

    // Asking for a linear axis: the same points, no notice.
    o.chart.setLogY(false);
    o.render();
    QCOMPARE(column(plot, 1), (std::vector<double>{1.0, 0.0, -1.0, 0.5, 0.1}));
    QCOMPARE(o.chart.notice(), std::string());
    QCOMPARE(std::string(o.xy()->GetTitle()), std::string());

    // Positive data again: log y is back.
    o.chart.setLogY(true);
    o.chart.setRuns({runOf({0, 1, 2}, {1.0, 0.1, 0.01}, 0)}, ConvergenceQuantity::Loss,
                    std::nullopt);
    o.render();
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetLogScaleActive());
    QCOMPARE(o.chart.notice(), std::string());
  }

  // A run falling through 0 to -1e4 next to one converging to 1e-6: on a log axis the first
  // would keep only its first two points and seem to stop at 0.5. Every point is drawn, and
  // its last finite point (the -inf row after it is not drawable) carries the cross.
  void aRunDivergingBelowZeroIsDrawnWholeAndMarked() {
    const double inf = std::numeric_limits<double>::infinity();
    Offscreen o;
    o.chart.setLogY(true);
    RunView down = runOf({0, 1, 2, 3, 4, 5}, {1.0, 0.5, -0.5, -40.0, -1e4, -inf}, 3, "down");
    down.diverged = true;
    const RunView settles = runOf({0, 1, 2, 3, 4, 5}, {1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6}, 4, "ok");
    o.chart.setRuns({down, settles}, ConvergenceQuantity::Loss, std::nullopt);
    o.render();
    vtkPlot* line = o.xy()->GetPlot(0);
    QCOMPARE(column(line, 1), (std::vector<double>{1.0, 0.5, -0.5, -40.0, -1e4}));
    QCOMPARE(std::string(line->GetLabel()), std::string("down (diverged)"));
    QCOMPARE(std::string(o.xy()->GetPlot(2)->GetLabel()), std::string("ok"));
    std::vector<std::pair<double, double>> crosses;
    for (vtkIdType i = 0; i < o.xy()->GetNumberOfPlots(); ++i) {
      vtkPlot* plot = o.xy()->GetPlot(i);
      if (!plot->GetVisible() || plot->GetInput()->GetNumberOfRows() != 1) continue;
      crosses.emplace_back(column(plot, 0)[0], column(plot, 1)[0]);
    }
    QCOMPARE(crosses, (std::vector<std::pair<double, double>>{{4.0, -1e4}}));
    QVERIFY(!o.chart.logYShown());
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetMinimum() <= -1e4);
    QVERIFY(!o.chart.notice().empty());
  }

  // GD and heavy ball on the saddle x^2 - y^2 from just off its stable axis: f falls through 0
  // and both runs diverge. The picture for the eye: /tmp/honest-saddle-convergence.png with
  // GRADSCAPE_SHOT_DIR=/tmp.
  void gradientDescentOnTheSaddleShowsItsDescentBelowZero() {
    Offscreen o;
    o.window->SetSize(900, 480);
    const std::vector<RunView> runs{saddleRun(0.0, 0, "GD  lr=0.1"),
                                    saddleRun(0.9, 1, "Heavy ball  lr=0.1")};
    QVERIFY(runs[0].diverged && runs[1].diverged);
    o.chart.setLogY(true);
    o.chart.setRuns(runs, ConvergenceQuantity::Loss, std::nullopt);
    const Image image = o.render();
    for (int i = 0; i < 2; ++i) {
      QVERIFY2(countColour(image, runColor(i)) > 200, qPrintable(QString::number(i)));
    }
    QVERIFY(!o.chart.logYShown());
    QVERIFY(o.xy()->GetAxis(vtkAxis::LEFT)->GetMinimum() < -1e9);
    o.saveShot("honest-saddle-convergence");
  }

  // The quantities' titles in mathematical notation, set in DejaVu (or the next font of
  // text_style's list) where one is installed; the picture for the eye:
  // /tmp/honest-gradnorm-title.png with GRADSCAPE_SHOT_DIR=/tmp.
  void axisTitlesAreTypesetInAUnicodeFont() {
    QCOMPARE(std::string(quantityName(ConvergenceQuantity::GradNorm)), std::string("‖∇f(x)‖"));
    QCOMPARE(std::string(quantityName(ConvergenceQuantity::StepNorm)), std::string("‖xₖ₊₁ − xₖ‖"));
    QCOMPARE(std::string(quantityName(ConvergenceQuantity::Gap)), std::string("f(x) − f*"));
    if (unicodeFontFile().empty()) QSKIP("no DejaVu, Liberation or FreeSans font installed");
    Offscreen o;
    o.window->SetSize(900, 480);
    o.chart.setLogY(true);
    o.chart.setRuns({saddleRun(0.0, 0, "GD  lr=0.1"), saddleRun(0.9, 1, "Heavy ball  lr=0.1")},
                    ConvergenceQuantity::GradNorm, std::nullopt);
    o.render();
    vtkAxis* y = o.xy()->GetAxis(vtkAxis::LEFT);
    QCOMPARE(std::string(y->GetTitle()), std::string("‖∇f(x)‖"));
    vtkTextProperty* title = y->GetTitleProperties();
    QCOMPARE(title->GetFontFamily(), VTK_FONT_FILE);
    QCOMPARE(std::string(title->GetFontFile()), unicodeFontFile(true));
    o.saveShot("honest-gradnorm-title");
    o.chart.setRuns({saddleRun(0.0, 0, "GD  lr=0.1")}, ConvergenceQuantity::StepNorm, std::nullopt);
    o.render();
    QCOMPARE(std::string(y->GetTitle()), std::string("‖xₖ₊₁ − xₖ‖"));
    o.saveShot("honest-stepnorm-title");
  }
};

QTEST_GUILESS_MAIN(TestConvergenceSigns)
#include "test_convergence_signs.moc"
