// What the map does about points off it: after an objective change a start outside the new map
// moves to the new objective's default start and the status bar says so (a start inside stays);
// the momentum example's gradient descent, whose legs run past the map's lower edge, gets an
// off-map label in the frame.
#include <QComboBox>
#include <QStatusBar>
#include <QtTest>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/objective_editor.h"
#include "core/scenario/scenario_json.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::renderedFrame;
using gradscape::testing::waitForFinishedRuns;

namespace {

Scenario boothAt(double x, double y) {
  Scenario s = parseScenario(R"({"name": "booth", "objective": {"type": "booth"}, "start": [0, 0],
    "stop": {"max_iterations": 50}, "runs": [{"label": "GD", "optimizer": {"type": "sgd",
    "lr": 0.01}}]})");
  s.start = Vec{{x, y}};
  for (auto& run : s.runs) run.start = s.start;
  return s;
}

void chooseObjective(MainWindow& window, const char* name) {
  auto* combo = window.objectiveEditor()->findChild<QComboBox*>("objective");
  QVERIFY(combo);
  combo->setCurrentIndex(combo->findData(QString::fromLatin1(name)));
}

}  // namespace

class OffMapTest : public QObject {
  Q_OBJECT

 private slots:
  void init() { QVERIFY(testing::showExposedTestWindow(window_)); }
  void cleanup() { window_.reset(); }

  void startOffTheNewMapMovesToItsDefaultStartAndSaysSo() {
    window_->setScenario(boothAt(-8.0, 7.0));
    chooseObjective(*window_, "rosenbrock");
    // Rosenbrock's map is [-2, 2] x [-1, 3]; its default start is the box's lower corner plus
    // 0.15 of its size: (-2 + 0.6, -1 + 0.6) = (-1.4, -0.4).
    const Vec& start = window_->scenario().start;
    QVERIFY(std::abs(start[0] + 1.4) < 1e-12 && std::abs(start[1] + 0.4) < 1e-12);
    for (const auto& run : window_->scenario().runs) QCOMPARE(run.start, start);
    QCOMPARE(window_->objectiveEditor()->start(), start);
    const QString message = window_->statusBar()->currentMessage();
    QVERIFY2(message.contains("(-8, 7)") && message.contains("(-1.4, -0.4)") &&
                 message.contains("outside the new map"),
             qPrintable(message));
    // The start marker on the map moved with it.
    maybeShoot(window_.get(), "start_reset");
  }

  void startOnTheNewMapStays() {
    window_->setScenario(boothAt(-1.0, 1.0));
    window_->statusBar()->clearMessage();
    chooseObjective(*window_, "rosenbrock");
    QCOMPARE(window_->scenario().start, (Vec{{-1.0, 1.0}}));
    QVERIFY(!window_->statusBar()->currentMessage().contains("outside the new map"));
  }

  void momentumGradientDescentIsLabelledWhereItLeavesTheMap() {
    window_->openExample(":/gradscape/scenarios/momentum_ill_conditioned.json");
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    for (const QSize size : {QSize(1024, 700), QSize(1920, 1080)}) {
      window_->resize(size);
      QTest::qWait(300);
      auto* view = window_->landscapePanel()->contourView();
      auto& scene = dynamic_cast<plots::ContourScene&>(window_->landscapePanel()->contourScene());
      scene.resetCamera();
      renderedFrame(view);
      // GD's first leg runs from (-1.8, 1.6) past y = -2, the map's lower edge.
      const auto& gd = window_->runViews()[0];
      QVERIFY(gd.y[1] < -2.0);
      const auto labels = scene.exitLabels();
      QVERIFY(!labels.empty());
      QVERIFY(labels[0].text.rfind("off map at k = 1", 0) == 0);
      maybeShoot(window_.get(),
                 QStringLiteral("off_map_%1x%2").arg(size.width()).arg(size.height()));
    }
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(OffMapTest)
#include "test_off_map.moc"
