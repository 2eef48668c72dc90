// The local quadratic model (View > Local quadratic model, C; Gradient and Newton steps, N) when
// ticked on problems where part of it cannot be drawn as on a 2-D map: on a slice of the 4-D
// quadratic f = 1/2 (x1^2 + 2 x2^2 + 3 x3^2 + 4 x4^2) it is the model along the slice's
// directions, checked against values computed by hand; on a saddle the missing Newton step is
// explained on the map. Screenshots at 1024x700 and 1920x1080 with GRADSCAPE_SHOT_DIR.
#include <QAction>
#include <QStandardPaths>
#include <QtTest>

#include <algorithm>
#include <cmath>

#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/run_controller.h"
#include "app/gui/surface_format.h"
#include "core/analysis/slice_plane.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenario_json.h"
#include "plots/contour_scene.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::maybeShoot;
using gradscape::testing::waitForFinishedRuns;
using gradscape::testing::waitForLandscape;

namespace {

// Gradient descent, lr 0.1, three steps from (1, 1, 1, 1): x_3 = (0.9^3, 0.8^3, 0.7^3, 0.6^3).
Scenario diagonalScenario() {
  return parseScenario(R"({
    "name": "diagonal 4-D",
    "objective": {"type": "spectrum_quadratic", "dim": 4, "condition": 4, "max_eigenvalue": 4,
                  "rotate": false},
    "start": [1, 1, 1, 1],
    "stop": {"max_iterations": 3, "grad_tol": 0},
    "runs": [{"label": "GD", "optimizer": {"type": "sgd", "lr": 0.1}}]})");
}

bool near(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

bool anyLabelHas(const std::vector<std::string>& labels, const std::string& text) {
  return std::any_of(labels.begin(), labels.end(),
                     [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

class CurvatureSliceTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() {
    QVERIFY(gradscape::testing::showExposedTestWindow(window_));
    for (QAction* a : window_->findChildren<QAction*>()) {
      if (a->shortcut() == QKeySequence(Qt::Key_C)) model_ = a;
      if (a->shortcut() == QKeySequence(Qt::Key_N)) steps_ = a;
    }
    QVERIFY(model_ && steps_);
  }
  void cleanup() { window_.reset(); }

  void sliceModelIsTheHessiansSubBlockAlongTheSliceDirections() {
    const Scenario s = diagonalScenario();
    window_->setScenario(s);
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    QVERIFY(waitForLandscape(*window_));
    model_->setChecked(true);
    steps_->setChecked(true);
    QTest::qWait(400);
    // The slice: through the start along the top-2 Hessian eigenvectors, +-e4 (eigenvalue 4)
    // and +-e3 (3); which is u, and the signs, are read from the plane.
    const auto objective = makeObjective(s.objective);
    const SlicePlane plane = hessianEigenvectorPlane(*objective, s.start);
    const int ia = std::abs(plane.u[3]) > 0.5 ? 3 : 2, ib = 5 - ia;
    QVERIFY(near(std::abs(plane.u[ia]), 1.0) && near(std::abs(plane.v[ib]), 1.0));
    const double sa = plane.u[ia], sb = plane.v[ib];
    const double lambda[4] = {1.0, 2.0, 3.0, 4.0};
    // x_3 = (0.729, 0.512, 0.343, 0.216), g = lambda_i x_i = (0.729, 1.024, 1.029, 0.864).
    const double x[4] = {0.729, 0.512, 0.343, 0.216};
    const auto& glyph = map().curvatureGlyph();
    QVERIFY2(glyph.has_value(), "C ticked on a 4-D problem drew nothing");
    // Centre: (u.(x - start), v.(x - start)).
    QVERIFY(near(glyph->center[0], sa * (x[ia] - 1.0)) &&
            near(glyph->center[1], sb * (x[ib] - 1.0)));
    // D'HD = diag(lambda_a, lambda_b): eigenvalues 3 and 4, ascending, along the slice's axes.
    QVERIFY(near(glyph->eigenvalues[0], 3.0) && near(glyph->eigenvalues[1], 4.0));
    const size_t along3 = ia == 2 ? 0 : 1;  // the slice axis of e3
    QVERIFY(near(std::abs(glyph->axes[0][along3]), 1.0));
    // -lr g projected: (-0.1 lambda_a x_a sa, -0.1 lambda_b x_b sb); Newton of the slice's model:
    // -(x_a sa, x_b sb), which ends at the minimum's projection (-sa, -sb).
    QVERIFY(glyph->gradientStep && glyph->newtonStep);
    QVERIFY(near((*glyph->gradientStep)[0], -0.1 * lambda[ia] * x[ia] * sa));
    QVERIFY(near((*glyph->gradientStep)[1], -0.1 * lambda[ib] * x[ib] * sb));
    QVERIFY(near((*glyph->newtonStep)[0], -x[ia] * sa) &&
            near((*glyph->newtonStep)[1], -x[ib] * sb));
    // On the map: what the model is of, and how far the iterate is from the plane:
    // |(0.729 - 1, 0.512 - 1, 0, 0)| = 0.558.
    const auto& labels = map().curvatureLabels();
    QVERIFY(anyLabelHas(labels, "Model along the slice at iteration 3"));
    QVERIFY(anyLabelHas(labels, "0.56 off the plane"));
    QVERIFY(anyLabelHas(labels, "Newton step"));
    for (auto [w, h] : {std::pair{1024, 700}, std::pair{1920, 1080}}) {
      window_->resize(w, h);
      QTest::qWait(400);
      maybeShoot(window_.get(), QString("curvature_slice_%1x%2").arg(w).arg(h));
    }
  }

  void saddleSaysWhyThereIsNoNewtonStep() {
    Scenario s = parseScenario(R"({
      "name": "saddle",
      "objective": {"type": "saddle"},
      "start": [0.5, 0.5],
      "stop": {"max_iterations": 2, "grad_tol": 0},
      "runs": [{"label": "GD", "optimizer": {"type": "sgd", "lr": 0.1}}]})");
    window_->setScenario(s);
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    steps_->setChecked(true);
    QTest::qWait(400);
    const auto& glyph = map().curvatureGlyph();
    QVERIFY(glyph.has_value() && glyph->gradientStep.has_value());
    QVERIFY(!glyph->newtonStep.has_value());
    // f = x^2 - y^2: eigenvalues -2 and 2; the note names the negative one.
    QVERIFY(anyLabelHas(map().curvatureLabels(),
                        "No Newton step: the model has no minimum (λ = \u22122)"));
    maybeShoot(window_.get(), "curvature_saddle_note");
  }

 private:
  const plots::ContourScene& map() const {
    return dynamic_cast<const plots::ContourScene&>(window_->landscapePanel()->contourScene());
  }

  std::unique_ptr<MainWindow> window_;
  QAction* model_ = nullptr;
  QAction* steps_ = nullptr;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  CurvatureSliceTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_curvature_slice.moc"
