#include "app/gui/vtk_view.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorObserver.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <qopengl.h>
#include <QEnterEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScreen>
#include <QWheelEvent>

#include <cmath>
#include <utility>
#include <vector>

#include "app/gui/offscreen_gl.h"
#include "app/gui/vtk_key_syms.h"
#include "app/gui/vtk_timer_bridge.h"

namespace gradscape::gui {
namespace {

// VTK's pixel rows count from the bottom: row r of an h-row window seen from the top is
// h - 1 - r (vtkRenderWindowInteractor::SetEventInformationFlipY uses the same formula).
QPointF toDisplay(QPointF logical, double dpr, int deviceHeight) {
  return {logical.x() * dpr, deviceHeight - 1 - logical.y() * dpr};
}

int toPixel(double v) {
  return static_cast<int>(std::floor(v + 1e-6));
}

}  // namespace

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

  QSize deviceSize() const {
    const double dpr = self->devicePixelRatioF();
    return {static_cast<int>(std::lround(self->width() * dpr)),
            static_cast<int>(std::lround(self->height() * dpr))};
  }

  void onWindowEvent(vtkObject*, unsigned long event, void* callData) {
    switch (event) {
      case vtkCommand::WindowMakeCurrentEvent:
        makeCurrent();
        break;
      case vtkCommand::WindowIsCurrentEvent:
        *static_cast<bool*>(callData) = isCurrent();
        break;
      case vtkCommand::WindowFrameEvent:
        // A render into the back buffer only (image capture) is not a frame. A frame rendered
        // outside paintEvent (an interactor style rendering on its own, a VTK timer) is shown
        // by the next paint.
        if (exporting || (window->GetDoubleBuffer() && !window->GetSwapBuffers())) break;
        readBack();
        if (!inPaint) {
          renderDue = false;
          self->update();
        }
        break;
      default:
        break;
    }
  }

  // Creates VTK's context on first use and sets VTK up in it; false when there is none.
  bool ensureContext() {
    if (gl.valid()) return true;
    if (!gl.create()) return false;
    window->SetOwnContext(0);
    window->SetForceMaximumHardwareLineWidth(1);
    window->SetReadyForRendering(true);
    window->OpenGLInitContext();
    // VTK draws coincident geometry (a marker's fill over its outline, labels on their boxes)
    // with GL_LEQUAL, which the contexts it creates itself start with; this one is Qt's, and
    // its GL_LESS default would drop the second of two fragments at equal depth.
    // (Reset first: VTK's state cache believes it set GL_LEQUAL already and would skip the call.)
    window->GetState()->Reset();
    window->GetState()->vtkglDepthFunc(GL_LEQUAL);
    return true;
  }

  // Frees VTK's graphics resources while the context still exists, then the context.
  void finalize() {
    if (!ready()) return;
    makeCurrent();
    window->Finalize();
    window->SetReadyForRendering(false);
    gl.destroy();
  }

  // Renders at the widget's size in device pixels; the frame arrives through WindowFrameEvent.
  void render() {
    if (!ensureContext()) return;
    makeCurrent();
    const QSize size = deviceSize();
    const int* now = window->GetSize();
    if (now[0] != size.width() || now[1] != size.height() || window->GetDPI() != dpi()) {
      interactor->UpdateSize(size.width(), size.height());  // also sizes the render window
      if (const QScreen* s = self->screen()) {
        const QSize screenSize = s->size() * self->devicePixelRatioF();
        window->SetScreenSize(screenSize.width(), screenSize.height());
      }
      // Text is sized in points at 72 dpi; scale it with the device pixel ratio (HiDPI) and the
      // content scale (presentation mode).
      window->SetDPI(dpi());
    }
    interactor->Render();
  }

  // Renders when asked to or when the latest frame has another size than the widget.
  void renderIfDue() {
    if (!renderDue && frame.size() == deviceSize()) return;
    renderDue = false;
    inPaint = true;
    render();
    inPaint = false;
  }

  // Copies VTK's finished frame (its display framebuffer) into `frame`.
  void readBack() {
    makeCurrent();
    if (gl.readFrame(window->GetDisplayFramebuffer(), window->GetState(), frame)) {
      frame.setDevicePixelRatio(self->devicePixelRatioF());
    }
  }

  QPointF display(QPointF logical) const {
    return toDisplay(logical, self->devicePixelRatioF(), deviceSize().height());
  }

