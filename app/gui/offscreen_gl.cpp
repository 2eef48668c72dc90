#include "app/gui/offscreen_gl.h"

#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>

#include <QObject>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QSurfaceFormat>

namespace gradscape::gui {

OffscreenGl::OffscreenGl() = default;

OffscreenGl::~OffscreenGl() {
  destroy();
}

bool OffscreenGl::create() {
  if (context_) return true;
  if (!error_.isEmpty()) return false;
  auto context = std::make_unique<QOpenGLContext>();
  context->setFormat(QSurfaceFormat::defaultFormat());
  auto surface = std::make_unique<QOffscreenSurface>();
  surface->setFormat(QSurfaceFormat::defaultFormat());
  surface->create();
  if (!surface->isValid() || !context->create() || !context->makeCurrent(surface.get())) {
    error_ = QObject::tr("No OpenGL context could be created for this view.");
    return false;
  }
  const auto version = context->format().version();
  if (version < qMakePair(3, 2)) {
    error_ = QObject::tr("This view needs OpenGL 3.2; the system offers %1.%2.")
                 .arg(version.first)
                 .arg(version.second);
    context->doneCurrent();
    return false;
  }
  surface_ = std::move(surface);
  context_ = std::move(context);
  return true;
}

bool OffscreenGl::isCurrent() const {
  return context_ && QOpenGLContext::currentContext() == context_.get() &&
         context_->surface() == surface_.get();
}

void OffscreenGl::makeCurrent() {
  if (context_ && !isCurrent()) context_->makeCurrent(surface_.get());
}

void OffscreenGl::destroy() {
  if (!context_) return;
  if (isCurrent()) context_->doneCurrent();
  context_.reset();
  surface_.reset();
}

bool OffscreenGl::readFrame(vtkOpenGLFramebufferObject* source, vtkOpenGLState* state,
                            QImage& image) {
  if (source == nullptr || !isCurrent()) return false;
  const int w = source->GetLastSize()[0], h = source->GetLastSize()[1];
  if (w < 1 || h < 1) return false;
  rows_.resize(static_cast<size_t>(w) * static_cast<size_t>(h));
  state->PushReadFramebufferBinding();
  source->Bind(GL_READ_FRAMEBUFFER);
  source->ActivateReadBuffer(0);
  QOpenGLFunctions* gl = context_->functions();
  gl->glPixelStorei(GL_PACK_ALIGNMENT, 4);
  // 0xAARRGGBB words, as QImage::Format_RGB32 stores them.
  gl->glReadPixels(0, 0, w, h, GL_BGRA, GL_UNSIGNED_INT_8_8_8_8_REV, rows_.data());
  state->PopReadFramebufferBinding();
  if (image.width() != w || image.height() != h || image.format() != QImage::Format_RGB32) {
    image = QImage(w, h, QImage::Format_RGB32);
  }
  for (int y = 0; y < h; ++y) {
    const uint32_t* from = rows_.data() + static_cast<size_t>(h - 1 - y) * static_cast<size_t>(w);
    auto* to = reinterpret_cast<uint32_t*>(image.scanLine(y));
    for (int x = 0; x < w; ++x) to[x] = from[x] | 0xff000000u;
  }
  return true;
}

}  // namespace gradscape::gui
