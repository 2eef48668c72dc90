#include "app/gui/animation_export.h"

#include <vtkCamera.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <QOpenGLContext>
#include <QPainter>
#include <QThread>
#include <QTimer>
#include <QWidget>
#include <algorithm>
#include <cmath>

#include "app/gui/landscape_panel.h"
#include "app/gui/qimage_picture.h"
#include "app/gui/vtk_view.h"
#include "plots/contour_scene.h"
#include "plots/export/animation.h"
#include "plots/export/offscreen_window.h"
#include "plots/surface_scene.h"

namespace gradscape::gui {
namespace {

// The window scaled to fit the frame, centred on the window's own background colour.
plots::Picture fitIntoFrame(const QImage& shot, int width, int height, const QColor& background) {
  QImage frame(width, height, QImage::Format_RGBA8888);
  frame.fill(background);
  {
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QImage scaled = shot.scaled(width, height, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawImage((width - scaled.width()) / 2, (height - scaled.height()) / 2, scaled);
  }
  return pictureFromImage(frame);
}

}  // namespace

struct AnimationExport::Impl {
  Source source;
  AnimationRequest request;
  plots::AnimationWriter writer;
  int frames = 0;
  int rendered = 0;
  bool running = false;
  bool cancelled = false;
  QTimer next;
  // Map and surface: a scene of their own in an offscreen window of the video's size.
  std::unique_ptr<plots::OffscreenWindow> offscreen;
  std::unique_ptr<plots::LandscapeScene> scene;
  double orbitStep = 0.0;  // degrees of azimuth per frame
  QThread* finisher = nullptr;

  void buildScene() {
    const bool map = request.view == AnimationRequest::View::Map;
    VtkView* view = map ? source.panel->contourView() : source.panel->surfaceView();
    plots::ContourScene* contour = nullptr;  // the map's scene, owned by `scene`
    if (map) {
      auto owned = std::make_unique<plots::ContourScene>();
      owned->setLegendVisible(true);
      contour = owned.get();
      scene = std::move(owned);
    } else {
      auto surface = std::make_unique<plots::SurfaceScene>();
      surface->setLegendVisible(true);  // alone in the frame: its own legend and colour bar
      surface->setColorBarVisible(true);
      scene = std::move(surface);
    }
    offscreen = std::make_unique<plots::OffscreenWindow>(request.width, request.height);
    offscreen->addRenderer(scene->renderer());
    // Text and lines in proportion to the frame as they are to the view: the view's DPI times
    // how much taller the frame is (at least the 72 dpi of a plain view).
    const double viewHeight = std::max(1.0, view->height() * view->devicePixelRatioF());
    const double dpi = 72.0 * view->devicePixelRatioF() * request.height / viewHeight;
    offscreen->window()->SetDPI(static_cast<int>(std::lround(std::clamp(dpi, 72.0, 288.0))));
    scene->setLandscape(source.panel->landscape());
    scene->setStartPoint(source.start[0], source.start[1]);
    scene->setAntialiasing(true);  // frames that stay: smoothed like the view at rest
    if (map) {
      // The part of the landscape the map shows (the user's zoom), fitted into the frame.
      contour->setZoomBox(source.panel->mapZoomBox());
    } else {
      // The surface as the user turned it.
      scene->renderer()->GetActiveCamera()->DeepCopy(
          source.panel->surfaceScene().renderer()->GetActiveCamera());
      scene->renderer()->ResetCameraClippingRange();
      if (request.orbit) orbitStep = 360.0 / std::max(1, frames);
    }
  }

