// The main window's picture exports: File > Export view... (the map, the surface or the chart
// tab shown; Ctrl+E), File > Export window..., and a right click on any view (one that does not
// drag) offering both for that view. The pictures come from app/gui/view_export.h; a failure
// says why in the banner and leaves nothing behind.
#include <QAction>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>
#include <array>
#include <utility>
#include <vector>

#include "app/gui/convergence_panel.h"
#include "app/gui/landscape_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/message_banner.h"
#include "app/gui/model_panel.h"
#include "app/gui/sharpness_panel.h"
#include "app/gui/spectrum_panel.h"
#include "app/gui/view_export.h"
#include "app/gui/view_export_dialog.h"
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
  view->setStatusTip(
      tr("A picture of one view: PNG at 1x to 4x or at a size in pixels, PDF; charts also SVG"));
  view->setToolTip(view->statusTip());
  connect(view, &QAction::triggered, this, [this] { exportViewDialog(nullptr); });
  auto* window = file->addAction(tr("Export &window..."));
  window->setObjectName("exportWindow");
  window->setStatusTip(tr("A picture of the whole window as it is on screen: PNG at 1x to 4x"));
  window->setToolTip(window->statusTip());
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
  std::vector<ViewExportDialog::View> offered;
  int chosen = 0;  // the view asked for (a context menu's), else the map
  for (size_t i = 0; i < views.size(); ++i) {
    const QSize pixels =
        (QSizeF(views[i].view->size()) * views[i].view->devicePixelRatioF()).toSize();
    offered.push_back({views[i].title, pixels});
    if (views[i].view == preset) chosen = static_cast<int>(i);
  }
  ViewExportDialog dialog(std::move(offered), chosen, exportOptions_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  exportOptions_ = dialog.options();
  const ExportableView& view = views[static_cast<size_t>(dialog.viewIndex())];
  const QString folder =
      exportFolder_.isEmpty()
          ? (filePath_.isEmpty() ? QDir::currentPath() : QFileInfo(filePath_).absolutePath())
          : exportFolder_;
  const QString path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(view.title),
                                                    folder + "/" + view.fileStem + ".png",
                                                    viewExportFilter(view.chart));
  if (path.isEmpty()) return;
  exportFolder_ = QFileInfo(path).absolutePath();
  ViewExportOptions options = exportOptions_;
  options.chart = view.chart;
  exportViewTo(view.view, path, options);
}

bool MainWindow::exportViewTo(VtkView* view, const QString& path,
                              const ViewExportOptions& options) {
  const QString error = exportView(view, QFileInfo(path).absoluteFilePath(), options);
  if (!error.isEmpty()) return exportFailed(tr("the view"), error.toStdString());
  statusBar()->showMessage(tr("Exported the view to %1").arg(path), kShownMs);
  return true;
}

void MainWindow::exportWindowDialog() {
  WindowExportDialog dialog((QSizeF(size()) * devicePixelRatioF()).toSize(), exportWindowScale_,
                            this);
  if (dialog.exec() != QDialog::Accepted) return;
  exportWindowScale_ = dialog.scale();
  const QString folder = exportFolder_.isEmpty() ? QDir::currentPath() : exportFolder_;
  const QString path = QFileDialog::getSaveFileName(
      this, tr("Export window"), folder + "/gradscape-window.png", tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  exportFolder_ = QFileInfo(path).absolutePath();
  exportWindowTo(path, exportWindowScale_);
}

bool MainWindow::exportWindowTo(const QString& path, int scale) {
  const QString error = exportWindow(this, QFileInfo(path).absoluteFilePath(), scale);
  if (!error.isEmpty()) return exportFailed(tr("the window"), error.toStdString());
  statusBar()->showMessage(tr("Exported the window to %1").arg(path), kShownMs);
  return true;
}

}  // namespace gradscape::gui
