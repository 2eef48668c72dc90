#include "app/gui/view_export.h"

#include <QFileInfo>
#include <QImage>
#include <QObject>
#include <QWidget>

#include <string>

#include "app/gui/qimage_picture.h"
#include "app/gui/vtk_view.h"
#include "plots/export/picture.h"
#include "plots/export/picture_files.h"
#include "plots/export/vector_export.h"

namespace gradscape::gui {
namespace {

QString extensionOf(const QString& path) {
  return QFileInfo(path).suffix().toLower();
}

}  // namespace

QString viewExportFilter(bool chart) {
  QString filter = QObject::tr("PNG image (*.png);;PDF document (*.pdf)");
  if (chart) filter += QObject::tr(";;SVG drawing (*.svg)");
  return filter;
}

QString exportView(VtkView* view, const QString& path, const ViewExportOptions& options) {
  const QString ext = extensionOf(path);
  if (ext != "png" && ext != "pdf" && !(ext == "svg" && options.chart)) {
    return options.chart ? QObject::tr("%1: a view is written as .png, .svg or .pdf").arg(path)
                         : QObject::tr(
                               "%1: the map and the surface are written as .png or .pdf (SVG "
                               "cannot hold their landscape)")
                               .arg(path);
  }
  if (ext == "png" && !(options.scale >= 1.0 && options.scale <= 4.0)) {
    return QObject::tr("the scale must be between 1 and 4, got %1").arg(options.scale);
  }
  std::string error;
  const std::string file = path.toStdString();
  const bool drawn = view->withRenderWindow([&](vtkRenderWindow* window) {
    if (ext == "png") {
      const plots::Picture picture =
          plots::renderPicture(window, {options.scale, options.transparent}, &error);
      if (error.empty()) error = plots::writePng(picture, file);
      return;
    }
    plots::VectorOptions vector;
    vector.format = ext == "svg" ? plots::VectorFormat::Svg : plots::VectorFormat::Pdf;
    vector.rasterize3D = !options.chart;
    vector.title = QFileInfo(path).completeBaseName().toStdString();
    error = plots::writeVectorPicture(window, file, vector);
  });
  if (!drawn) return QObject::tr("%1: this view has no OpenGL context to draw with").arg(path);
  return QString::fromStdString(error);
}

QString exportWindow(QWidget* window, const QString& path) {
  if (extensionOf(path) != "png") return QObject::tr("%1: the window is written as .png").arg(path);
  const plots::Picture picture = pictureFromImage(window->grab().toImage());
  return QString::fromStdString(plots::writePng(picture, path.toStdString()));
}

}  // namespace gradscape::gui