  plots::Picture renderFrame(int frame) {
    const double iteration = double(plots::frameIteration(frame, frames, request.lastIteration));
    const auto runs = plots::runsUpTo(source.runs, iteration);
    if (request.view == AnimationRequest::View::Window) {
      source.showRuns(runs);
      const QImage shot = source.window->grab().toImage();
      return fitIntoFrame(shot, request.width, request.height,
                          source.window->palette().color(QPalette::Window));
    }
    scene->setRuns(runs);
    if (frame > 0 && orbitStep != 0.0) {
      scene->renderer()->GetActiveCamera()->Azimuth(orbitStep);
      scene->renderer()->ResetCameraClippingRange();
    }
    plots::Picture picture = plots::renderPicture(offscreen->window(), {});
    // The native offscreen window switched GL contexts behind Qt's back (PLATFORM.md).
    if (QOpenGLContext* current = QOpenGLContext::currentContext()) current->doneCurrent();
    return picture;
  }
};

AnimationExport::AnimationExport(Source source, AnimationRequest request, QObject* parent)
    : QObject(parent), impl_(std::make_unique<Impl>()) {
  impl_->source = std::move(source);
  impl_->request = std::move(request);
  impl_->frames = plots::frameCount(impl_->request.seconds, impl_->request.fps);
  impl_->next.setSingleShot(true);
  connect(&impl_->next, &QTimer::timeout, this, &AnimationExport::renderNext);
}

AnimationExport::~AnimationExport() {
  impl_->writer.cancel();  // a finisher waiting for ffmpeg returns at once
  if (impl_->finisher != nullptr) {
    impl_->finisher->wait();
    delete impl_->finisher;
  }
  if (impl_->request.view == AnimationRequest::View::Window && impl_->rendered > 0) {
    impl_->source.showRuns(impl_->source.runs);
  }
}

int AnimationExport::frames() const {
  return impl_->frames;
}

int AnimationExport::framesRendered() const {
  return impl_->rendered;
}

bool AnimationExport::running() const {
  return impl_->running;
}

bool AnimationExport::start() {
  auto& d = *impl_;
  const auto format = plots::videoFormatForPath(d.request.path.toStdString());
  if (!format) {
    error_ =
        tr("Cannot export %1: the file name must end in .mp4, .webm or .gif").arg(d.request.path);
    return false;
  }
  plots::VideoOptions options;
  options.format = *format;
  options.width = d.request.width;
  options.height = d.request.height;
  options.fps = d.request.fps;
  if (const std::string why = d.writer.start(d.request.path.toStdString(), options); !why.empty()) {
    error_ = QString::fromStdString(why);
    return false;
  }
  if (d.request.view != AnimationRequest::View::Window) {
    d.buildScene();
    // The first offscreen window opened the display with a GL context of its own.
    if (QOpenGLContext* current = QOpenGLContext::currentContext()) current->doneCurrent();
  }
  d.running = true;
  d.next.start(0);
  return true;
}

void AnimationExport::renderNext() {
  auto& d = *impl_;
  if (!d.running) return;
  if (!d.writer.hasRoom()) {  // ffmpeg is behind: let the event loop run, then look again
    d.next.start(5);
    return;
  }
  if (const std::string why = d.writer.addFrame(d.renderFrame(d.rendered)); !why.empty()) {
    end(QString::fromStdString(why));
    return;
  }
  ++d.rendered;
  emit progressed(d.rendered, d.frames);
  if (d.rendered < d.frames) {
    d.next.start(0);
    return;
  }
  // The last frames are still encoding and ffmpeg ends the file (MP4: moves its index to the
  // front): wait for that off the GUI thread.
  if (d.request.view == AnimationRequest::View::Window) d.source.showRuns(d.source.runs);
  auto result = std::make_shared<std::string>();
  d.finisher = QThread::create([this, result] { *result = impl_->writer.finish(); });
  connect(d.finisher, &QThread::finished, this, [this, result] {
    impl_->finisher->deleteLater();
    impl_->finisher = nullptr;
    end(QString::fromStdString(*result));
  });
  d.finisher->start();
}

void AnimationExport::cancel() {
  auto& d = *impl_;
  if (!d.running) return;
  d.cancelled = true;
  d.next.stop();
  d.writer.cancel();  // kills ffmpeg: a finisher waiting on it returns at once
  if (d.finisher == nullptr) end(QStringLiteral("cancelled"));
}

void AnimationExport::end(const QString& message) {
  auto& d = *impl_;
  if (!d.running) return;
  d.running = false;
  d.next.stop();
  if (!message.isEmpty()) d.writer.cancel();
  if (d.request.view == AnimationRequest::View::Window && d.rendered > 0) {
    d.source.showRuns(d.source.runs);
  }
  d.offscreen.reset();
  d.scene.reset();
  if (QOpenGLContext* current = QOpenGLContext::currentContext()) current->doneCurrent();
  error_ = d.cancelled ? QStringLiteral("cancelled") : message;
  emit finished(error_);
}

}  // namespace gradscape::gui
