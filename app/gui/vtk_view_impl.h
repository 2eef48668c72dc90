#pragma once
// What VtkView's two files share: its state (vtk_view.cpp makes VTK's context, renders and
// shows the frames; vtk_view_input.cpp hands Qt's mouse, wheel and key events to VTK).
// Internal to app/gui/: include it from those two files only.
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkNew.h>

#include <QImage>
#include <QPointF>
#include <QSize>

#include <cmath>
#include <utility>
#include <vector>

#include "app/gui/offscreen_gl.h"
#include "app/gui/vtk_timer_bridge.h"
#include "app/gui/vtk_view.h"

class QKeyEvent;
class QMouseEvent;

namespace gradscape::gui {

struct VtkView::Impl {
  explicit Impl(VtkView* view) : self(view) {}

  VtkView* self;
  vtkNew<vtkGenericOpenGLRenderWindow> window;
  vtkNew<vtkGenericRenderWindowInteractor> interactor;
  std::vector<std::pair<vtkObject*, unsigned long>> observers;
  OffscreenGl gl;  // VTK's context: created at the first paint, gone in finalize()
  QImage frame;    // the latest frame, top row first, device pixels
  QImage picture;  // when set, painted instead of the frame (setPaintedPicture)
  VtkTimerBridge timers{self, interactor};  // VTK's interactor timers on QTimers
  bool forwardLeft = true;
  bool leftCaptured = false;  // a left press went to the signals, not to VTK
  bool renderDue = true;      // the next paint must render (not only show the latest frame)
  bool inPaint = false;
  bool exporting = false;  // frames drawn for a picture are not the view's
  QPointF rightPressAt;    // where the right button went down (logical pixels)
  int wheelDelta = 0;      // accumulated angleDelta().y(), in eighths of a degree
  double contentScale = 1.0;
  int dpi() const {
    return static_cast<int>(std::lround(72.0 * self->devicePixelRatioF() * contentScale));
  }

  bool ready() const { return gl.valid(); }
  bool isCurrent() const { return gl.isCurrent(); }
  void makeCurrent() { gl.makeCurrent(); }
  QSize deviceSize() const;

  // Rendering (vtk_view.cpp).
  void onWindowEvent(vtkObject*, unsigned long event, void* callData);
  // Creates VTK's context on first use and sets VTK up in it; false when there is none.
  bool ensureContext();
  // Frees VTK's graphics resources while the context still exists, then the context.
  void finalize();
  // Renders at the widget's size in device pixels; the frame arrives through WindowFrameEvent.
  void render();
  // Renders when asked to or when the latest frame has another size than the widget.
  void renderIfDue();
  // Copies VTK's finished frame (its display framebuffer) into `frame`.
  void readBack();

  // Input (vtk_view_input.cpp).
  QPointF display(QPointF logical) const;
  void setEventInformation(QPointF displayPos, Qt::KeyboardModifiers mods, int repeat = 0);
  void invoke(unsigned long event);
  // VTK's event for pressing or releasing a button; NoEvent for buttons VTK has none for.
  static unsigned long buttonEvent(Qt::MouseButton button, bool press);
  void forwardButton(const QMouseEvent* event, QPointF pos, bool press, int repeat = 0);
  // A press, or with repeat 1 the second press of a double click: the left button goes to the
  // signals unless it is forwarded, the others to VTK.
  void pressButton(const QMouseEvent* event, int repeat);
  void forwardKey(const QKeyEvent* event, bool press);
};

}  // namespace gradscape::gui
