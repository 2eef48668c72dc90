// The desktop program's curvature views end to end: N-D problems drawn on a slice with their
// paths projected, the sharpness panel against runs computed by the engine directly, the
// tracking control, and the local quadratic model on the contour map.
#include <Eigen/Eigenvalues>
#include <QAction>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QtTest>
#include "app/gui/run_list_panel.h"

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/model_panel.h"
#include "app/gui/objective_editor.h"
#include "app/gui/sharpness_panel.h"
#include "app/gui/spectrum_panel.h"
#include "app/gui/surface_format.h"
#include "core/analysis/slice_plane.h"
#include "core/objectives/mlp_classifier.h"
#include "core/scenario/scenario_json.h"
#include "plots/decision_map.h"
#include "support/gui_driver.h"

using namespace gradscape;
using namespace gradscape::gui;
using gradscape::testing::countPixelsNear;
using gradscape::testing::maybeShoot;
using gradscape::testing::openDefaultScenario;
using gradscape::testing::qcolor;
using gradscape::testing::renderedFrame;
using gradscape::testing::waitForFinishedRuns;
using gradscape::testing::waitForLandscape;
using gradscape::testing::widgetPositionOf;

namespace {

// A frame after the views have rested (the 250 ms smoothing pass has run), so frames compared
// with each other are drawn alike.
QImage settledFrame(VtkView* view) {
  QTest::qWait(400);
  return renderedFrame(view);
}

// A small network so the suite stays quick: 2 -> 8 -> 2 on moons, sharpness every 10 steps.
Scenario mlpScenario() {
  return parseScenario(R"({
    "name": "test MLP",
    "objective": {"type": "mlp", "dataset": "moons", "samples": 60, "width": 8},
    "seed": 4,
    "stop": {"max_iterations": 200, "grad_tol": 0},
    "curvature": {"every": 10},
    "runs": [
      {"label": "GD", "optimizer": {"type": "sgd", "lr": 0.5}},
      {"label": "Heavy ball", "optimizer": {"type": "heavy_ball", "lr": 0.1, "beta": 0.8}},
      {"label": "Adam", "optimizer": {"type": "adam", "lr": 0.02}}
    ]})");
}

}  // namespace

class CurvatureViewsTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void init() { QVERIFY(gradscape::testing::showExposedTestWindow(window_)); }
  void cleanup() { window_.reset(); }

  void manyDimensionsAreDrawnOnASliceWithProjectedPaths() {
    const Scenario s = mlpScenario();
    window_->setScenario(s);
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    QVERIFY(waitForLandscape(*window_));  // widened to hold the finished paths
    QVERIFY(QString::fromStdString(window_->landscapePanel()->landscape().title).contains("slice"));
    QVERIFY(window_->statusBar()->currentMessage().contains("slice"));
    // The engine's own runs, projected onto the plane through the start along the top-2
    // Hessian eigenvectors there: the views hold exactly those coordinates.
    const auto objective = makeObjective(s.objective);
    const PlaneProjector project(hessianEigenvectorPlane(*objective, s.start));
    auto runs = makeRuns(s);
    const auto& views = window_->runViews();
    QCOMPARE(views.size(), runs.size());
    for (size_t i = 0; i < runs.size(); ++i) {
      runs[i]->runToEnd();
      QCOMPARE(window_->scenario().runs[i].start.size(), 42);  // 3 * 8 + 8 * 2 + 2
      QCOMPARE(runs[i]->trace().pointsPerRow(), false);
      // The path starts at the origin of the slice (the plane passes through the start) and
      // ends at the projection of the engine's final iterate.
      QVERIFY(std::abs(views[i].x.front()) < 1e-12 && std::abs(views[i].y.front()) < 1e-12);
      const auto end = project(runs[i]->point());
      QVERIFY(std::abs(views[i].x.back() - end[0]) < 1e-9 * std::max(1.0, std::abs(end[0])));
      QVERIFY(std::abs(views[i].y.back() - end[1]) < 1e-9 * std::max(1.0, std::abs(end[1])));
    }
    // The slice grows to hold every finished path.
    const auto& grid = window_->landscapePanel()->landscape().grid;
    for (size_t i = 0; i < runs.size(); ++i) {
      const auto end = project(runs[i]->point());
      QVERIFY(std::abs(end[0]) <= grid.xmax && std::abs(end[1]) <= grid.ymax);
    }
    maybeShoot(window_.get(), "mlp_slice");
  }

  void sliceDirectionsCanBeChosenWithoutRerunning() {
    window_->setScenario(mlpScenario());
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    const uint64_t generation = window_->controller().generation();
    QAction* pca = nullptr;
    QAction* random = nullptr;
    for (QAction* a : window_->findChildren<QAction*>()) {
      if (a->text().contains("Principal components")) pca = a;
      if (a->text().contains("Random directions")) random = a;
    }
    QVERIFY(pca && random && pca->isEnabled());
    // The principal components of GD's (the selected run's) path, through its final iterate:
    // that iterate lands on the slice's origin.
    window_->runList()->setCurrentRow(0);
    pca->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        window_->statusBar()->currentMessage().contains("principal components of GD"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(window_->runViews()[0].x.back()) < 1e-9 &&
                                 std::abs(window_->runViews()[0].y.back()) < 1e-9,
                             20000);
    // The Hessian's top-2 eigenvectors at Adam's final iterate: the slice passes through it.
    QAction* atIterate = nullptr;
    for (QAction* a : window_->findChildren<QAction*>()) {
      if (a->text().contains("selected run's &iterate")) atIterate = a;
    }
    QVERIFY(atIterate);
    window_->runList()->setCurrentRow(2);
    atIterate->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(window_->runViews()[2].x.back()) < 1e-9 &&
                                 std::abs(window_->runViews()[2].y.back()) < 1e-9,
                             20000);
    QVERIFY(window_->statusBar()->currentMessage().contains("Adam's iterate 200"));
    // Random directions through the start: the paths begin at the origin again.
    random->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        window_->statusBar()->currentMessage().contains("random filter-normalised"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(window_->runViews()[0].x.front()) < 1e-12 &&
                                 std::abs(window_->runViews()[0].y.front()) < 1e-12,
                             20000);
    QVERIFY(std::abs(window_->runViews()[0].x.back()) > 1e-6);
    // The runs were not rerun: the same generation of results throughout.
    QCOMPARE(window_->controller().generation(), generation);
    maybeShoot(window_.get(), "mlp_random_slice");
  }

  void modelTabShowsTheSelectedRunsClassifier() {
    const Scenario s = mlpScenario();
    window_->setScenario(s);
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    window_->runList()->setCurrentRow(2);  // Adam
    window_->analysisTabs()->setCurrentWidget(window_->modelPanel());
    // The map is drawn at Adam's final iterate, as the engine computes it.
    auto runs = makeRuns(s);
    runs[2]->runToEnd();
    const auto model = std::dynamic_pointer_cast<const MlpClassifier>(makeObjective(s.objective));
    QVERIFY(model);
    const auto want = plots::decisionMapData(*model, runs[2]->point(), 41, "");
    QTRY_VERIFY_WITH_TIMEOUT(
        QString::fromStdString(window_->modelPanel()->map().data().title).contains("Adam"), 10000);
    QCOMPARE(window_->modelPanel()->map().data().accuracy, want.accuracy);
    QVERIFY(want.accuracy > 0.8);  // a trained classifier on two moons
    maybeShoot(window_.get(), "model_tab");
  }

  void clickingASliceLeavesTheStartAlone() {
    const Scenario s = mlpScenario();
    window_->setScenario(s);
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    auto* view = window_->landscapePanel()->contourView();
    renderedFrame(view);
    vtkRenderer* renderer = window_->landscapePanel()->contourScene().renderer();
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier,
                      widgetPositionOf(view, renderer, 0.3, -0.2));
    QCOMPARE(window_->scenario().start, s.start);
    QVERIFY(window_->statusBar()->currentMessage().contains("seeded initialisation"));
  }

  void sharpnessPanelShowsTrackedEigenvaluesAndThresholds() {
    const Scenario s = mlpScenario();
    window_->setScenario(s);
    QVERIFY(waitForLandscape(*window_));
    window_->controller().runToEnd();
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    QCOMPARE(window_->analysisTabs()->currentWidget(), window_->sharpnessPanel());
    // The series handed to the chart equal the engine's own curvature samples.
    auto runs = makeRuns(s);
    std::vector<plots::RunView> views;
    for (auto& run : runs) {
      run->runToEnd();
      views.push_back(plots::makeRunView(run->trace()));
    }
    const auto series = sharpnessSeries(s.runs, views);
    QCOMPARE(series.size(), size_t{3});
    for (size_t i = 0; i < runs.size(); ++i) {
      const auto& samples = runs[i]->trace().curvature();
      QCOMPARE(series[i].top.size(), samples.size());
      QCOMPARE(samples.size(), size_t{20});  // iterations 0, 10, ..., 190
      for (size_t k = 0; k < samples.size(); ++k) QCOMPARE(series[i].top[k], samples[k].top);
    }
    // Thresholds: GD 2/lr = 4, heavy ball 2(1 + 0.8)/0.1 = 36, Adam none.
    QVERIFY(!series[0].threshold.empty());
    QVERIFY(std::abs(series[0].threshold.front() - 4.0) < 1e-12);
    QVERIFY(std::abs(series[1].threshold.front() - 36.0) < 1e-12);
    QVERIFY(series[2].threshold.empty());
    // The chart draws them in the runs' colours.
    const QImage frame = renderedFrame(window_->sharpnessPanel()->view());
    for (int i = 0; i < 3; ++i)
      QVERIFY(countPixelsNear(frame, qcolor(plots::runColor(i)), 30) > 20);
    maybeShoot(window_.get(), "sharpness_panel");
  }

  void trackingControlSetsEveryRunsInterval() {
    QVERIFY(openDefaultScenario(*window_));
    QCOMPARE(window_->scenario().curvature.every, 0);
    auto* every = window_->sharpnessPanel()->findChild<QSpinBox*>("sharpnessEvery");
    QVERIFY(every);
    every->setValue(50);
    QCOMPARE(window_->scenario().curvature.every, 50);
    for (const auto& run : window_->scenario().runs) QCOMPARE(run.curvature.every, 50);
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    QVERIFY(window_->isModified());
    // Rosenbrock's GD run (5000 steps) now carries samples at 0, 50, 100, ...
    auto runs = makeRuns(window_->scenario());
    runs[0]->runToEnd();
    QVERIFY(runs[0]->trace().curvature().size() >= 50);
    QCOMPARE(runs[0]->trace().curvature()[1].iteration, 50);
  }

  void quadraticModelAppearsOnTheMapWhenAsked() {
    QVERIFY(openDefaultScenario(*window_));
    // At the selected run's (GD's) iterate 2000, hovered in the convergence chart: on
    // Rosenbrock's valley floor (y ~ x^2, where the Hessian is positive definite) far from the
    // minimum, so Newton's step exists and has length. The hover's own highlight is in every
    // frame compared.
    emit window_->convergencePanel()->iterationHovered(2000.0);
    auto* view = window_->landscapePanel()->contourView();
    const QImage before = settledFrame(view);
    QAction* glyph = nullptr;
    QAction* steps = nullptr;
    for (QAction* a : window_->findChildren<QAction*>()) {
      if (a->shortcut() == QKeySequence(Qt::Key_C)) glyph = a;
      if (a->shortcut() == QKeySequence(Qt::Key_N)) steps = a;
    }
    QVERIFY(glyph && steps);
    glyph->setChecked(true);
    steps->setChecked(true);
    const QImage after = settledFrame(view);
    maybeShoot(window_.get(), "quadratic_model");
    // The model's axes are white; the arrows orange (gradient) and sky blue (Newton).
    const QColor white(255, 255, 255), sky(86, 180, 233);
    QVERIFY(countPixelsNear(after, white, 8) > countPixelsNear(before, white, 8) + 30);
    QVERIFY(countPixelsNear(after, sky, 25) > countPixelsNear(before, sky, 25) + 10);
    glyph->setChecked(false);
    steps->setChecked(false);
    const QImage cleared = settledFrame(view);
    // Gone again (frames may differ in anti-aliasing, so compare with the glyph's own frame).
    QVERIFY(countPixelsNear(cleared, white, 8) < countPixelsNear(after, white, 8) - 30);
    QVERIFY(countPixelsNear(cleared, sky, 25) < countPixelsNear(after, sky, 25) - 10);
  }

  void spectrumTabAnalysesTheSelectedRunsFinalIterate() {
    QVERIFY(openDefaultScenario(*window_));
    auto* panel = window_->spectrumPanel();
    QSignalSpy finished(panel, &SpectrumPanel::analysisFinished);
    window_->analysisTabs()->setCurrentWidget(panel);  // visible: analyses on its own
    QVERIFY(finished.wait(20000));
    // GD (run 0) ends at x_5000; its Hessian's eigenvalues, from the closed form.
    auto runs = makeRuns(window_->scenario());
    runs[0]->runToEnd();
    const Vec x = runs[0]->point();
    Eigen::Matrix2d h;
    h << 2.0 - 400.0 * (x[1] - 3.0 * x[0] * x[0]), -400.0 * x[0], -400.0 * x[0], 200.0;
    const Eigen::Vector2d want = Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d>(h).eigenvalues();
    QVERIFY(panel->lastReport().has_value());
    const Vec& got = panel->lastReport()->eigenvalues;
    QCOMPARE(got.size(), 2);
    for (int i = 0; i < 2; ++i) QVERIFY(std::abs(got[i] - want[i]) < 1e-9 * std::abs(want[1]));
    maybeShoot(window_.get(), "spectrum_tab");
  }

  void switchingBetweenTwoAndManyDimensionsKeepsTheStartConsistent() {
    QVERIFY(openDefaultScenario(*window_));
    Scenario s = window_->scenario();
    s.objective = {"spectrum_quadratic", {}};
    s.objective.params.set("dim", 30);
    // Through the editor, the way a person switches.
    window_->objectiveEditor()->setScenario(s);
    emit window_->objectiveEditor()->objectiveChanged();
    QCOMPARE(window_->scenario().start.size(), 30);
    for (const auto& run : window_->scenario().runs) QCOMPARE(run.start.size(), 30);
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    s.objective = {"himmelblau", {}};
    window_->objectiveEditor()->setScenario(s);
    emit window_->objectiveEditor()->objectiveChanged();
    QCOMPARE(window_->scenario().start.size(), 2);
    QVERIFY(waitForFinishedRuns(*window_, 20000));
    QCOMPARE(window_->landscapePanel()->landscape().grid.xmin, -5.0);
  }

 private:
  std::unique_ptr<MainWindow> window_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  CurvatureViewsTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_curvature_views.moc"