  void setEventInformation(QPointF displayPos, Qt::KeyboardModifiers mods, int repeat = 0) {
    interactor->SetEventInformation(toPixel(displayPos.x()), toPixel(displayPos.y()),
                                    mods.testFlag(Qt::ControlModifier) ? 1 : 0,
                                    mods.testFlag(Qt::ShiftModifier) ? 1 : 0, 0, repeat);
    interactor->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
  }

  void invoke(unsigned long event) {
    if (interactor->GetEnabled()) interactor->InvokeEvent(event, nullptr);
  }

  // VTK's event for pressing or releasing a button; NoEvent for buttons VTK has none for.
  static unsigned long buttonEvent(Qt::MouseButton button, bool press) {
    switch (button) {
      case Qt::LeftButton:
        return press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
      case Qt::MiddleButton:
        return press ? vtkCommand::MiddleButtonPressEvent : vtkCommand::MiddleButtonReleaseEvent;
      case Qt::RightButton:
        return press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
      default:
        return vtkCommand::NoEvent;
    }
  }

  void forwardButton(const QMouseEvent* event, QPointF pos, bool press, int repeat = 0) {
    const unsigned long vtkEvent = buttonEvent(event->button(), press);
    if (vtkEvent == vtkCommand::NoEvent) return;
    setEventInformation(pos, event->modifiers(), repeat);
    invoke(vtkEvent);
  }

  // A press, or with repeat 1 the second press of a double click: the left button goes to the
  // signals unless it is forwarded, the others to VTK.
  void pressButton(const QMouseEvent* event, int repeat) {
    const QPointF pos = display(event->position());
    if (event->button() == Qt::LeftButton && !forwardLeft) {
      leftCaptured = true;
      emit self->leftPressed(pos);
      return;
    }
    forwardButton(event, pos, true, repeat);
  }

  void forwardKey(const QKeyEvent* event, bool press) {
    const char code = setKeyEventInformation(interactor, *event);
    if (press) {
      invoke(vtkCommand::KeyPressEvent);
      if (code != 0) invoke(vtkCommand::CharEvent);
    } else {
      invoke(vtkCommand::KeyReleaseEvent);
    }
  }
};

VtkView::VtkView(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>(this)) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  // Every pixel is painted from the frame: no background to erase first.
  setAttribute(Qt::WA_OpaquePaintEvent);

  auto& d = *impl_;
  // Nothing may render before the first paint has made a context for VTK.
  d.window->SetReadyForRendering(false);
  // VTK leaves its frame in its own framebuffer, from which readBack() copies it.
  d.window->SetFrameBlitModeToNoBlit();
  d.window->SetMultiSamples(0);
  for (auto event : {vtkCommand::WindowMakeCurrentEvent, vtkCommand::WindowIsCurrentEvent,
                     vtkCommand::WindowFrameEvent}) {
    d.observers.emplace_back(d.window.GetPointer(),
                             d.window->AddObserver(event, impl_.get(), &Impl::onWindowEvent));
  }
  for (auto event : {vtkCommand::CreateTimerEvent, vtkCommand::DestroyTimerEvent}) {
    d.observers.emplace_back(
        d.interactor.GetPointer(),
        d.interactor->AddObserver(event, &d.timers, &VtkTimerBridge::onInteractorEvent));
  }
  d.interactor->SetRenderWindow(d.window);
  // Styles such as vtkContextInteractorStyle only redraw on an initialized interactor.
  d.interactor->Initialize();
}

VtkView::~VtkView() {
  auto& d = *impl_;
  d.finalize();
  for (const auto& [object, id] : d.observers) object->RemoveObserver(id);
  d.interactor->SetInteractorStyle(nullptr);
  d.interactor->SetRenderWindow(nullptr);
  d.window->SetInteractor(nullptr);
}

vtkGenericOpenGLRenderWindow* VtkView::renderWindow() const {
  return impl_->window;
}

vtkRenderWindowInteractor* VtkView::interactor() const {
  return impl_->interactor;
}

void VtkView::addRenderer(vtkRenderer* renderer) {
  if (!renderer) return;
  impl_->window->AddRenderer(renderer);
  requestRender();
}

void VtkView::removeRenderer(vtkRenderer* renderer) {
  if (!renderer) return;
  // Removing frees the renderer's resources in our context: make it current first.
  impl_->makeCurrent();
  impl_->window->RemoveRenderer(renderer);
  requestRender();
}

void VtkView::setInteractorStyle(vtkInteractorObserver* style) {
  impl_->interactor->SetInteractorStyle(style);
}

void VtkView::setForwardLeftButton(bool forward) {
  impl_->forwardLeft = forward;
}

void VtkView::requestRender() {
  impl_->renderDue = true;
  update();
}

