// The desktop program end to end: the main window with its real views, editors and engine
// thread, driven the way a person drives it (clicks, typed values, files).
#include <vtkRenderer.h>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/objective_editor.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_editor.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "core/scenario/scenario_json.h"
#include "plots/rgb.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;

namespace {
const char* kDefaultScenario = ":/gradscape/scenarios/default.json";
}  // namespace

using gradscape::testing::countPixelsNear;
using gradscape::testing::maybeShoot;
using gradscape::testing::qcolor;
using gradscape::testing::renderedFrame;
using gradscape::testing::waitForFinishedRuns;
using gradscape::testing::widgetPositionOf;

class MainWindowTest : public QObject {
  Q_OBJECT

  // The mouse at the middle of the convergence chart, after a frame. A move event sent
  // directly: QTest::mouseMove moves the real (Xvfb) cursor, which sends nothing when an earlier
  // case left the cursor at that very position.
  void hoverTheChartsMiddle() {
    auto* chartView = window_->convergencePanel()->view();
    renderedFrame(chartView);
    const QPointF middle(chartView->width() / 2, chartView->height() / 2);
    QMouseEvent move(QEvent::MouseMove, middle, chartView->mapToGlobal(middle), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(chartView, &move);
  }

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    window_->openExample(kDefaultScenario);
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_));
  }

  void cleanup() { window_.reset(); }

  void opensTheDefaultScenarioWithEveryRun() {
    const Scenario expected = loadScenarioFile(GRADSCAPE_SOURCE_DIR "/scenarios/default.json");
    QCOMPARE(window_->scenario().runs.size(), expected.runs.size());
    QCOMPARE(window_->runList()->count(), int(expected.runs.size()));
    QCOMPARE(window_->lastSnapshot().runs.size(), expected.runs.size());
    QVERIFY(window_->windowTitle().contains("Rosenbrock race"));
  }

  void finishedRunsMatchTheEngineRunDirectly() {
    // The GUI's engine thread must give what core gives for the same scenario.
    const Scenario scenario = loadScenarioFile(GRADSCAPE_SOURCE_DIR "/scenarios/default.json");
    auto runs = makeRuns(scenario);
    const auto& snap = window_->lastSnapshot();
    for (size_t i = 0; i < runs.size(); ++i) {
      runs[i]->runToEnd();
      QCOMPARE(snap.runs[i].iterations, runs[i]->iterations());
      QCOMPARE(snap.runs[i].status, runs[i]->status());
    }
  }

  void choosingAnObjectiveRedrawsTheLandscapeAndReruns() {
    auto* picker = window_->objectiveEditor()->findChild<QComboBox*>("objective");
    QVERIFY(picker);
    const uint64_t before = window_->controller().generation();
    const int index = picker->findData(QStringLiteral("himmelblau"));
    QVERIFY(index >= 0);
    picker->setCurrentIndex(index);
    QCOMPARE(window_->scenario().objective.type, std::string("himmelblau"));
    QVERIFY(QString::fromStdString(window_->landscapePanel()->landscape().title)
                .contains("Himmelblau"));
    // Himmelblau's default box is [-5, 5]^2 (Rosenbrock's is narrower).
    QCOMPARE(window_->landscapePanel()->landscape().grid.xmin, -5.0);
    QVERIFY(waitForFinishedRuns(*window_));
    QVERIFY(window_->controller().generation() > before);
    maybeShoot(window_.get(), "himmelblau");
  }

  void clickOnTheContourMapSetsTheStartPoint() {
    window_->landscapePanel()->setLayout(LandscapePanel::Layout::Both);
    auto* view = window_->landscapePanel()->contourView();
    renderedFrame(view);
    vtkRenderer* renderer = window_->landscapePanel()->contourScene().renderer();
    const QPoint at = widgetPositionOf(view, renderer, 0.5, 1.25);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, at);
    // One device pixel of the map is (box width / view width) landscape units.
    const auto& grid = window_->landscapePanel()->landscape().grid;
    const double pixel = 2.0 * (grid.xmax - grid.xmin) / view->width();
    QCOMPARE(window_->scenario().start.size(), 2);
    QVERIFY2(std::abs(window_->scenario().start[0] - 0.5) < pixel,
             qPrintable(QString::number(window_->scenario().start[0])));
    QVERIFY2(std::abs(window_->scenario().start[1] - 1.25) < pixel,
             qPrintable(QString::number(window_->scenario().start[1])));
    for (const auto& run : window_->scenario().runs) QCOMPARE(run.start, window_->scenario().start);
    // Live mode reruns from there: every run's first recorded iterate is the new start.
    QVERIFY(waitForFinishedRuns(*window_));
    // (the views hold the data the landscape draws)
    QVERIFY(window_->isModified());
  }

  // Overrides read from a file survive edits of the scenario-wide start and stop rules.
  void aRunsOwnStartAndStopSurviveScenarioWideEdits() {
    Scenario s = window_->scenario();
    QVERIFY(s.runs.size() >= 2);
    s.runs[1].start = Vec{{0.25, 0.75}};
    s.runs[1].stop.maxIterations = 77;
    window_->setScenario(s);
    window_->landscapePanel()->setLayout(LandscapePanel::Layout::Both);
    auto* view = window_->landscapePanel()->contourView();
    renderedFrame(view);
    vtkRenderer* renderer = window_->landscapePanel()->contourScene().renderer();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier,
                      widgetPositionOf(view, renderer, 0.5, 1.25));
    const auto& after = window_->scenario();
    QVERIFY(std::abs(after.start[0] - 0.5) < 0.1);
    QCOMPARE(after.runs[0].start, after.start);
    QCOMPARE(after.runs[1].start, (Vec{{0.25, 0.75}}));

    auto* maxIter = window_->objectiveEditor()->findChild<QSpinBox*>("maxIterations");
    QVERIFY(maxIter != nullptr);
    maxIter->setValue(321);
    QCOMPARE(window_->scenario().stop.maxIterations, int64_t{321});
    QCOMPARE(window_->scenario().runs[0].stop.maxIterations, int64_t{321});
    QCOMPARE(window_->scenario().runs[1].stop.maxIterations, int64_t{77});
    QVERIFY(waitForFinishedRuns(*window_));
  }

  void changingAHyperparameterReruns() {
    window_->runList()->setCurrentRow(0);  // GD, lr = 0.001
    auto* entry = window_->runEditor()->findChild<QLineEdit*>("param.lr.entry");
    QVERIFY(entry);
    const uint64_t before = window_->controller().generation();
    const double lossBefore = window_->lastSnapshot().runs[0].loss;
    entry->selectAll();
    QTest::keyClicks(entry, "0.0015");
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(window_->scenario().runs[0].optimizerParams.get("lr"), 0.0015);
    QVERIFY(waitForFinishedRuns(*window_));
    QVERIFY(window_->controller().generation() > before);
    // Plain GD on Rosenbrock: a larger step gets further down the valley in 5000 steps.
    QVERIFY(window_->lastSnapshot().runs[0].loss < lossBefore);
  }

  void aDivergingRunShowsItsStatus() {
    window_->runList()->setCurrentRow(0);
    auto* entry = window_->runEditor()->findChild<QLineEdit*>("param.lr.entry");
    QVERIFY(entry);
    entry->selectAll();
    QTest::keyClicks(entry, "0.05");  // far beyond 2 / L near (-1.5, 2): GD blows up
    QTest::keyClick(entry, Qt::Key_Return);
    QVERIFY(waitForFinishedRuns(*window_));
    const auto& run = window_->lastSnapshot().runs[0];
    QCOMPARE(run.status, RunStatus::Diverged);
    const QString text = window_->runList()->list()->item(0)->text();
    QVERIFY2(text.contains("diverged at step"), qPrintable(text));
    // The other runs carry on unaffected.
    QVERIFY(window_->lastSnapshot().runs[3].status != RunStatus::Diverged);
    maybeShoot(window_.get(), "diverged");
  }

  void aSavedScenarioReopensWithTheSameRuns() {
    window_->findChild<QPushButton*>("addRun")->click();
    window_->runList()->setCurrentRow(int(window_->scenario().runs.size()) - 1);
    // A hidden run stays hidden, also after its hyperparameters are edited.
    window_->runList()->list()->item(1)->setCheckState(Qt::Unchecked);
    window_->runList()->setCurrentRow(1);
    auto* entry = window_->runEditor()->findChild<QLineEdit*>("param.lr.entry");
    QVERIFY(entry);
    entry->setText("0.0007");
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(window_->scenario().runs[1].optimizerParams.get("lr"), 0.0007);
    QVERIFY(!window_->scenario().runs[1].visible);
    QTemporaryDir dir;
    const QString path = dir.filePath("race.json");
    QVERIFY(window_->saveFile(path));
    QVERIFY(!window_->isModified());
    const Scenario saved = window_->scenario();
    MainWindow reopened;
    QVERIFY(reopened.openFile(path));
    QCOMPARE(reopened.scenario().runs.size(), saved.runs.size());
    QVERIFY(reopened.scenario() == saved);
    QCOMPARE(reopened.runList()->list()->item(1)->checkState(), Qt::Unchecked);
  }

  void aBadFileShowsItsMessageAndKeepsTheWork() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.json");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "objective": {"type": "rosenbrock"}, "start": [0, 0],
                   "runs": [{"optimizer": {"type": "sgd", "lr": 0.1}},
                            {"optimizer": {"type": "adam", "lr": -0.1}}]})");
    file.close();
    const Scenario before = window_->scenario();
    QVERIFY(!window_->openFile(path));
    QVERIFY(window_->scenario() == before);
    const QString message = window_->banner()->text();
    QVERIFY2(message.contains("runs[1].optimizer.lr"), qPrintable(message));
    QVERIFY2(message.contains("-0.1"), qPrintable(message));
  }

  void theViewsShowTheLandscapeAndTheRunsInTheirColours() {
    const QImage map = renderedFrame(window_->landscapePanel()->contourView());
    // Viridis on Rosenbrock's log scale: the valley floor is dark purple, the corners yellow.
    QVERIFY(countPixelsNear(map, QColor(0x44, 0x01, 0x54), 40) > 100);
    QVERIFY(countPixelsNear(map, QColor(0xfd, 0xe7, 0x25), 50) > 100);
    // Runs 0 and 3 in their own colours.
    QVERIFY(countPixelsNear(map, qcolor(plots::runColor(0)), 30) > 20);
    QVERIFY(countPixelsNear(map, qcolor(plots::runColor(3)), 30) > 20);
    const QImage surface = renderedFrame(window_->landscapePanel()->surfaceView());
    QVERIFY(countPixelsNear(surface, QColor(0xfd, 0xe7, 0x25), 60) > 100);
    const QImage chart = renderedFrame(window_->convergencePanel()->view());
    QVERIFY(countPixelsNear(chart, qcolor(plots::runColor(0)), 30) > 20);
    QVERIFY(countPixelsNear(chart, qcolor(plots::runColor(1)), 30) > 20);
    if (qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) {
      const QString dir = qEnvironmentVariable("GRADSCAPE_SHOT_DIR");
      window_->grab().save(dir + "/main_window.png");
      map.save(dir + "/contour_view.png");
      surface.save(dir + "/surface_view.png");
    }
  }

  void hoveringTheChartFindsTheIterateOnTheLandscape() {
    window_->runList()->setCurrentRow(0);  // GD: 5000 iterations, recorded at every step
    // The middle of the chart's width lies inside the plot area, at an iteration in (0, 5000).
    hoverTheChartsMiddle();
    QTRY_VERIFY(window_->statusBar()->currentMessage().contains("at iteration"));
    const QString message = window_->statusBar()->currentMessage();
    const QRegularExpression number("at iteration ([0-9,]+)");
    const auto match = number.match(message);
    QVERIFY2(match.hasMatch(), qPrintable(message));
    const int iteration = match.captured(1).remove(',').toInt();
    QVERIFY2(iteration > 0 && iteration < 5000, qPrintable(message));
    // The status names GD's loss at that iteration, as the engine recorded it.
    auto runs = makeRuns(loadScenarioFile(GRADSCAPE_SOURCE_DIR "/scenarios/default.json"));
    runs[0]->runToEnd();
    const auto& trace = runs[0]->trace();
    double loss = std::nan("");
    for (int64_t row = 0; row < trace.size(); ++row) {
      if (trace.iteration(row) == iteration) loss = trace.loss(row);
    }
    QVERIFY2(message.contains(QString("f = %1").arg(loss, 0, 'g', 6)), qPrintable(message));
  }

  // On the evaluations axis the hover maps through the selected run: L-BFGS ends after 39
  // iterations and under 100 evaluations (its line search's included; GD spends 5000), so the
  // middle of the axis, ~2500 evaluations, lies beyond its end and shows its last iterate.
  void theEvaluationsAxisHoverFindsTheSelectedRunsIterate() {
    window_->runList()->setCurrentRow(5);  // L-BFGS (strong Wolfe)
    const auto& lbfgs = window_->runViews()[5];
    QCOMPARE(lbfgs.iteration.back(), 39.0);
    QVERIFY2(lbfgs.evaluations.back() > 39.0 && lbfgs.evaluations.back() < 100.0,
             qPrintable(QString::number(lbfgs.evaluations.back())));
    auto* axis = window_->convergencePanel()->findChild<QComboBox*>("xAxis");
    QVERIFY(axis != nullptr);
    axis->setCurrentIndex(axis->findData(int(plots::ConvergenceAxis::Evaluations)));
    QCOMPARE(window_->viewState().chartX, ViewState::ChartX::Evaluations);
    hoverTheChartsMiddle();
    QTRY_VERIFY(window_->statusBar()->currentMessage().contains("at iteration"));
    QVERIFY2(window_->statusBar()->currentMessage().contains("at iteration 39:"),
             qPrintable(window_->statusBar()->currentMessage()));
  }

  void theSurfaceAloneShowsTheLegend() {
    window_->landscapePanel()->setLayout(LandscapePanel::Layout::Surface);
    QVERIFY(!window_->landscapePanel()->contourView()->isVisible());
    const QImage surface = renderedFrame(window_->landscapePanel()->surfaceView());
    // The legend's line samples: every run's colour shows, L-BFGS's too (its path is short).
    for (int run = 0; run < 7; ++run) {
      QVERIFY2(countPixelsNear(surface, qcolor(plots::runColor(run)), 30) > 20,
               qPrintable(QString("run %1").arg(run)));
    }
    maybeShoot(window_.get(), "surface_only");
  }

  void theLayoutAndRecentFilesComeBackInTheNextSession() {
    QTemporaryDir dir;
    const QString path = dir.filePath("kept.json");
    QVERIFY(window_->saveFile(path));
    window_->landscapePanel()->setLayout(LandscapePanel::Layout::Contour);
    QVERIFY(window_->close());  // not modified: closes without asking, and saves the settings
    MainWindow next;
    QCOMPARE(next.landscapePanel()->layout(), LandscapePanel::Layout::Contour);
    auto* recent = next.findChild<QMenu*>("recentMenu");
    QVERIFY(recent);
    QVERIFY(!recent->actions().isEmpty());
    QCOMPARE(recent->actions().first()->toolTip(), QFileInfo(path).absoluteFilePath());
    next.landscapePanel()->setLayout(LandscapePanel::Layout::Both);
    QVERIFY(next.close());
  }

  void hidingARunRemovesItFromTheViews() {
    auto* item = window_->runList()->list()->item(0);
    const QColor colour = qcolor(plots::runColor(0));
    QVERIFY(countPixelsNear(renderedFrame(window_->landscapePanel()->contourView()), colour, 30) >
            20);
    item->setCheckState(Qt::Unchecked);
    QCOMPARE(window_->scenario().runs[0].visible, false);
    QCOMPARE(countPixelsNear(renderedFrame(window_->landscapePanel()->contourView()), colour, 12),
             0);
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  MainWindowTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_main_window.moc"
