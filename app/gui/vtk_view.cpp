#include "app/gui/vtk_view.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorObserver.h>
#include <vtkNew.h>
#include <vtkOpenGLFramebufferObject.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <QEnterEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QScreen>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "app/gui/vtk_key_syms.h"

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
  QMetaObject::Connection contextGone;
  QOpenGLContext* context = nullptr;  // valid between initializeGL and finalize()
  QSurface* surface = nullptr;
  std::map<int, QTimer*> timers;  // by the platform timer id we hand to VTK
  int nextTimerId = 1;
  bool forwardLeft = true;
  bool leftCaptured = false;  // a left press went to the signals, not to VTK
  bool renderInPaint = true;  // the next paintGL must render (not only blit the last frame)
  bool inPaint = false;
  int wheelDelta = 0;  // accumulated angleDelta().y(), in eighths of a degree

  bool ready() const { return context != nullptr; }

  bool isCurrent() const {
    return context && QOpenGLContext::currentContext() == context && context->surface() == surface;
  }

  // Pitfall 2 of PLATFORM.md: QOpenGLContext::makeCurrent, not QOpenGLWidget::makeCurrent,
  // which would rebind Qt's framebuffer behind vtkOpenGLState's cache in the middle of a render.
  void makeCurrent() {
    if (context && surface && !isCurrent()) context->makeCurrent(surface);
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
        // A frame rendered outside paintGL (an interactor style rendering on its own, a VTK
        // timer): show it. A render into the back buffer only (image capture) is not a frame.
        if (window->GetDoubleBuffer() && !window->GetSwapBuffers()) break;
        if (!inPaint) {
          renderInPaint = false;
          self->update();
        }
        break;
      default:
        break;
    }
  }

  // vtkGenericRenderWindowInteractor has no timers of its own (pitfall 3): VTK asks for them
  // through CreateTimerEvent / DestroyTimerEvent and we run them on QTimers.
  void onInteractorEvent(vtkObject*, unsigned long event, void*) {
    if (event == vtkCommand::CreateTimerEvent) {
      const int platformId = nextTimerId++;
      auto* timer = new QTimer(self);
      timer->setSingleShot(interactor->GetTimerEventType() ==
                           vtkRenderWindowInteractor::OneShotTimer);
      timer->setInterval(std::max(0, interactor->GetTimerEventDuration()));
      QObject::connect(timer, &QTimer::timeout, self, [this, platformId] { fire(platformId); });
      timers[platformId] = timer;
      interactor->SetTimerEventPlatformId(platformId);
      timer->start();
    } else if (event == vtkCommand::DestroyTimerEvent) {
      const auto it = timers.find(interactor->GetTimerEventPlatformId());
      if (it == timers.end()) return;
      it->second->stop();
      it->second->deleteLater();  // we may be inside its timeout()
      timers.erase(it);
    }
  }

  void fire(int platformId) {
    int vtkId = interactor->GetVTKTimerId(platformId);
    if (interactor->GetEnabled()) interactor->InvokeEvent(vtkCommand::TimerEvent, &vtkId);
    // One-shot timers stay in VTK's table until destroyed.
    if (interactor->IsOneShotTimer(vtkId)) interactor->DestroyTimer(vtkId);
  }

  void initialize(QOpenGLContext* ctx) {
    context = ctx;
    surface = ctx->surface();
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
    renderInPaint = true;
  }

  // Frees VTK's graphics resources while the context still exists; call with it current.
  void finalize() {
    if (!ready()) return;
    window->Finalize();
    window->SetReadyForRendering(false);
    context = nullptr;
    surface = nullptr;
  }

  int deviceHeight() const {
    const int h = window->GetSize()[1];
    return h > 0 ? h : static_cast<int>(std::lround(self->height() * self->devicePixelRatioF()));
  }

  QPointF display(QPointF logical) const {
    return toDisplay(logical, self->devicePixelRatioF(), deviceHeight());
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

  void forwardKey(QKeyEvent* event, bool press) {
    const QString text = event->text();
    char code = 0;
    std::string sym;
    if (text.size() == 1 && text[0].unicode() >= 0x20 && text[0].unicode() < 0x7f) {
      code = static_cast<char>(text[0].unicode());
      sym = charKeySym(code);
    } else if (const char* special = specialKeySym(event->key())) {
      sym = special;
      if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) code = '\r';
      if (event->key() == Qt::Key_Escape) code = 27;
      if (event->key() == Qt::Key_Tab) code = '\t';
    } else if (text.size() == 1 && text[0].unicode() < 0x20) {
      code = static_cast<char>(text[0].unicode());  // Ctrl+letter
    }
    const auto mods = event->modifiers();
    interactor->SetKeyEventInformation(
        mods.testFlag(Qt::ControlModifier) ? 1 : 0, mods.testFlag(Qt::ShiftModifier) ? 1 : 0, code,
        event->isAutoRepeat() ? 1 : 0, sym.empty() ? nullptr : sym.c_str());
    interactor->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
    if (sym.empty()) interactor->SetKeySym(nullptr);
    if (press) {
      invoke(vtkCommand::KeyPressEvent);
      if (code != 0) invoke(vtkCommand::CharEvent);
    } else {
      invoke(vtkCommand::KeyReleaseEvent);
    }
  }
};

