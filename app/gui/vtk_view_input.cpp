// VtkView's input: Qt's mouse, wheel, key, enter and leave events handed to VTK's interactor
// (the left button to the view's signals unless it is forwarded), in VTK's display pixels.
#include <vtkCommand.h>
#include <vtkGenericRenderWindowInteractor.h>

#include <QEnterEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

#include "app/gui/vtk_key_syms.h"
#include "app/gui/vtk_view_impl.h"

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

QPointF VtkView::Impl::display(QPointF logical) const {
  return toDisplay(logical, self->devicePixelRatioF(), deviceSize().height());
}

void VtkView::Impl::setEventInformation(QPointF displayPos, Qt::KeyboardModifiers mods,
                                        int repeat) {
  interactor->SetEventInformation(toPixel(displayPos.x()), toPixel(displayPos.y()),
                                  mods.testFlag(Qt::ControlModifier) ? 1 : 0,
                                  mods.testFlag(Qt::ShiftModifier) ? 1 : 0, 0, repeat);
  interactor->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
}

void VtkView::Impl::invoke(unsigned long event) {
  if (interactor->GetEnabled()) interactor->InvokeEvent(event, nullptr);
}

unsigned long VtkView::Impl::buttonEvent(Qt::MouseButton button, bool press) {
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

void VtkView::Impl::forwardButton(const QMouseEvent* event, QPointF pos, bool press, int repeat) {
  const unsigned long vtkEvent = buttonEvent(event->button(), press);
  if (vtkEvent == vtkCommand::NoEvent) return;
  setEventInformation(pos, event->modifiers(), repeat);
  invoke(vtkEvent);
}

void VtkView::Impl::pressButton(const QMouseEvent* event, int repeat) {
  const QPointF pos = display(event->position());
  if (event->button() == Qt::LeftButton && !forwardLeft) {
    leftCaptured = true;
    emit self->leftPressed(pos);
    return;
  }
  forwardButton(event, pos, true, repeat);
}

void VtkView::Impl::forwardKey(const QKeyEvent* event, bool press) {
  const char code = setKeyEventInformation(interactor, *event);
  if (press) {
    invoke(vtkCommand::KeyPressEvent);
    if (code != 0) invoke(vtkCommand::CharEvent);
  } else {
    invoke(vtkCommand::KeyReleaseEvent);
  }
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

}  // namespace gradscape::gui
