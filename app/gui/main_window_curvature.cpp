// The main window's curvature views: the analysis tabs beside the surface (convergence,
// sharpness), the local quadratic model on the contour map, and sharpness tracking.
#include <Eigen/Eigenvalues>
#include <QAction>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>
#include <algorithm>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/model_panel.h"
#include "app/gui/run_list_panel.h"
#include "app/gui/sharpness_panel.h"
#include "app/gui/spectrum_panel.h"

namespace gradscape::gui {

void MainWindow::buildAnalysisTabs() {
  sharpness_ = new SharpnessPanel(this);
  analysisTabs_ = new QTabWidget(this);
  analysisTabs_->setObjectName("analysisTabs");
  analysisTabs_->setDocumentMode(true);
  analysisTabs_->addTab(convergence_, tr("Convergence"));
  analysisTabs_->addTab(sharpness_, tr("Sharpness"));
  spectrum_ = new SpectrumPanel(this);
  analysisTabs_->addTab(spectrum_, tr("Spectrum"));
  model_ = new ModelPanel(this);
  analysisTabs_->addTab(model_, tr("Model"));
  analysisTabs_->setTabToolTip(0, tr("Loss, gap, gradient norm, step norm or learning rate "
                                     "against iteration (Ctrl+1)"));
  analysisTabs_->setTabToolTip(1, tr("Top Hessian eigenvalue against the stability threshold "
                                     "2/lr: the edge of stability (Ctrl+2)"));
  analysisTabs_->setTabToolTip(2, tr("The Hessian's eigenvalues (or their density) at any "
                                     "iterate of the selected run (Ctrl+3)"));
  analysisTabs_->setTabToolTip(3, tr("A classifier's decision regions over its inputs, with the "
                                     "training data, at the selected run's iterate (Ctrl+4)"));
  buildUpdateTab();
  landscape_->setSideWidget(analysisTabs_);
}

void MainWindow::connectAnalysisTabs() {
  connect(sharpness_, &SharpnessPanel::trackingIntervalChanged, this, &MainWindow::trackingEdited);
  connect(runList_, &RunListPanel::currentRowChanged, this, [this] {
    updateCurvatureGlyph();
    updateSpectrumRun();
    updateUpdateView();
  });
}

void MainWindow::buildCurvatureActions(QMenu* view) {
  view->addSeparator();
  buildSliceActions(view);
  glyphAction_ = view->addAction(tr("Local &quadratic model"));
  glyphAction_->setShortcut(QKeySequence(Qt::Key_C));
  glyphAction_->setToolTip(
      tr("The Hessian's eigenvectors at the selected run's iterate (the hovered one, or its "
         "latest) drawn as the axes of the local quadratic model, with their eigenvalues"));
  glyphAction_->setCheckable(true);
  stepsAction_ = view->addAction(tr("Gradient and &Newton steps"));
  stepsAction_->setShortcut(QKeySequence(Qt::Key_N));
  stepsAction_->setToolTip(
      tr("With the quadratic model: the gradient step -lr g and the Newton step -H⁻¹g side by "
         "side"));
  stepsAction_->setCheckable(true);
  for (QAction* a : {glyphAction_, stepsAction_}) {
    connect(a, &QAction::toggled, this, [this] { updateCurvatureGlyph(); });
  }
  view->addSeparator();
  const QString names[] = {tr("&Convergence panel"), tr("S&harpness panel"), tr("S&pectrum panel"),
                           tr("&Model panel"), tr("&Update panel")};
  for (int i = 0; i < 5; ++i) {
    auto* action = view->addAction(names[i]);
    action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    connect(action, &QAction::triggered, this, [this, i] { analysisTabs_->setCurrentIndex(i); });
  }
}

void MainWindow::updateCurvatureGlyph() {
  // The steps are read against the model's axes: either action shows the axes.
  const bool wanted = glyphAction_ && (glyphAction_->isChecked() || stepsAction_->isChecked());
  const auto selected = wanted ? selectedRow(hoveredIteration_) : std::nullopt;
  // On a slice of an N-D problem the iterate is off the plane: no honest 2-D model there.
  if (!selected || !objective_ || objective_->dim() != 2) {
    landscape_->setCurvatureGlyph(std::nullopt);
    return;
  }
  const auto& view = views_[selected->first];
  const size_t k = selected->second;
  const Vec x{{view.x[k], view.y[k]}};
  const Mat h = objective_->hessian(x);
  Vec g(2);
  objective_->gradient(x, g);
  if (!h.allFinite() || !g.allFinite()) {
    landscape_->setCurvatureGlyph(std::nullopt);
    return;
  }
  const Eigen::SelfAdjointEigenSolver<Mat> eig(h);
  plots::CurvatureGlyph glyph;
  glyph.center = {x[0], x[1]};
  for (int i = 0; i < 2; ++i) {
    glyph.eigenvalues[size_t(i)] = eig.eigenvalues()[i];
    glyph.axes[size_t(i)] = {eig.eigenvectors()(0, i), eig.eigenvectors()(1, i)};
  }
  if (stepsAction_->isChecked()) {
    const double lr = k < view.lr.size() ? view.lr[k] : 0.0;
    if (lr > 0.0) glyph.gradientStep = std::array<double, 2>{-lr * g[0], -lr * g[1]};
    // Newton's step only where the model has a minimum (H positive definite).
    if (eig.eigenvalues()[0] > 0.0) {
      const Vec step = -h.ldlt().solve(g);
      glyph.newtonStep = std::array<double, 2>{step[0], step[1]};
    }
  }
  landscape_->setCurvatureGlyph(glyph);
}

void MainWindow::updateSpectrumRun() {
  const int row = std::max(runList_->currentRow(), 0);
  if (row >= int(scenario_.runs.size())) return;
  const int64_t iterations =
      row < int(snapshot_.runs.size()) ? snapshot_.runs[size_t(row)].iterations : 0;
  const QString name = QString::fromStdString(scenario_.runs[size_t(row)].label);
  spectrum_->setRun(row, name, plots::runColor(row), iterations);
  if (row < int(snapshot_.runs.size()) && snapshot_.runs[size_t(row)].point.size() > 0) {
    model_->setParameters(snapshot_.runs[size_t(row)].point, name, iterations);
  }
}

void MainWindow::trackingEdited(int64_t every) {
  scenario_.curvature.every = every;
  for (auto& run : scenario_.runs) run.curvature.every = every;
  if (every > 0) analysisTabs_->setCurrentWidget(sharpness_);
  markModified(true);
  restartRuns();
}

}  // namespace gradscape::gui
