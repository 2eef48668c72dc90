#include "app/gui/view_export.h"

#include <vtkRenderWindow.h>

#include <QFileInfo>
#include <QImage>
#include <QObject>
#include <QWidget>

#include <string>
#include <vector>

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

// A picture as a Qt image that paints `ratio` of its pixels per device-independent pixel.
QImage imageOf(const plots::Picture& picture, double ratio) {
  QImage image(picture.rgba.data(), picture.width, picture.height,
               static_cast<qsizetype>(picture.width) * 4, QImage::Format_RGBA8888);
  QImage copy = image.copy();  // owns its pixels beyond the picture's life
  copy.setDevicePixelRatio(ratio);
  return copy;
}

// The window painted anew at `scale` (see exportWindow): each view shown renders a picture at
// the scale, which it paints in place of its frame while Qt paints the window into an image of
// the scale's pixel density. Returns a null image with `error` set when a view cannot.
QImage paintWindowAt(QWidget* window, int scale, std::string& error) {
  const double ratio = window->devicePixelRatioF() * scale;
  std::vector<VtkView*> shown;
  for (VtkView* view : window->findChildren<VtkView*>()) {
    if (!view->isVisibleTo(window) || view->size().isEmpty()) continue;
    plots::Picture picture;
    view->withRenderWindow([&](vtkRenderWindow* w) {
      picture = plots::renderPicture(w, {static_cast<double>(scale), false}, &error);
    });
    if (!error.empty()) break;
    if (picture.empty()) continue;  // no GL context: its latest frame (if any) is painted
    view->setPaintedPicture(imageOf(picture, ratio));
    shown.push_back(view);
  }
  QImage image;
  if (error.empty()) {
    image = QImage((QSizeF(window->size()) * ratio).toSize(), QImage::Format_RGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(window->palette().window().color());
    window->render(&image);
  }
  for (VtkView* view : shown) view->setPaintedPicture({});
  return image;
}

}  // namespace

QString pictureSizeProblem(QSize size) {
  if (size.width() >= kMinPictureSide && size.height() >= kMinPictureSide &&
      size.width() <= plots::kMaxPictureSide && size.height() <= plots::kMaxPictureSide) {
    return {};
  }
  return QObject::tr("a picture of %1 x %2 pixels cannot be made: each side must be %3 to %4")
      .arg(size.width())
      .arg(size.height())
      .arg(kMinPictureSide)
      .arg(plots::kMaxPictureSide);
}

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
  if (ext == "png" && options.size) {
    if (const QString problem = pictureSizeProblem(*options.size); !problem.isEmpty()) {
      return QStringLiteral("%1: %2").arg(path, problem);
    }
  } else if (ext == "png" && !(options.scale >= 1.0 && options.scale <= 4.0)) {
    return QObject::tr("the scale must be between 1 and 4, got %1").arg(options.scale);
  }
  std::string error;
  const std::string file = path.toStdString();
  const bool drawn = view->withRenderWindow([&](vtkRenderWindow* window) {
    if (ext == "png") {
      plots::PictureOptions picturing{options.scale, options.transparent};
      if (options.size) {
        picturing.width = options.size->width();
        picturing.height = options.size->height();
        picturing.scale = plots::pictureTextScale(window->GetSize()[0], window->GetSize()[1],
                                                  picturing.width, picturing.height);
      }
      const plots::Picture picture = plots::renderPicture(window, picturing, &error);
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

QString exportWindow(QWidget* window, const QString& path, int scale) {
  if (extensionOf(path) != "png") return QObject::tr("%1: the window is written as .png").arg(path);
  if (scale < 1 || scale > 4) {
    return QObject::tr("%1: the window's scale must be 1, 2, 3 or 4, got %2").arg(path).arg(scale);
  }
  const QSize pixels = (QSizeF(window->size()) * window->devicePixelRatioF() * scale).toSize();
  if (pixels.width() > plots::kMaxPictureSide || pixels.height() > plots::kMaxPictureSide) {
    return QObject::tr("%1: the window at %2x would be %3 x %4 pixels, more than %5 a side")
        .arg(path)
        .arg(scale)
        .arg(pixels.width())
        .arg(pixels.height())
        .arg(plots::kMaxPictureSide);
  }
  std::string error;
  const QImage image = scale == 1 ? window->grab().toImage() : paintWindowAt(window, scale, error);
  if (!error.empty()) return QStringLiteral("%1: %2").arg(path, QString::fromStdString(error));
  return QString::fromStdString(plots::writePng(pictureFromImage(image), path.toStdString()));
}

}  // namespace gradscape::gui
