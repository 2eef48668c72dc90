#pragma once
// Our Qt 6 widget <-> vtkGenericOpenGLRenderWindow bridge (Debian's VTK Qt module is built
// against Qt 5). See ../shared/PLATFORM.md for the pitfalls it works around. Forwards mouse,
// wheel and key events to a vtkGenericRenderWindowInteractor, runs VTK timers on QTimers,
// handles HiDPI. VTK types are forward declared.
//
// VTK renders with a GL context of the view's own, on an offscreen surface; each frame is read
// back into an image that the widget paints. A QOpenGLWidget would make Qt compose the whole
// window through GL on every frame of any view: with a software GL that composition alone cost
// ~20 ms a frame for a 1500 x 940 window, the read-back costs ~1 ms per megapixel.
//
// vtk_view.cpp makes the context, renders and paints; vtk_view_input.cpp hands Qt's input to
// VTK; vtk_view_impl.h holds the state they share.
#include <QImage>
#include <QPointF>
#include <QWidget>
#include <functional>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;
class vtkInteractorObserver;
class vtkRenderer;
class vtkRenderWindow;

namespace gradscape::gui {

class VtkView : public QWidget {
  Q_OBJECT
 public:
  explicit VtkView(QWidget* parent = nullptr);
  ~VtkView() override;

  vtkGenericOpenGLRenderWindow* renderWindow() const;
  vtkRenderWindowInteractor* interactor() const;
  // Adds a renderer (kept alive by the render window).
  void addRenderer(vtkRenderer* renderer);
  void removeRenderer(vtkRenderer* renderer);
  // Installs an interactor style (e.g. trackball camera, image style, context style).
  void setInteractorStyle(vtkInteractorObserver* style);
  // When false, left-button presses, drags and releases are not given to VTK; the view only
  // emits the signals below (the contour map uses the left button to set the start point).
  void setForwardLeftButton(bool forward);
  // Schedules a render (batched by Qt into the next paint).
  void requestRender();
  // Draws text and lines `scale` times their size (presentation mode): the render window's DPI
  // becomes 72 x device pixel ratio x scale, which the scenes and charts size everything by.
  void setContentScale(double scale);
  // The latest frame (device pixels), rendered first when a render is due.
  QImage grabFramebuffer();
  // Runs `work` with the view's render window, laid out at the view's size, and its GL context
  // current (picture export, app/gui/view_export.h); frames drawn meanwhile are not shown, and
  // the view draws itself afresh after. False when the view has no GL context.
  bool withRenderWindow(const std::function<void(vtkRenderWindow*)>& work);
  // Paints `picture` in place of the latest frame until called with a null image; its device
  // pixel ratio says how many of its pixels make one of the widget's (Export window at a scale
  // paints every view rendered anew at that scale, app/gui/view_export.h).
  void setPaintedPicture(const QImage& picture);

 signals:
  // Positions are VTK display coordinates: device pixels, origin bottom-left.
  void leftPressed(QPointF display);
  void leftDragged(QPointF display);
  void leftReleased(QPointF display);
  void hovered(QPointF display);
  void hoverLeft();
  // Emitted after every paint that put a frame on the widget (benchmarks and tests wait on it).
  void frameRendered();
  // A right click that did not drag (VTK's right-drag zooms): a context menu belongs at
  // `globalPos`.
  void contextMenuWanted(QPoint globalPos);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void enterEvent(QEnterEvent* event) override;
  void leaveEvent(QEvent* event) override;
  // A new application palette comes with a new theme (app_theme.h): the scenes draw it.
  void changeEvent(QEvent* event) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
