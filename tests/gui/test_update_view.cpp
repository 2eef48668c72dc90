// The next step made visible (issue 12, section 4), driven through the real window: after S
// the map's arrows and the Update tab show the selected run's next step taken apart, equal to
// parts computed here by hand for SGD with momentum and for Adam on f = 1/2 (x^2 + 4 y^2)
// (gradient (x, 4 y)) from (1, 1) with lr 0.1, and on a slice of a 4-D quadratic the projections
// of hand-computed parts (clipping's share too); playing computes no explanations; the speed
// combo goes down to 1 it/s and the engine then takes about one step a second.
#include <QComboBox>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>
#include <cmath>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/run_controller.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/update_panel.h"
#include "core/analysis/slice_plane.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenario_json.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::plots::UpdateArrow;
using gradscape::testing::maybeShoot;

namespace {

RunSpec run(const std::string& optimizer, ParamValues given, const Scenario& s) {
  RunSpec spec;
  spec.optimizer = optimizer;
  spec.optimizerParams =
      ParamValues::withDefaults(optimizerRegistry().find(optimizer)->params, given);
  spec.start = s.start;
  spec.stop = s.stop;
  return spec;
}

// Run 0: SGD, momentum 0.9, lr 0.1. Run 1: Adam (torch defaults), lr 0.1.
Scenario twoRuns() {
  Scenario s;
  s.name = "Update parts";
  s.objective.type = "rotated_quadratic";
  s.objective.params.set("condition", 4.0);
  s.objective.params.set("angle", 0.0);
  s.start = Vec::Ones(2);
  s.stop.maxIterations = 200;
  s.stop.gradTol = 0.0;
  ParamValues sgd;
  sgd.set("lr", 0.1);
  sgd.set("momentum", 0.9);
  s.runs.push_back(run("sgd", sgd, s));
  ParamValues adam;
  adam.set("lr", 0.1);
  s.runs.push_back(run("adam", adam, s));
  return s;
}

bool near(const std::array<double, 2>& got, double x, double y) {
  return std::abs(got[0] - x) <= 1e-12 && std::abs(got[1] - y) <= 1e-12;
}

QString show(const std::array<double, 2>& v) {
  return QString("(%1, %2)").arg(v[0], 0, 'g', 17).arg(v[1], 0, 'g', 17);
}

// Waits for a snapshot in which every run has taken `steps` steps.
bool waitForIteration(MainWindow& w, int64_t steps) {
  QElapsedTimer clock;
  clock.start();
  while (clock.elapsed() < 10000) {
    const auto& snap = w.lastSnapshot();
    bool all = snap.generation == w.controller().generation() && !snap.runs.empty() &&
               snap.runs.size() == w.scenario().runs.size();
    for (const auto& r : snap.runs) all = all && r.iterations == steps && r.nextUpdate;
    if (all) return true;
    QTest::qWait(10);
  }
  return false;
}

}  // namespace

class UpdateViewTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    window_->setLiveMode(false);
    window_->setScenario(twoRuns());
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
    // A new scenario is not explained (the live mode's rerun starts with one); a reset is.
    QTest::qWait(200);
    QVERIFY(!window_->lastSnapshot().runs.empty());
    QVERIFY(!window_->lastSnapshot().runs[0].nextUpdate.has_value());
    QTest::keyClick(window_.get(), Qt::Key_R);
    QVERIFY(waitForIteration(*window_, 0));
  }

  void cleanup() { window_.reset(); }

  void arrowsEqualHandComputedPartsForSgdMomentumAndAdam() {
    QTest::keyClick(window_.get(), Qt::Key_S);
    QVERIFY(waitForIteration(*window_, 1));
    QTest::keyClick(window_.get(), Qt::Key_S);
    QVERIFY(waitForIteration(*window_, 2));

    // SGD with momentum (torch: b_1 = g_1, b_t = mu b_{t-1} + g_t, x -= lr b_t):
    // g_1 = (1, 4), b_1 = (1, 4), x_1 = (1, 1) - 0.1 (1, 4) = (0.9, 0.6);
    // g_2 = (0.9, 2.4), b_2 = 0.9 (1, 4) + (0.9, 2.4) = (1.8, 6), x_2 = (0.9, 0.6) - (0.18, 0.6)
    // = (0.72, 0); g_3 = (0.72, 0). The third step's parts: -lr mu b_2 = (-0.162, -0.54),
    // -lr g_3 = (-0.072, 0); together (-0.234, -0.54).
    window_->runList()->setCurrentRow(0);
    {
      const auto& arrows = map().updateArrows();
      QVERIFY(arrows.has_value());
      QVERIFY2(near(arrows->iterate, 0.72, 0.0), qPrintable(show(arrows->iterate)));
      QCOMPARE(arrows->arrows.size(), size_t(3));
      const UpdateArrow& carried = arrows->arrows[0];
      const UpdateArrow& gradient = arrows->arrows[1];
      const UpdateArrow& step = arrows->arrows[2];
      QCOMPARE(carried.label, std::string("−lr·μ·bₜ₋₁"));
      QVERIFY2(near(carried.from, 0.72, 0.0), qPrintable(show(carried.from)));
      QVERIFY2(near(carried.vector, -0.162, -0.54), qPrintable(show(carried.vector)));
      QCOMPARE(gradient.label, std::string("−lr·g"));
      QVERIFY2(near(gradient.from, 0.72 - 0.162, -0.54), qPrintable(show(gradient.from)));
      QVERIFY2(near(gradient.vector, -0.072, 0.0), qPrintable(show(gradient.vector)));
      QCOMPARE(step.kind, UpdateArrow::Kind::Step);
      QVERIFY2(near(step.vector, -0.234, -0.54), qPrintable(show(step.vector)));
      // Shades of the run's colour, the step in the colour itself.
      QCOMPARE(step.color, plots::runColor(0));
      QVERIFY(!(carried.color == gradient.color));
      const QString text = window_->updatePanel()->text();
      for (const char* number : {"1.8", "−0.162", "−0.54", "−0.072", "0.72"}) {
        QVERIFY2(text.contains(QString::fromUtf8(number)), number);
      }
      QVERIFY(text.contains(QStringLiteral("the step from x2 to x3")));
    }

    // Adam (beta1 0.9, beta2 0.999, eps 1e-8): t = 1: g = (1, 4), m = (0.1, 0.4),
    // v = (0.001, 0.016), m_hat = (1, 4), v_hat = (1, 16), step -0.1 m_hat/(sqrt(v_hat) + eps)
    // = (-0.1/1.00000001, -0.4/4.00000001), x_1 = (0.900000001, 0.90000000025).
    // t = 2: g = (0.900000001, 3.600000001), m = 0.9 m + 0.1 g = (0.1800000001, 0.7200000001),
    // v = 0.999 v + 0.001 g^2 = (0.0018090000018, 0.0289440000072), m_hat = m/0.19,
    // v_hat = v/0.001999, step = (-0.099587771287662599, -0.099587772068480481),
    // x_2 = (0.80041222971233739, 0.80041222818151952).
    // t = 3: g = (0.80041222971233739, 3.2016489127260781),
    // m = (0.24204122306123374, 0.96816489136260781),
    // v = (0.0024478507392712755, 0.039165611767552878), m_hat = m/0.271,
    // v_hat = v/0.002997001 = (0.8167667409090873, 13.06826783426261),
    // step = -0.1 m_hat/(sqrt(v_hat) + 1e-8) = (-0.098825955207923177, -0.098825956014682314).
    window_->runList()->setCurrentRow(1);
    {
      const auto& arrows = map().updateArrows();
      QVERIFY(arrows.has_value());
      QVERIFY2(near(arrows->iterate, 0.80041222971233739, 0.80041222818151952),
               qPrintable(show(arrows->iterate)));
      QCOMPARE(arrows->arrows.size(), size_t(1));  // one part: it is the step
      const UpdateArrow& pre = arrows->arrows[0];
      QCOMPARE(pre.label, std::string("−lr·m̂/(√v̂ + ε)"));
      QCOMPARE(pre.color, plots::runColor(1));
      QVERIFY2(near(pre.vector, -0.098825955207923177, -0.098825956014682314),
               qPrintable(show(pre.vector)));
      const QString text = window_->updatePanel()->text();
      for (const char* number : {"0.242041", "0.968165", "0.00244785", "0.0391656", "0.893141",
                                 "3.57256", "0.816767", "13.0683", "−0.098826"}) {
        QVERIFY2(text.contains(QString::fromUtf8(number)), number);
      }
      QVERIFY(text.contains(QStringLiteral("√v̂")));  // the formula
    }

    for (auto [w, h] : {std::pair{1024, 700}, std::pair{1920, 1080}}) {
      window_->analysisTabs()->setCurrentWidget(window_->updatePanel());
      window_->resize(w, h);
      QTest::qWait(300);
      maybeShoot(window_.get(), QString("update_adam_%1x%2").arg(w).arg(h));
    }
    window_->runList()->setCurrentRow(0);
    for (auto [w, h] : {std::pair{1024, 700}, std::pair{1920, 1080}}) {
      window_->resize(w, h);
      QTest::qWait(300);
      maybeShoot(window_.get(), QString("update_sgd_momentum_%1x%2").arg(w).arg(h));
    }
  }

  void arrowsOnASliceAreTheProjectionsOfHandComputedParts() {
    // f = 1/2 (x1^2 + 2 x2^2 + 3 x3^2 + 4 x4^2) from (1, 1, 1, 1); SGD, momentum 0.9, lr 0.1,
    // gradients clipped to [-2.5, 2.5] coordinate-wise.
    window_->setScenario(parseScenario(R"({
      "name": "diagonal 4-D",
      "objective": {"type": "spectrum_quadratic", "dim": 4, "condition": 4,
                    "max_eigenvalue": 4, "rotate": false},
      "start": [1, 1, 1, 1],
      "stop": {"max_iterations": 200, "grad_tol": 0},
      "runs": [{"label": "SGD", "optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9},
                "clip": {"type": "value", "threshold": 2.5}}]})"));
    QVERIFY(gradscape::testing::waitForLandscape(*window_));
    QTest::keyClick(window_.get(), Qt::Key_R);
    QVERIFY(waitForIteration(*window_, 0));
    QTest::keyClick(window_.get(), Qt::Key_S);
    QVERIFY(waitForIteration(*window_, 1));
    window_->runList()->setCurrentRow(0);
    // By hand: g_1 = (1, 2, 3, 4), clipped (1, 2, 2.5, 2.5) = b_1; x_1 = (0.9, 0.8, 0.75, 0.75).
    // g_2 = (0.9, 1.6, 2.25, 3), clipped (0.9, 1.6, 2.25, 2.5). Parts of the second step:
    // -lr mu b_1 = (-0.09, -0.18, -0.225, -0.225), -lr clip(g_2) = (-0.09, -0.16, -0.225, -0.25);
    // clipping took off -lr (g_2 - clip(g_2)) = (0, 0, 0, -0.05).
    const Vec x1 = (Vec(4) << 0.9, 0.8, 0.75, 0.75).finished();
    const Vec carried = (Vec(4) << -0.09, -0.18, -0.225, -0.225).finished();
    const Vec gradient = (Vec(4) << -0.09, -0.16, -0.225, -0.25).finished();
    const Vec removed = (Vec(4) << 0.0, 0.0, 0.0, -0.05).finished();
    // The slice: through the start along +-e4 and +-e3 (the top-2 eigenvectors; signs from the
    // plane), orthonormal, so a vector's arrow is (u.v, v.v) and a point's (u.(p - start), ...).
    const Scenario& s = window_->scenario();
    const SlicePlane plane = hessianEigenvectorPlane(*makeObjective(s.objective), s.start);
    for (const Vec* d : {&plane.u, &plane.v}) {
      QVERIFY(std::abs(std::abs((*d)[2]) + std::abs((*d)[3]) - 1.0) < 1e-12);
    }
    const auto flat = [&](const Vec& v) {
      return std::array<double, 2>{plane.u.dot(v), plane.v.dot(v)};
    };
    const auto& arrows = map().updateArrows();
    QVERIFY(arrows.has_value());
    const auto at = flat(x1 - s.start);
    QVERIFY2(near(arrows->iterate, at[0], at[1]), qPrintable(show(arrows->iterate)));
    QCOMPARE(arrows->arrows.size(), size_t(4));  // two parts, the step, the clipped part
    const auto expect = [&](const UpdateArrow& a, const Vec& from, const Vec& v) {
      const auto f = flat(from - s.start), d = flat(v);
      QVERIFY2(near(a.from, f[0], f[1]), qPrintable(show(a.from)));
      QVERIFY2(near(a.vector, d[0], d[1]), qPrintable(show(a.vector) + " " + show(d)));
    };
    expect(arrows->arrows[0], x1, carried);
    expect(arrows->arrows[1], x1 + carried, gradient);
    expect(arrows->arrows[2], x1, carried + gradient);
    expect(arrows->arrows[3], x1 + carried + gradient, removed);
    QCOMPARE(arrows->arrows[2].kind, UpdateArrow::Kind::Step);
    QCOMPARE(arrows->arrows[3].kind, UpdateArrow::Kind::Clipped);
    window_->analysisTabs()->setCurrentWidget(window_->updatePanel());
    for (auto [w, h] : {std::pair{1024, 700}, std::pair{1920, 1080}}) {
      window_->resize(w, h);
      QTest::qWait(300);
      maybeShoot(window_.get(), QString("update_slice_clipped_%1x%2").arg(w).arg(h));
    }
  }

  void ctrlFiveShowsTheUpdateTab() {
    QTabWidget* tabs = window_->analysisTabs();
    tabs->setCurrentIndex(0);
    QTest::keySequence(window_.get(), QKeySequence(Qt::CTRL | Qt::Key_5));
    QCOMPARE(tabs->currentWidget(), window_->updatePanel());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Update"));
  }

  void playingComputesNoExplanations() {
    auto* speed = window_->findChild<QComboBox*>("speed");
    QVERIFY(speed);
    speed->setCurrentIndex(speed->findData(100));
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QElapsedTimer clock;
    clock.start();
    int seen = 0;
    while (clock.elapsed() < 5000 && seen < 5) {
      QSignalSpy shown(window_.get(), &MainWindow::snapshotShown);
      QVERIFY(shown.wait(2000));
      const auto& snap = window_->lastSnapshot();
      if (!window_->controller().isPlaying() || snap.runs[0].iterations == 0) continue;
      ++seen;
      for (const auto& r : snap.runs) QVERIFY(!r.nextUpdate.has_value());
      QVERIFY(!map().updateArrows().has_value());
      QVERIFY(window_->updatePanel()->text().contains(QStringLiteral("Press S to step")));
    }
    QCOMPARE(seen, 5);
    // Paused, the next step is explained again.
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(window_->lastSnapshot().runs[0].nextUpdate.has_value(), 5000);
    QVERIFY(map().updateArrows().has_value());
  }

  void playsDownToOneStepASecond() {
    auto* speed = window_->findChild<QComboBox*>("speed");
    QVERIFY(speed);
    for (int steps : {1, 2, 5}) QVERIFY(speed->findData(steps) >= 0);
    speed->setCurrentIndex(speed->findData(1));
    QCOMPARE(speed->currentText(), QStringLiteral("1 it/s"));
    QCOMPARE(window_->controller().speed(), 1.0);
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QTest::qWait(1500);
    QTest::keyClick(window_.get(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->controller().isPlaying(), 2000);
    QTest::qWait(100);
    const int64_t steps = window_->lastSnapshot().runs[0].iterations;
    QVERIFY2(steps >= 1 && steps <= 3, qPrintable(QString::number(steps)));
  }

 private:
  const plots::ContourScene& map() const {
    return dynamic_cast<const plots::ContourScene&>(window_->landscapePanel()->contourScene());
  }

  std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(UpdateViewTest)
#include "test_update_view.moc"