VtkView::VtkView(QWidget* parent) : QOpenGLWidget(parent), impl_(std::make_unique<Impl>(this)) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);

  auto& d = *impl_;
  // Nothing may render before initializeGL has a context for VTK.
  d.window->SetReadyForRendering(false);
  // Pitfall 1: VTK leaves its frame in its own framebuffer; paintGL blits it into Qt's.
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
        d.interactor->AddObserver(event, impl_.get(), &Impl::onInteractorEvent));
  }
  d.interactor->SetRenderWindow(d.window);
  // Styles such as vtkContextInteractorStyle only redraw on an initialized interactor.
  d.interactor->Initialize();
}

VtkView::~VtkView() {
  auto& d = *impl_;
  QObject::disconnect(d.contextGone);
  if (d.ready()) {
    makeCurrent();
    d.finalize();
    doneCurrent();
  }
  for (const auto& [object, id] : d.observers) object->RemoveObserver(id);
  for (const auto& [id, timer] : d.timers) delete timer;
  d.timers.clear();
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
  impl_->renderInPaint = true;
  update();
}

void VtkView::initializeGL() {
  auto& d = *impl_;
  // A new context (first show, or a move to another top-level window): VTK starts over in it.
  if (d.ready()) d.finalize();
  d.initialize(context());
  QObject::disconnect(d.contextGone);
  d.contextGone = connect(context(), &QOpenGLContext::aboutToBeDestroyed, this, [this] {
    makeCurrent();
    impl_->finalize();
    doneCurrent();
  });
}

void VtkView::resizeGL(int w, int h) {
  auto& d = *impl_;
  const double dpr = devicePixelRatioF();
  const int dw = static_cast<int>(std::lround(w * dpr));
  const int dh = static_cast<int>(std::lround(h * dpr));
  d.interactor->UpdateSize(dw, dh);  // also sizes the render window
  if (const QScreen* s = screen()) {
    const QSize screenSize = s->size() * dpr;
    d.window->SetScreenSize(screenSize.width(), screenSize.height());
  }
  // Text is sized in points at 72 dpi; scale it with the device pixel ratio (HiDPI).
  d.window->SetDPI(static_cast<int>(std::lround(72.0 * dpr)));
  d.renderInPaint = true;
}

void VtkView::paintGL() {
  auto& d = *impl_;
  if (!d.ready()) return;
  if (d.renderInPaint) {
    d.inPaint = true;
    d.interactor->Render();
    d.inPaint = false;
    d.renderInPaint = false;
  }
  // A render can switch contexts (an observer drawing another view): come back to ours.
  d.makeCurrent();

  vtkOpenGLFramebufferObject* frame = d.window->GetRenderFramebuffer();
  if (frame == nullptr) return;  // VTK has not rendered yet (no renderer may want to)
  auto* state = d.window->GetState();
  // Qt changed GL state since VTK last looked: re-read it, and give it back afterwards.
  state->Reset();
  state->Push();
  const int* size = frame->GetLastSize();
  const int dw = static_cast<int>(std::lround(width() * devicePixelRatioF()));
  const int dh = static_cast<int>(std::lround(height() * devicePixelRatioF()));
  state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, defaultFramebufferObject());
  unsigned int attachment = GL_COLOR_ATTACHMENT0;
  state->vtkglDrawBuffers(1, &attachment);
  state->vtkglDisable(GL_SCISSOR_TEST);
  const bool sameSize = size[0] == dw && size[1] == dh;
  d.window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, dw, dh, GL_COLOR_BUFFER_BIT,
                                   sameSize ? GL_NEAREST : GL_LINEAR);
  // Opaque alpha: the widget must not blend with what lies behind the window.
  state->vtkglColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);
  state->vtkglClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  state->vtkglViewport(0, 0, dw, dh);
  state->vtkglClear(GL_COLOR_BUFFER_BIT);
  state->Pop();
  emit frameRendered();
}

void VtkView::mousePressEvent(QMouseEvent* event) {
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
  QOpenGLWidget::enterEvent(event);
}

void VtkView::leaveEvent(QEvent* event) {
  auto& d = *impl_;
  d.invoke(vtkCommand::LeaveEvent);
  emit hoverLeft();
  QOpenGLWidget::leaveEvent(event);
}

}  // namespace gradscape::gui
