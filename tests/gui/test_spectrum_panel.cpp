// The spectrum panel: Hessian spectra at iterates of real runs, computed in the background,
// checked against closed forms and known spectra; cancelling, superseding and destroying a
// running analysis; automatic analysis while visible.
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>
#include <cmath>

#include "app/gui/spectrum_panel.h"
#include "app/gui/surface_format.h"
#include "app/gui/vtk_view.h"
#include "core/curvature/slq.h"
#include "core/objectives/spectrum_quadratic.h"
#include "core/scenario/scenario_json.h"
#include "plots/rgb.h"

using namespace gradscape;
using namespace gradscape::gui;

namespace {

constexpr int kTimeoutMs = 30000;

// One GD run ("sgd" without momentum) on an objective given as JSON.
Scenario gdScenario(const QString& objective, const QString& start, double lr,
                    int64_t maxIterations, double gradTol = 1e-8) {
  const QString text =
      QString(R"({"version": 1, "name": "test", "objective": %1, %2 "seed": 3,
                  "stop": {"max_iterations": %3, "grad_tol": %4},
                  "runs": [{"label": "GD", "optimizer": {"type": "sgd", "lr": %5}}]})")
          .arg(objective, start.isEmpty() ? QString() : "\"start\": " + start + ",")
          .arg(maxIterations)
          .arg(gradTol, 0, 'g', 17)
          .arg(lr, 0, 'g', 17);
  return parseScenario(text.toStdString());
}

Scenario rotatedQuadratic(double lr, int64_t maxIterations, double gradTol = 1e-8) {
  return gdScenario(R"({"type": "rotated_quadratic", "condition": 10, "angle": 30})", "[3, 2]", lr,
                    maxIterations, gradTol);
}

QString spectrumQuadratic(int dim, double largeFraction) {
  return QString(R"({"type": "spectrum_quadratic", "dim": %1, "condition": 100,
                     "max_eigenvalue": 1, "distribution": "two_clusters",
                     "large_fraction": %2, "seed": 5})")
      .arg(dim)
      .arg(largeFraction);
}

Vec twoClusterEigenvalues(int dim, double largeFraction) {
  SpectrumQuadraticOptions o;
  o.dim = dim;
  o.condition = 100.0;
  o.maxEigenvalue = 1.0;
  o.distribution = SpectrumDistribution::TwoClusters;
  o.largeFraction = largeFraction;
  o.seed = 5;
  return SpectrumQuadratic(o).eigenvalues();
}

// Analyses at `iteration` and waits for the result.
bool analyseAt(SpectrumPanel& panel, int64_t iteration) {
  QSignalSpy finished(&panel, &SpectrumPanel::analysisFinished);
  QSignalSpy failed(&panel, &SpectrumPanel::analysisFailed);
  panel.setIteration(iteration);
  panel.analyse();
  if (!finished.wait(kTimeoutMs)) {
    qWarning("no result; failures: %s",
             failed.isEmpty() ? "none" : qPrintable(failed.first().first().toString()));
    return false;
  }
  return true;
}

QString summaryOf(SpectrumPanel& panel) {
  return panel.findChild<QLabel*>("spectrumSummary")->text();
}

std::vector<double> sorted(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values;
}

// Saves a picture of the panel when GRADSCAPE_SHOT_DIR names a directory (for looking at).
void maybeShoot(SpectrumPanel& panel, const QString& name) {
  if (!qEnvironmentVariableIsSet("GRADSCAPE_SHOT_DIR")) return;
  QSignalSpy frames(panel.view(), &VtkView::frameRendered);
  panel.view()->requestRender();
  frames.wait(5000);
  panel.grab().save(qEnvironmentVariable("GRADSCAPE_SHOT_DIR") + "/" + name + ".png");
}

}  // namespace

class SpectrumPanelTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    panel_ = std::make_unique<SpectrumPanel>();
    panel_->resize(900, 460);
    panel_->show();
    QVERIFY(QTest::qWaitForWindowExposed(panel_.get()));
  }

  void cleanup() { panel_.reset(); }

  void quadraticSpectrumIsTheSameAtEveryIterate() {
    // f = 1/2 x' R diag(1, 10) R' x: the Hessian is constant with eigenvalues 1 and 10.
    panel_->setScenario(rotatedQuadratic(0.05, 100));
    panel_->setRun(0, "GD", plots::runColor(0), 100);
    for (int64_t k : {0, 5}) {
      QVERIFY(analyseAt(*panel_, k));
      const auto& report = panel_->lastReport();
      QVERIFY(report);
      QCOMPARE(report->method, SpectrumMethod::Dense);
      QCOMPARE(report->eigenvalues.size(), 2);
      QVERIFY(std::abs(report->eigenvalues[0] - 1.0) < 1e-12);
      QVERIFY(std::abs(report->eigenvalues[1] - 10.0) < 1e-11);
      QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(k));
      QCOMPARE(sorted(panel_->shownSpectrum().eigenvalues),
               std::vector<double>(report->eigenvalues.begin(), report->eigenvalues.end()));
      const QString title = QString::fromStdString(panel_->shownSpectrum().title);
      QVERIFY2(title.contains(QString("iteration %1 ").arg(k)) && title.contains("GD"),
               qPrintable(title));
      // GD's edge of stability 2/lr with lr = 0.05.
      QCOMPARE(panel_->shownThresholds().size(), size_t(1));
      QCOMPARE(panel_->shownThresholds()[0].second, 40.0);
      QCOMPARE(panel_->shownThresholds()[0].first, std::string("2/lr = 40"));
      QVERIFY2(summaryOf(*panel_).contains("largest 10, smallest 1 · 2 dims · exact"),
               qPrintable(summaryOf(*panel_)));
      QVERIFY2(summaryOf(*panel_).contains("2/lr = 40"), qPrintable(summaryOf(*panel_)));
    }
  }

  void rosenbrockSpectrumMatchesTheClosedFormHessian() {
    panel_->setScenario(
        gdScenario(R"({"type": "rosenbrock", "a": 1, "b": 100})", "[-1.5, 2]", 0.001, 2000));
    panel_->setRun(0, "GD", plots::runColor(1), 2000);
    QVERIFY(analyseAt(*panel_, 0));
    // f = (1 - x)^2 + 100 (y - x^2)^2: H = [[2 - 400 (y - 3x^2), -400x], [-400x, 200]].
    const double x = -1.5, y = 2.0;
    const double a = 2.0 - 400.0 * (y - 3.0 * x * x), b = -400.0 * x, c = 200.0;
    const double mid = 0.5 * (a + c), radius = std::hypot(0.5 * (a - c), b);
    const auto& values = panel_->lastReport()->eigenvalues;
    QCOMPARE(values.size(), 2);
    QVERIFY(std::abs(values[0] - (mid - radius)) < 1e-9 * radius);
    QVERIFY(std::abs(values[1] - (mid + radius)) < 1e-9 * radius);
    // 2/lr = 2000 with lr = 0.001, below the largest eigenvalue (about 2092): GD starts beyond
    // its edge of stability.
    QCOMPARE(panel_->shownThresholds()[0].second, 2000.0);
    QVERIFY(mid + radius > 2000.0);
    QVERIFY2(summaryOf(*panel_).contains("2/lr = 2000 < λmax"), qPrintable(summaryOf(*panel_)));
    maybeShoot(*panel_, "spectrum_rosenbrock_exact");
  }

  void exactSpectrumShowsEveryEigenvalueOfATwoClusterQuadratic() {
    panel_->setScenario(gdScenario(spectrumQuadratic(50, 0.2), "", 1.6, 50));
    panel_->setRun(0, "GD", plots::runColor(2), 50);
    QVERIFY(analyseAt(*panel_, 20));
    const Vec expected = twoClusterEigenvalues(50, 0.2);
    const auto& values = panel_->lastReport()->eigenvalues;
    QCOMPARE(values.size(), expected.size());
    QVERIFY((values - expected).cwiseAbs().maxCoeff() < 1e-10);
    QCOMPARE(panel_->shownSpectrum().eigenvalues.size(), size_t(50));
    maybeShoot(*panel_, "spectrum_exact_two_clusters");
  }

  void lanczosShowsBothEnds() {
    panel_->setScenario(gdScenario(spectrumQuadratic(200, 0.2), "", 1.6, 10));
    panel_->setRun(0, "GD", plots::runColor(2), 10);
    auto* method = panel_->findChild<QComboBox*>("spectrumMethod");
    method->setCurrentIndex(2);
    QVERIFY(analyseAt(*panel_, 10));
    const Vec all = twoClusterEigenvalues(200, 0.2);
    const auto shown = sorted(panel_->shownSpectrum().eigenvalues);
    QCOMPARE(shown.size(), size_t(10));
    for (int i = 0; i < 5; ++i) {
      QVERIFY(std::abs(shown[size_t(i)] - all[i]) < 1e-8);
      QVERIFY(std::abs(shown[size_t(9 - i)] - all[199 - i]) < 1e-8);
    }
    QVERIFY2(summaryOf(*panel_).contains("Lanczos, 5 + 5 extremes"),
             qPrintable(summaryOf(*panel_)));
  }

  void beyondTheExactLimitAutoEstimatesTheDensity() {
    const int dim = 3000;
    const double mu = 0.01, L = 1.0, large = 0.3;
    panel_->setScenario(gdScenario(spectrumQuadratic(dim, large), "", 1.0, 10));
    panel_->setRun(0, "GD", plots::runColor(3), 10);
    QVERIFY(analyseAt(*panel_, 10));
    const auto& r = *panel_->lastReport();
    QCOMPARE(r.method, SpectrumMethod::Slq);
    QCOMPARE(r.dim, dim);
    const auto& grid = panel_->shownSpectrum().grid;
    const auto& density = panel_->shownSpectrum().density;
    QVERIFY(grid.size() > 100);
    QVERIFY(panel_->shownSpectrum().eigenvalues.empty());
    // Every peak of the density lies in [mu, L] (Ritz values never leave the spectrum's hull).
    double best = 0.0, at = 0.0;
    for (size_t i = 1; i + 1 < grid.size(); ++i) {
      if (density[i] > best) best = density[i], at = grid[i];
      if (density[i] > density[i - 1] && density[i] >= density[i + 1]) {
        QVERIFY2(grid[i] >= mu - 1e-9 && grid[i] <= L + 1e-9, qPrintable(QString::number(grid[i])));
      }
    }
    // The highest peak is the crowded small cluster [mu, 2 mu] (70% of the eigenvalues).
    QVERIFY2(at >= mu - r.sigma && at <= 2.0 * mu + r.sigma, qPrintable(QString::number(at)));
    // The large cluster [L/2, L] holds its share of the mass.
    double mass = 0.0;
    const double step = grid[1] - grid[0];
    for (size_t i = 0; i < grid.size(); ++i) {
      if (grid[i] > 0.25) mass += density[i] * step;
    }
    QVERIFY2(std::abs(mass - large) < 0.06, qPrintable(QString::number(mass)));
    // The trace n E[v' H v] against the exact sum of the eigenvalues.
    const double trace = twoClusterEigenvalues(dim, large).sum();
    QVERIFY(std::abs(dim * quadratureMoment(r.nodes, 1) - trace) < 0.05 * trace);
    QVERIFY2(summaryOf(*panel_).contains("trace ≈"), qPrintable(summaryOf(*panel_)));
    maybeShoot(*panel_, "spectrum_slq_density");

    // Exact is refused with the dimension named; the panel keeps working.
    auto* method = panel_->findChild<QComboBox*>("spectrumMethod");
    method->setCurrentIndex(1);
    QSignalSpy failed(panel_.get(), &SpectrumPanel::analysisFailed);
    panel_->analyse();
    QVERIFY(failed.wait(kTimeoutMs));
    const QString message = failed.first().first().toString();
    QVERIFY2(message.contains("3000") && message.contains("2000"), qPrintable(message));
    QVERIFY(summaryOf(*panel_).contains("3000"));
    QVERIFY(!panel_->findChild<QLabel*>("spectrumSummary")->styleSheet().isEmpty());
    QVERIFY(!panel_->busy());
    method->setCurrentIndex(0);
    QVERIFY(analyseAt(*panel_, 4));
    QCOMPARE(panel_->lastReport()->method, SpectrumMethod::Slq);
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(4));
  }

  void cancelStopsALongReplay() {
    // 5 * 10^7 GD steps to replay: seconds of work.
    panel_->setScenario(rotatedQuadratic(1e-9, 100000000, 0.0));
    panel_->setRun(0, "GD", plots::runColor(0), 100000000);
    panel_->setIteration(50000000);
    QSignalSpy failed(panel_.get(), &SpectrumPanel::analysisFailed);
    QSignalSpy finished(panel_.get(), &SpectrumPanel::analysisFinished);
    panel_->analyse();
    QVERIFY(panel_->busy());
    auto* cancel = panel_->findChild<QToolButton*>("spectrumCancel");
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 5000);
    QVERIFY(panel_->findChild<QProgressBar*>("spectrumProgress")->isVisible());
    maybeShoot(*panel_, "spectrum_busy");
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().toString(), QString("cancelled"));
    QVERIFY(!panel_->busy());
    QVERIFY(!cancel->isVisible());
    // The next request is served; the cancelled one never shows.
    QVERIFY(analyseAt(*panel_, 3));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(3));
  }

  void destroyingThePanelDuringAnAnalysisJoinsTheWorker() {
    auto panel = std::make_unique<SpectrumPanel>();
    panel->setScenario(rotatedQuadratic(1e-9, 100000000, 0.0));
    panel->setRun(0, "GD", plots::runColor(0), 100000000);
    panel->setIteration(60000000);
    panel->analyse();
    QVERIFY(panel->busy());
    panel.reset();  // cancels and joins: must return, not hang or crash
    QVERIFY(!panel);
  }

  void rapidRequestsShowOnlyTheNewest() {
    panel_->setScenario(rotatedQuadratic(0.05, 100));
    panel_->setRun(0, "GD", plots::runColor(0), 100);
    QSignalSpy finished(panel_.get(), &SpectrumPanel::analysisFinished);
    QSignalSpy failed(panel_.get(), &SpectrumPanel::analysisFailed);
    for (int64_t k : {7, 8, 9}) {
      panel_->setIteration(k);
      panel_->analyse();
    }
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(9));
    // One more request: had a superseded job been shown, it would have been counted by now.
    QVERIFY(analyseAt(*panel_, 11));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(11));
  }

  void analysesAutomaticallyOnlyWhileVisible() {
    // A run of up to 1000 iterations that has taken 100 so far.
    QSignalSpy finished(panel_.get(), &SpectrumPanel::analysisFinished);
    panel_->setScenario(rotatedQuadratic(0.05, 1000, 0.0));
    panel_->setRun(0, "GD", plots::runColor(0), 100);
    QVERIFY(finished.wait(kTimeoutMs));  // a new run is analysed at its final iterate
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(100));
    QVERIFY(panel_->findChild<QToolButton*>("spectrumFinal")->isChecked());

    panel_->hide();
    panel_->findChild<QSpinBox*>("spectrumIterationSpin")->setValue(30);
    QCOMPARE(panel_->findChild<QSlider*>("spectrumIteration")->value(), 30);
    QVERIFY(!finished.wait(600));  // hidden: nothing happens
    QCOMPARE(finished.count(), 1);
    panel_->show();
    QVERIFY(finished.wait(kTimeoutMs));  // shown with a stale result
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(30));

    // "Final" snaps to the end, and the slider then follows a growing run.
    QTest::mouseClick(panel_->findChild<QToolButton*>("spectrumFinal"), Qt::LeftButton);
    QCOMPARE(panel_->iteration(), int64_t(100));
    panel_->setRun(0, "GD", plots::runColor(0), 150);
    QCOMPARE(panel_->iteration(), int64_t(150));
    QVERIFY(finished.wait(kTimeoutMs));  // the click's analysis, at the newest end
    QCOMPARE(panel_->reportedIteration(), std::optional<int64_t>(150));
  }

  void changingTheObjectiveClearsTheChart() {
    panel_->setScenario(rotatedQuadratic(0.05, 100));
    panel_->setRun(0, "GD", plots::runColor(0), 100);
    QVERIFY(analyseAt(*panel_, 5));
    // Another learning rate: the same objective, the spectrum stays until the next analysis.
    panel_->setScenario(rotatedQuadratic(0.1, 100));
    QVERIFY(panel_->lastReport());
    QCOMPARE(panel_->shownSpectrum().eigenvalues.size(), size_t(2));
    panel_->setScenario(gdScenario(R"({"type": "rosenbrock"})", "[-1.5, 2]", 0.001, 100));
    QVERIFY(!panel_->lastReport());
    QVERIFY(panel_->shownSpectrum().eigenvalues.empty());
    QVERIFY(panel_->shownThresholds().empty());
  }

  void ctrlReturnAnalyses() {
    QSignalSpy finished(panel_.get(), &SpectrumPanel::analysisFinished);
    panel_->setScenario(rotatedQuadratic(0.05, 100));
    panel_->setRun(0, "GD", plots::runColor(0), 100);
    QVERIFY(finished.wait(kTimeoutMs));  // the automatic analysis of the new run
    panel_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(panel_.get()));
    auto* spin = panel_->findChild<QSpinBox*>("spectrumIterationSpin");
    spin->setFocus();
    QTest::keyClick(spin, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(panel_->busy());
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.count(), 2);
  }

  void controlsExplainThemselves() {
    QVERIFY(QString::fromStdString(panel_->shownSpectrum().title).contains("Analyse"));
    for (const char* name :
         {"spectrumMethod", "spectrumIteration", "spectrumIterationSpin", "spectrumFinal",
          "spectrumAnalyse", "spectrumProgress", "spectrumCancel", "spectrumSummary"}) {
      auto* widget = panel_->findChild<QWidget*>(name);
      QVERIFY2(widget, name);
      QVERIFY2(!widget->toolTip().isEmpty(), name);
    }
    auto* method = panel_->findChild<QComboBox*>("spectrumMethod");
    QCOMPARE(method->count(), 4);
    QCOMPARE(method->itemText(0), QString("Auto"));
    maybeShoot(*panel_, "spectrum_empty");
  }

 private:
  std::unique_ptr<SpectrumPanel> panel_;
};

int main(int argc, char** argv) {
  gradscape::gui::setDefaultSurfaceFormat();
  QApplication app(argc, argv);
  SpectrumPanelTest test;
  return QTest::qExec(&test, argc, argv);
}

#include "test_spectrum_panel.moc"
