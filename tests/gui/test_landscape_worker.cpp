// Heavy landscapes are drawn off the GUI thread (issue 12, section 6): a slice of a
// 200000-dimensional quadratic takes seconds to sample, and meanwhile the window answers events,
// shows progress, and keeps the previous map with its own runs; the new map and the new runs
// arrive together; Cancel goes back to the objective shown; Newton on that problem is refused
// without leaving the old runs on the new map.
#include <QLabel>
#include <QProgressBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/run_controller.h"
#include "core/scenario/scenario_json.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::waitForFinishedRuns;
using gradscape::testing::waitForLandscape;

namespace {

Scenario booth() {
  return parseScenario(R"({"name": "booth", "objective": {"type": "booth"}, "start": [-4, 4],
    "stop": {"max_iterations": 50},
    "runs": [{"label": "GD", "optimizer": {"type": "sgd", "lr": 0.05}}]})");
}

// 200000 dimensions: a sample of its slice costs milliseconds, so the grid takes a while.
Scenario bigQuadratic() {
  return parseScenario(R"({"name": "big", "objective": {"type": "spectrum_quadratic",
    "dim": 200000}, "stop": {"max_iterations": 20}, "runs": [
    {"label": "A", "optimizer": {"type": "sgd", "lr": 0.1}},
    {"label": "B", "optimizer": {"type": "sgd", "lr": 0.5}}]})");
}

std::string shownTitle(MainWindow& window) {
  return window.landscapePanel()->landscape().title;
}

}  // namespace

class LandscapeWorkerTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    window_->setScenario(booth());
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_));
  }
  void cleanup() { window_.reset(); }

  void aSliceOfAHugeProblemIsSampledWhileTheWindowAnswers() {
    const std::string oldTitle = shownTitle(*window_);
    QVERIFY(oldTitle.find("Booth") != std::string::npos);
    window_->setScenario(bigQuadratic());
    // setScenario returned before the grid was sampled: the work is elsewhere.
    QVERIFY(window_->landscapePending());
    auto* progress = window_->findChild<QWidget*>("landscapeProgress");
    QTRY_VERIFY(progress && progress->isVisible());  // after a moment
    // The event loop runs while it is built (a timer fires), and until it is shown the views keep
    // the previous map with the previous problem's one run on it.
    int ticks = 0;
    bool mixed = false;  // a moment when the new map showed beside old runs, or the reverse
    QTimer timer;
    connect(&timer, &QTimer::timeout, [&] {
      ++ticks;
      if (window_->landscapePending()) {
        mixed |= shownTitle(*window_) != oldTitle || window_->runViews().size() != 1;
      }
    });
    timer.start(20);
    QVERIFY(waitForLandscape(*window_, 120000));
    QVERIFY2(ticks >= 3, "the GUI thread was blocked while the landscape was built");
    QVERIFY(!mixed);
    QVERIFY(!progress->isVisible());
    QVERIFY(shownTitle(*window_).find("slice") != std::string::npos);
    // The new runs follow the new map: once they finish, both of them are drawn on it.
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 60000));
    QCOMPARE(window_->runViews().size(), size_t(2));
    QCOMPARE(window_->scenario().runs[0].start.size(), 200000);
  }

  void cancelGoesBackToTheObjectiveShown() {
    window_->setScenario(bigQuadratic());
    QVERIFY(window_->landscapePending());
    auto* cancel = window_->findChild<QToolButton*>("cancelLandscape");
    QTRY_VERIFY(cancel && cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!window_->landscapePending());
    QCOMPARE(window_->scenario().objective.type, std::string("booth"));
    QCOMPARE(window_->scenario().start.size(), 2);
    QCOMPARE(window_->scenario().runs[0].start.size(), 2);
    QVERIFY(window_->statusBar()->currentMessage().contains("cancelled"));
    QVERIFY(shownTitle(*window_).find("Booth") != std::string::npos);
    // The runs now belong to Booth again and run on it.
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_));
    QCOMPARE(window_->runViews().size(), window_->scenario().runs.size());
    // Nothing of the cancelled job is shown later.
    QTest::qWait(300);
    QVERIFY(shownTitle(*window_).find("Booth") != std::string::npos);
  }

  void aRunThatCannotRunIsRefusedWithTheNewMapNotBeforeIt() {
    // As a window may hold it (a file cannot: validation refuses it): Newton forms a dense
    // Hessian, which 200000 dimensions refuse.
    Scenario scenario = bigQuadratic();
    scenario.runs[1].optimizer = "newton";
    scenario.runs[1].optimizerParams = {};
    window_->setScenario(scenario);
    QVERIFY(window_->landscapePending());
    QVERIFY(!window_->banner()->isVisible());  // not judged before its map is there
    QVERIFY(waitForLandscape(*window_, 120000));
    QVERIFY(shownTitle(*window_).find("slice") != std::string::npos);
    QTRY_VERIFY(window_->banner()->isVisible());
    QVERIFY(window_->banner()->text().contains("no run is shown"));
    // No path of Booth's run stays on the quadratic's map.
    QTRY_VERIFY(window_->runViews().empty());
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(LandscapeWorkerTest)
#include "test_landscape_worker.moc"
