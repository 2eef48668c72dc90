// The main window's curvature views: the analysis tabs beside the surface (convergence,
// sharpness), the local quadratic model on the contour map, and sharpness tracking.
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
#include "app/gui/tab_titles.h"
#include "core/analysis/slice_model.h"

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
  // At 1024 px the full titles do not fit beside the map: short ones rather than scroll arrows.
  new TabTitles(analysisTabs_,
                {tr("Convergence"), tr("Sharpness"), tr("Spectrum"), tr("Model"), tr("Update")},
                {tr("Loss"), tr("λmax"), tr("Spectrum"), tr("Model"), tr("Step")});
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
         "latest) drawn as the axes of the local quadratic model, with their eigenvalues. On a "
         "slice of an N-D problem: the model along the slice's two directions u, v (Hessian "
         "[u v]'H[u v]) at the latest iterate"));
  glyphAction_->setCheckable(true);
  stepsAction_ = view->addAction(tr("Gradient and &Newton steps"));
  stepsAction_->setShortcut(QKeySequence(Qt::Key_N));
  stepsAction_->setToolTip(
      tr("With the quadratic model: the gradient step -lr g and the Newton step -H⁻¹g side by "
         "side (on a slice: -lr g projected on it, and the Newton step of the slice's model). "
         "Steps too short to see are drawn longer, their label giving the true length"));
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
  if (!wanted) {
    landscape_->setCurvatureGlyph(std::nullopt);
    return;
  }
  const auto selected = selectedRow(hoveredIteration_);
  if (!selected || !objective_) {
    landscape_->setCurvatureGlyph(std::nullopt, tr("Quadratic model: no iterate yet, run first"));
    return;
  }
  const auto& view = views_[selected->first];
  size_t k = selected->second;
  Vec x;
  QString note;
  if (projection_) {
    // N-D runs keep their latest iterate only: the model is drawn there.
    const size_t run = selected->first;
    const RunSnapshot* snap = run < snapshot_.runs.size() ? &snapshot_.runs[run] : nullptr;
    if (!snap || !viewPlane_ || snap->point.size() != objective_->dim()) {
      landscape_->setCurvatureGlyph(
          std::nullopt, tr("No quadratic model: the iterates of a %1-dimensional run are not kept")
                            .arg(objective_->dim()));
      return;
    }
    x = snap->point;
    const bool latest = int64_t(k) + 1 == view.size();
    k = size_t(view.size() - 1);
    note = tr("Model along the slice at iteration %L1%2")
               .arg(qint64(view.iteration[k]))
               .arg(latest ? QString() : tr(",\nthe latest (earlier N-D iterates are not kept)"));
  } else {
    x = Vec{{view.x[k], view.y[k]}};
  }
  const double lr = k < view.lr.size() ? view.lr[k] : 0.0;
  const auto model = quadraticModel2(*objective_, x, lr, projection_ ? viewPlane_.get() : nullptr);
  if (!model) {
    landscape_->setCurvatureGlyph(
        std::nullopt, tr("No quadratic model: the gradient or Hessian is not finite here"));
    return;
  }
  plots::CurvatureGlyph glyph;
  glyph.center = model->center;
  glyph.eigenvalues = model->eigenvalues;
  glyph.axes = model->axes;
  if (projection_ && model->offPlane > 0.0) {
    note += tr(",\n%1 off the plane").arg(model->offPlane, 0, 'g', 2);
  }
  if (stepsAction_->isChecked()) {
    glyph.gradientStep = model->gradientStep;
    glyph.newtonStep = model->newtonStep;
    QStringList missing;
    if (!model->gradientStep) missing << tr("No gradient step: lr is 0");
    // Newton's step only where the model has a minimum (H positive definite).
    if (!model->newtonStep) {
      missing << tr("No Newton step: the model has no minimum (%1)")
                     .arg(QString::fromStdString(plots::eigenvalueLabel(model->eigenvalues[0])));
    }
    if (!note.isEmpty()) missing.prepend(note);
    note = missing.join('\n');
  }
  landscape_->setCurvatureGlyph(glyph, note);
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
