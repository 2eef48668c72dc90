#pragma once
// The OpenGL context a VtkView renders with, on an offscreen surface of its own, and the
// read-back of VTK's finished frames into images the widget paints.
#include <QImage>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

class QOffscreenSurface;
class QOpenGLContext;
class vtkOpenGLFramebufferObject;
class vtkOpenGLState;

namespace gradscape::gui {

class OffscreenGl {
 public:
  OffscreenGl();
  ~OffscreenGl();
  OffscreenGl(const OffscreenGl&) = delete;
  OffscreenGl& operator=(const OffscreenGl&) = delete;

  // Creates the context (Qt's default surface format) and makes it current. False, with
  // error() saying why, when the platform offers no OpenGL 3.2 context; not retried after.
  bool create();
  bool valid() const { return context_ != nullptr; }
  const QString& error() const { return error_; }
  bool isCurrent() const;
  void makeCurrent();
  // Releases the context and its surface (make VTK let go of its resources first).
  void destroy();

  // Copies the first colour attachment of `source` (current context) into `image`:
  // Format_RGB32, top row first, opaque (VTK leaves the background's alpha at 0). False when
  // there is nothing to read.
  bool readFrame(vtkOpenGLFramebufferObject* source, vtkOpenGLState* state, QImage& image);

 private:
  std::unique_ptr<QOffscreenSurface> surface_;
  std::unique_ptr<QOpenGLContext> context_;
  QString error_;
  std::vector<uint32_t> rows_;  // bottom row first, as GL reads them
};

}  // namespace gradscape::gui
