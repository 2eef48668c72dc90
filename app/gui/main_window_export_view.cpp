// The main window's picture exports: File > Export view... (the map, the surface or the chart
// tab shown; Ctrl+E), File > Export window..., and a right click on any view (one that does not
// drag) offering both for that view. The pictures come from app/gui/view_export.h; a failure
// says why in the banner and leaves nothing behind.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <array>
#include <vector>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/model_panel.h"
#include "app/gui/sharpness_panel.h"
#include "app/gui/spectrum_panel.h"
#include "app/gui/view_export.h"
#include "app/gui/vtk_view.h"

namespace gradscape::gui {

namespace {

constexpr int kShownMs = 5000;  // how long the status bar says where an export went

}  // namespace

std::vector<MainWindow::ExportableView> MainWindow::exportableViews() const {
  std::vector<ExportableView> views;
  views.push_back({tr("Contour map"), "map", landscape_->contourView(), false});
  views.push_back({tr("Surface"), "surface", landscape_->surfaceView(), false});
  const std::array<ExportableView, 4> charts{
      {{tr("Convergence"), "convergence", convergence_->view(), true},
       {tr("Sharpness"), "sharpness", sharpness_->view(), true},
       {tr("Spectrum"), "spectrum", spectrum_->view(), true},
       {tr("Model"), "model", model_->view(), true}}};
  for (const ExportableView& chart : charts) views.push_back(chart);
  return views;
}

void MainWindow::buildViewExportActions(QMenu* file) {
  auto* view = file->addAction(tr("Export &view..."));
  view->setObjectName("exportView");
  view->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  view->setStatusTip(tr("A picture of one view: PNG at 1x to 4x, PDF; charts also SVG"));
  view->setToolTip(view->statusTip());
  connect(view, &QAction::triggered, this, [this] { exportViewDialog(nullptr); });
  auto* window = file->addAction(tr("Export &window..."));
  window->setObjectName("exportWindow");
  window->setStatusTip(tr("A picture of the whole window as it is on screen (PNG)"));
  connect(window, &QAction::triggered, this, &MainWindow::exportWindowDialog);
  for (const ExportableView& v : exportableViews()) {
    VtkView* target = v.view;
    connect(target, &VtkView::contextMenuWanted, this, [this, target](QPoint at) {
      QMenu menu(this);
      connect(menu.addAction(tr("Export this view...")), &QAction::triggered, this,
              [this, target] { exportViewDialog(target); });
      connect(menu.addAction(tr("Export window...")), &QAction::triggered, this,
              &MainWindow::exportWindowDialog);
      menu.exec(at);
    });
  }
}

void MainWindow::exportViewDialog(VtkView* preset) {
  const auto views = exportableViews();
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Export view"));
  auto* form = new QFormLayout(&dialog);
  auto* which = new QComboBox(&dialog);
  which->setObjectName("exportViewChoice");
  int chosen = 0;
  // The view asked for (a context menu's), else the map.
  for (size_t i = 0; i < views.size(); ++i) {
    which->addItem(views[i].title);
    if (views[i].view == preset) chosen = static_cast<int>(i);
  }
  which->setCurrentIndex(chosen);
  which->setToolTip(tr("The view to export, as it is on screen (runs, colours, zoom, theme)"));
  form->addRow(tr("&View:"), which);
  auto* scale = new QDoubleSpinBox(&dialog);
  scale->setObjectName("exportViewScale");
  scale->setRange(1.0, 4.0);
  scale->setSingleStep(0.5);
  scale->setValue(exportScale_);
  scale->setSuffix(QStringLiteral(" x"));
  scale->setToolTip(
      tr("PNG: the picture is this many times the view's size in pixels; text, "
         "lines and markers grow with it"));
  form->addRow(tr("&Scale (PNG):"), scale);
  auto* transparent = new QCheckBox(tr("&Transparent background (PNG)"), &dialog);
  transparent->setChecked(exportTransparent_);
  form->addRow(transparent);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose &file..."));
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  form->addRow(buttons);
  if (dialog.exec() != QDialog::Accepted) return;
  exportScale_ = scale->value();
  exportTransparent_ = transparent->isChecked();
  const ExportableView& view = views[static_cast<size_t>(which->currentIndex())];
  const QString folder =
      exportFolder_.isEmpty()
          ? (filePath_.isEmpty() ? QDir::currentPath() : QFileInfo(filePath_).absolutePath())
          : exportFolder_;
  const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(view.title),
                                                    folder + "/" + view.fileStem + ".png",
                                                    viewExportFilter(view.chart));
  if (path.isEmpty()) return;
  exportFolder_ = QFileInfo(path).absolutePath();
  exportViewTo(view.view, path, {exportScale_, exportTransparent_, view.chart});
}

bool MainWindow::exportViewTo(VtkView* view, const QString& path,
                              const ViewExportOptions& options) {
  const QString error = exportView(view, QFileInfo(path).absoluteFilePath(), options);
  if (!error.isEmpty()) return exportFailed(tr("the view"), error.toStdString());
  statusBar()->showMessage(tr("Exported the view to %1").arg(path), kShownMs);
  return true;
}

void MainWindow::exportWindowDialog() {
  const QString folder = exportFolder_.isEmpty() ? QDir::currentPath() : exportFolder_;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export window"), folder + "/gradscape-window.png", tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  exportFolder_ = QFileInfo(path).absolutePath();
  exportWindowTo(path);
}

bool MainWindow::exportWindowTo(const QString& path) {
  const QString error = exportWindow(this, QFileInfo(path).absoluteFilePath());
  if (!error.isEmpty()) return exportFailed(tr("the window"), error.toStdString());
  statusBar()->showMessage(tr("Exported the window to %1").arg(path), kShownMs);
  return true;
}

}  // namespace gradscape::gui