void VtkView::setContentScale(double scale) {
  impl_->contentScale = scale;
  requestRender();
}

QImage VtkView::grabFramebuffer() {
  impl_->renderIfDue();
  return impl_->frame;
}

bool VtkView::withRenderWindow(const std::function<void(vtkRenderWindow*)>& work) {
  auto& d = *impl_;
  d.renderIfDue();  // lays the window out at the view's size
  if (!d.ensureContext()) return false;
  d.makeCurrent();
  d.exporting = true;
  work(d.window);
  d.exporting = false;
  d.renderDue = true;
  update();
  return true;
}

void VtkView::setPaintedPicture(const QImage& picture) {
  impl_->picture = picture;
  update();
}

void VtkView::resizeEvent(QResizeEvent* event) {
  impl_->renderDue = true;
  QWidget::resizeEvent(event);
}

void VtkView::paintEvent(QPaintEvent*) {
  auto& d = *impl_;
  d.renderIfDue();
  QPainter painter(this);
  if (d.frame.size() != d.deviceSize()) painter.fillRect(rect(), palette().window());
  if (d.frame.isNull()) {
    if (!d.gl.error().isEmpty()) {
      painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                       d.gl.error());
    }
    return;
  }
  painter.drawImage(QPointF(0.0, 0.0), d.picture.isNull() ? d.frame : d.picture);
  emit frameRendered();
}

void VtkView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::RightButton) impl_->rightPressAt = event->position();
  impl_->pressButton(event, 0);
}

void VtkView::mouseMoveEvent(QMouseEvent* event) {
  auto& d = *impl_;
  const QPointF pos = d.display(event->position());
  if (d.leftCaptured && !event->buttons().testFlag(Qt::LeftButton)) d.leftCaptured = false;
  if (d.leftCaptured) {
    emit leftDragged(pos);
    // VTK never saw this press: keep its drag to itself unless another button is down too.
    if ((event->buttons() & ~Qt::MouseButtons(Qt::LeftButton)) == Qt::NoButton) return;
  }
  if (event->buttons() == Qt::NoButton) emit hovered(pos);
  d.setEventInformation(pos, event->modifiers());
  d.invoke(vtkCommand::MouseMoveEvent);
}

void VtkView::mouseReleaseEvent(QMouseEvent* event) {
  auto& d = *impl_;
  const QPointF pos = d.display(event->position());
  if (event->button() == Qt::LeftButton && d.leftCaptured) {
    d.leftCaptured = false;
    emit leftReleased(pos);
    return;
  }
  d.forwardButton(event, pos, false);
  if (event->button() == Qt::RightButton &&
      (event->position() - d.rightPressAt).manhattanLength() < 4.0) {
    emit contextMenuWanted(event->globalPosition().toPoint());
  }
}

void VtkView::mouseDoubleClickEvent(QMouseEvent* event) {
  // Qt sends press, release, double click, release: the double click stands for the second
  // press, flagged to VTK by a repeat count of 1.
  impl_->pressButton(event, 1);
}

void VtkView::wheelEvent(QWheelEvent* event) {
  auto& d = *impl_;
  d.setEventInformation(d.display(event->position()), event->modifiers());
  // One VTK wheel step per 15 degrees (120 eighths), however finely a touchpad reports them.
  constexpr int kStep = 120;
  d.wheelDelta += event->angleDelta().y();
  while (d.wheelDelta >= kStep) {
    d.wheelDelta -= kStep;
    d.invoke(vtkCommand::MouseWheelForwardEvent);
  }
  while (d.wheelDelta <= -kStep) {
    d.wheelDelta += kStep;
    d.invoke(vtkCommand::MouseWheelBackwardEvent);
  }
  event->accept();
}

void VtkView::keyPressEvent(QKeyEvent* event) {
  impl_->forwardKey(event, true);
}

void VtkView::keyReleaseEvent(QKeyEvent* event) {
  impl_->forwardKey(event, false);
}

void VtkView::enterEvent(QEnterEvent* event) {
  auto& d = *impl_;
  d.setEventInformation(d.display(event->position()), event->modifiers());
  d.invoke(vtkCommand::EnterEvent);
  QWidget::enterEvent(event);
}

void VtkView::leaveEvent(QEvent* event) {
  auto& d = *impl_;
  d.invoke(vtkCommand::LeaveEvent);
  emit hoverLeft();
  QWidget::leaveEvent(event);
}

void VtkView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) requestRender();
  QWidget::changeEvent(event);
}

}  // namespace gradscape::gui
