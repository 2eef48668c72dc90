// A scenario handed out in class (issue 12, section 2): {"lock": ["*"], "allow": ["lr",
// "momentum"]} leaves only the learning rate and the momentum changeable: every other control is
// disabled with a tooltip saying why, and the run shortcuts and a click on the map change
// nothing. "hide" takes sections out of sight (hidden explicitly, whichever dock tab is in
// front), and opening a scenario without classroom settings gives every control back.
#include <QComboBox>
#include <QGroupBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QtTest>

#include "app/gui/classroom_access.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/run_list_panel.h"
#include "core/scenario/scenario_json.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::waitForFinishedRuns;

namespace {

Scenario handout(const std::string& classroom) {
  return parseScenario(R"({"name": "handout", "objective": {"type": "booth"}, "start": [-4, 4],
    "stop": {"max_iterations": 100},
    "runs": [{"label": "Momentum", "optimizer": {"type": "sgd", "lr": 0.05, "momentum": 0.9}}],
    "classroom": )" + classroom +
                       "}");
}

template <typename W>
W* named(MainWindow& window, const char* name) {
  return window.findChild<W*>(QString::fromLatin1(name));
}

}  // namespace

class ClassroomAccessTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() { QVERIFY(gradscape::testing::showActiveTestWindow(window_)); }
  void cleanup() { window_.reset(); }

  void onlyTheAllowedParametersCanBeChanged() {
    window_->setScenario(handout(R"({"lock": ["*"], "allow": ["lr", "momentum"]})"));
    window_->runList()->setCurrentRow(0);
    QVERIFY(named<QWidget>(*window_, "param.lr.slider")->isEnabled());
    QVERIFY(named<QWidget>(*window_, "param.lr.entry")->isEnabled());
    QVERIFY(named<QWidget>(*window_, "param.momentum.slider")->isEnabled());
    for (const char* locked : {"param.dampening.slider", "param.weight_decay.entry", "optimizer",
                               "objective", "param.a.slider", "startX", "stopGroup",
                               "scheduleGroup", "gradientGroup", "addRun", "removeRun"}) {
      QWidget* w = named<QWidget>(*window_, locked);
      if (!w) continue;  // booth has no parameter "a": nothing to lock
      QVERIFY2(!w->isEnabled(), locked);
      QCOMPARE(w->toolTip(), QString::fromUtf8(kLockedTip));
    }
    // The shortcuts and the map do not go around the locks.
    const size_t runs = window_->scenario().runs.size();
    QTest::keyClick(window_.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(window_.get(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(window_->scenario().runs.size(), runs);
    emit window_->landscapePanel()->startPicked(1.0, 1.0);
    QCOMPARE(window_->scenario().start[0], -4.0);
    // Changing the optimizer's form (switching runs) keeps the locks.
    window_->runList()->setCurrentRow(-1);
    window_->runList()->setCurrentRow(0);
    QVERIFY(!named<QWidget>(*window_, "param.dampening.slider")->isEnabled());
    QVERIFY(named<QWidget>(*window_, "param.lr.slider")->isEnabled());
  }

  void hiddenSectionsAreOutOfSightAndComeBackWithTheNextScenario() {
    window_->setScenario(handout(R"({"hide": ["schedule", "curvature", "dampening"]})"));
    window_->runList()->setCurrentRow(0);
    QVERIFY(named<QGroupBox>(*window_, "scheduleGroup")->isHidden());
    QVERIFY(named<QGroupBox>(*window_, "curvatureGroup")->isHidden());
    QVERIFY(named<QWidget>(*window_, "param.dampening.slider")->isHidden());
    QVERIFY(!named<QWidget>(*window_, "param.lr.slider")->isHidden());
    QVERIFY(!named<QGroupBox>(*window_, "gradientGroup")->isHidden());
    // A scenario without classroom settings: everything back, as the editors had it.
    Scenario plain = handout(R"({})");
    plain.classroom = {};
    window_->setScenario(plain);
    window_->runList()->setCurrentRow(0);
    QVERIFY(!named<QGroupBox>(*window_, "scheduleGroup")->isHidden());
    QVERIFY(!named<QWidget>(*window_, "param.dampening.slider")->isHidden());
    QVERIFY(named<QWidget>(*window_, "addRun")->isEnabled());
    QVERIFY(named<QWidget>(*window_, "optimizer")->isEnabled());
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(ClassroomAccessTest)
#include "test_classroom_access.moc"
