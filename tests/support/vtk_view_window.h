#pragma once
// Scenes and windows for the widget <-> VTK bridge suites (test_vtk_view*.cpp): a flat coloured
// square on a coloured background (colours to look for at known pixels), a shown top-level window
// holding one view of it, and a counter of VTK events.
#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRegularPolygonSource.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>

#include <QHBoxLayout>
#include <QPointF>
#include <QSignalSpy>
#include <QString>
#include <QTest>
#include <QWidget>

#include <cmath>
#include <cstdlib>
#include <functional>
#include <memory>

#include "app/gui/vtk_view.h"

namespace gradscape::testing {

using gui::VtkView;

inline constexpr int kViewWidth = 320;
inline constexpr int kViewHeight = 240;

// A renderer with a flat (unlit) coloured square in the middle of a coloured background.
inline vtkSmartPointer<vtkRenderer> squareScene(double bgR, double bgG, double bgB, double r,
                                                double g, double b) {
  auto renderer = vtkSmartPointer<vtkRenderer>::New();
  renderer->SetBackground(bgR, bgG, bgB);
  vtkNew<vtkRegularPolygonSource> square;
  square->SetNumberOfSides(4);
  square->SetRadius(1.0);
  vtkNew<vtkPolyDataMapper> mapper;
  mapper->SetInputConnection(square->GetOutputPort());
  vtkNew<vtkActor> actor;
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(r, g, b);
  actor->GetProperty()->SetLighting(false);
  renderer->AddActor(actor);
  renderer->GetActiveCamera()->SetPosition(0, 0, 10);
  renderer->GetActiveCamera()->SetFocalPoint(0, 0, 0);
  renderer->GetActiveCamera()->SetViewUp(0, 1, 0);
  // The square (radius 1) spans about 2/3 of the height: the corners stay background.
  renderer->GetActiveCamera()->SetViewAngle(2.0 * std::atan(1.5 / 10.0) * 180.0 / M_PI);
  return renderer;
}

inline bool near(QRgb pixel, int r, int g, int b, int tolerance = 3) {
  return std::abs(qRed(pixel) - r) <= tolerance && std::abs(qGreen(pixel) - g) <= tolerance &&
         std::abs(qBlue(pixel) - b) <= tolerance;
}

inline QString describe(QRgb p) {
  return QString("(%1, %2, %3)").arg(qRed(p)).arg(qGreen(p)).arg(qBlue(p));
}

// Counts an event on a VTK object and remembers what a callback reads at that moment.
struct EventCounter {
  int count = 0;
  std::function<void(void*)> onEvent;
  vtkNew<vtkCallbackCommand> command;
  EventCounter() {
    command->SetClientData(this);
    command->SetCallback([](vtkObject*, unsigned long, void* self, void* callData) {
      auto* me = static_cast<EventCounter*>(self);
      ++me->count;
      if (me->onEvent) me->onEvent(callData);
    });
  }
};

// A shown top-level window holding one view of the square scene.
struct Window {
  std::unique_ptr<QWidget> top = std::make_unique<QWidget>();
  VtkView* view = new VtkView(top.get());
  vtkSmartPointer<vtkRenderer> renderer = squareScene(0.2, 0.3, 0.4, 1.0, 0.0, 0.0);

  Window() {
    auto* layout = new QHBoxLayout(top.get());
    layout->setContentsMargins(0, 0, 0, 0);
    view->setFixedSize(kViewWidth, kViewHeight);
    layout->addWidget(view);
    view->addRenderer(renderer);
  }
  bool show() {
    QSignalSpy frames(view, &VtkView::frameRendered);
    top->show();
    if (!QTest::qWaitForWindowExposed(top.get())) return false;
    for (int i = 0; i < 100 && frames.count() == 0; ++i) frames.wait(100);
    return frames.count() > 0;
  }
  double dpr() const { return view->devicePixelRatioF(); }
  int deviceHeight() const { return static_cast<int>(std::lround(kViewHeight * dpr())); }
  // VTK display coordinates of a widget position.
  QPointF display(QPoint p) const { return {p.x() * dpr(), deviceHeight() - 1 - p.y() * dpr()}; }
};

}  // namespace gradscape::testing
