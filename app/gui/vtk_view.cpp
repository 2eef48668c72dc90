#include "app/gui/vtk_view.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorObserver.h>
#include <vtkOpenGLState.h>
#include <vtkRenderer.h>

#include <qopengl.h>
#include <QEvent>
#include <QPainter>
#include <QScreen>

#include "app/gui/vtk_view_impl.h"

namespace gradscape::gui {

QSize VtkView::Impl::deviceSize() const {
  const double dpr = self->devicePixelRatioF();
  return {static_cast<int>(std::lround(self->width() * dpr)),
          static_cast<int>(std::lround(self->height() * dpr))};
}

void VtkView::Impl::onWindowEvent(vtkObject*, unsigned long event, void* callData) {
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

bool VtkView::Impl::ensureContext() {
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

void VtkView::Impl::finalize() {
  if (!ready()) return;
  makeCurrent();
  window->Finalize();
  window->SetReadyForRendering(false);
  gl.destroy();
}

void VtkView::Impl::render() {
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

void VtkView::Impl::renderIfDue() {
  if (!renderDue && frame.size() == deviceSize()) return;
  renderDue = false;
  inPaint = true;
  render();
  inPaint = false;
}

void VtkView::Impl::readBack() {
  makeCurrent();
  if (gl.readFrame(window->GetDisplayFramebuffer(), window->GetState(), frame)) {
    frame.setDevicePixelRatio(self->devicePixelRatioF());
  }
}

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

void VtkView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange) requestRender();
  QWidget::changeEvent(event);
}

}  // namespace gradscape::gui
