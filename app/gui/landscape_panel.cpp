#include "app/gui/landscape_panel.h"

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkInteractorStyleImage.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkRenderer.h>

#include <QHBoxLayout>
#include <QMouseEvent>
#include <QSplitter>
#include <QTimer>
#include <cmath>

#include "app/gui/vtk_view.h"
#include "plots/contour_scene.h"
#include "plots/surface_scene.h"

namespace gradscape::gui {

namespace {
// A press and release closer than this (device pixels) is a click, not an orbit.
constexpr double kClickSlop = 4.0;

QPointF displayPosition(const QWidget* view, const QMouseEvent* event) {
  const double ratio = view->devicePixelRatioF();
  const QPointF p = event->position() * ratio;
  return {p.x(), view->height() * ratio - p.y() - 1.0};
}
}  // namespace

struct LandscapePanel::Impl {
  plots::ContourScene contour;
  plots::SurfaceScene surface;
  plots::LandscapeContent content;
  VtkView* contourView = nullptr;
  VtkView* surfaceView = nullptr;
  QSplitter* splitter = nullptr;
  QSplitter* column = nullptr;
  // Per layout, the map's share of the width (beside the right-hand column) and the surface's
  // share of the column's height; re-applied on every resize, so shrinking the window and growing
  // it again gives the map back its space. Dragging a handle changes the current layout's share.
  std::array<double, 3> mapShare{0.64, 0.0, 0.6};
  std::array<double, 3> surfaceShare{0.0, 0.64, 0.56};
  bool startMovable = true;
  Layout layout = Layout::Both;
  std::optional<QPointF> surfacePress;  // where a left press on the surface began
  // Frames of changing runs are drawn without FXAA (a software GL pays ~20 ms per view for
  // it); once the runs rest for a moment the views are drawn again, smoothed.
  QTimer refine;
};

LandscapePanel::LandscapePanel(QWidget* parent) : QWidget(parent), impl_(std::make_unique<Impl>()) {
  auto* splitter = new QSplitter(Qt::Horizontal, this);
  impl_->splitter = splitter;
  splitter->setObjectName("landscapeSplitter");
  splitter->setChildrenCollapsible(false);
  impl_->column = new QSplitter(Qt::Vertical, splitter);
  impl_->column->setObjectName("sideColumn");
  impl_->column->setChildrenCollapsible(false);
  impl_->contourView = new VtkView(splitter);
  impl_->contourView->setObjectName("contourView");
  impl_->contourView->setToolTip(
      tr("Contour map: click or drag to set the start point; wheel zooms, middle button pans"));
  impl_->surfaceView = new VtkView(impl_->column);
  impl_->surfaceView->setObjectName("surfaceView");
  impl_->surfaceView->setToolTip(
      tr("Surface: drag to orbit, wheel zooms, middle button pans; click to set the start point"));
  for (auto* view : {impl_->contourView, impl_->surfaceView}) view->setMinimumSize(200, 200);
  splitter->insertWidget(0, impl_->contourView);
  connect(splitter, &QSplitter::splitterMoved, this, [this] {
    const QList<int> sizes = impl_->splitter->sizes();
    const int total = sizes[0] + sizes[1];
    if (impl_->layout != Layout::Surface && total > 0) {
      impl_->mapShare[size_t(impl_->layout)] = double(sizes[0]) / total;
    }
  });
  connect(impl_->column, &QSplitter::splitterMoved, this, [this] {
    const QList<int> sizes = impl_->column->sizes();
    const int total = sizes.size() > 1 ? sizes[0] + sizes[1] : 0;
    if (impl_->layout != Layout::Contour && total > 0) {
      impl_->surfaceShare[size_t(impl_->layout)] = double(sizes[0]) / total;
    }
  });
  auto* box = new QHBoxLayout(this);
  box->setContentsMargins(0, 0, 0, 0);
  box->addWidget(splitter);

  impl_->contourView->addRenderer(impl_->contour.renderer());
  vtkNew<vtkInteractorStyleImage> mapStyle;  // pan (middle) and zoom (wheel), no rotation
  impl_->contourView->setInteractorStyle(mapStyle);
  impl_->contourView->setForwardLeftButton(false);
  impl_->surfaceView->addRenderer(impl_->surface.renderer());
  vtkNew<vtkInteractorStyleTrackballCamera> orbit;
  impl_->surfaceView->setInteractorStyle(orbit);
  impl_->surfaceView->installEventFilter(this);

  impl_->refine.setSingleShot(true);
  impl_->refine.setInterval(250);
  connect(&impl_->refine, &QTimer::timeout, this, [this] {
    impl_->contour.setAntialiasing(true);
    impl_->surface.setAntialiasing(true);
    render();
  });

  auto pickOnMap = [this](QPointF display) {
    pickStart(impl_->contourView, impl_->contour, display);
  };
  connect(impl_->contourView, &VtkView::leftPressed, this, pickOnMap);
  connect(impl_->contourView, &VtkView::leftDragged, this, pickOnMap);
  connect(impl_->contourView, &VtkView::hovered, this, [this](QPointF display) {
    emit pointHovered(impl_->contour.pick(display.x(), display.y()));
  });
  connect(impl_->contourView, &VtkView::hoverLeft, this,
          [this] { emit pointHovered(std::nullopt); });
  connect(impl_->surfaceView, &VtkView::hoverLeft, this,
          [this] { emit pointHovered(std::nullopt); });
  setLayout(Layout::Both);
}

LandscapePanel::~LandscapePanel() = default;

bool LandscapePanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == impl_->surfaceView) {
    if (event->type() == QEvent::MouseButtonPress) {
      auto* mouse = static_cast<QMouseEvent*>(event);
      if (mouse->button() == Qt::LeftButton) {
        impl_->surfacePress = displayPosition(impl_->surfaceView, mouse);
      }
    } else if (event->type() == QEvent::MouseButtonRelease) {
      auto* mouse = static_cast<QMouseEvent*>(event);
      if (mouse->button() == Qt::LeftButton && impl_->surfacePress) {
        const QPointF at = displayPosition(impl_->surfaceView, mouse);
        const QPointF moved = at - *impl_->surfacePress;
        impl_->surfacePress.reset();
        if (std::abs(moved.x()) + std::abs(moved.y()) <= kClickSlop) {
          pickStart(impl_->surfaceView, impl_->surface, at);
        }
      }
    }
  }
  return QWidget::eventFilter(watched, event);
}

void LandscapePanel::pickStart(VtkView* view, plots::LandscapeScene& scene, QPointF display) {
  if (const auto p = scene.pick(display.x(), display.y())) {
    if (impl_->startMovable) setStartPoint((*p)[0], (*p)[1]);
    emit startPicked((*p)[0], (*p)[1]);
  }
  view->requestRender();
}

void LandscapePanel::setLandscape(const plots::LandscapeContent& content) {
  const bool boxChanged = content.grid.xmin != impl_->content.grid.xmin ||
                          content.grid.xmax != impl_->content.grid.xmax ||
                          content.grid.ymin != impl_->content.grid.ymin ||
                          content.grid.ymax != impl_->content.grid.ymax ||
                          impl_->content.grid.nx == 0;
  impl_->content = content;
  impl_->contour.setLandscape(content);
  impl_->surface.setLandscape(content);
  if (boxChanged) resetCameras();
  render();
}

const plots::LandscapeContent& LandscapePanel::landscape() const {
  return impl_->content;
}

void LandscapePanel::setRuns(const std::vector<plots::RunView>& runs) {
  impl_->contour.setAntialiasing(false);
  impl_->surface.setAntialiasing(false);
  impl_->refine.start();
  impl_->contour.setRuns(runs);
  impl_->surface.setRuns(runs);
  render();
}

void LandscapePanel::setCurvatureGlyph(std::optional<plots::CurvatureGlyph> glyph,
                                       const QString& note) {
  impl_->contour.setCurvatureGlyph(std::move(glyph));
  impl_->contour.setCurvatureNote(note.toStdString());
  impl_->contourView->requestRender();
}

void LandscapePanel::setUpdateArrows(std::optional<plots::UpdateArrows> arrows) {
  impl_->contour.setUpdateArrows(std::move(arrows));
  impl_->contourView->requestRender();
}

void LandscapePanel::setStartMovable(bool movable) {
  impl_->startMovable = movable;
}

void LandscapePanel::setStartPoint(double x, double y) {
  impl_->contour.setStartPoint(x, y);
  impl_->surface.setStartPoint(x, y);
  render();
}

void LandscapePanel::setHighlight(std::optional<std::array<double, 2>> point) {
  impl_->contour.setHighlight(point);
  impl_->surface.setHighlight(point);
  render();
}

void LandscapePanel::setSideWidget(QWidget* widget) {
  impl_->column->addWidget(widget);
  applyShares();
}

void LandscapePanel::applyShares() {
  const auto split = [](QSplitter* splitter, double share) {
    const int total =
        (splitter->orientation() == Qt::Horizontal ? splitter->width() : splitter->height()) -
        splitter->handleWidth();
    if (total <= 0 || splitter->count() < 2) return;
    const int first = int(std::lround(share * total));
    splitter->setSizes({first, total - first});
  };
  const auto layout = size_t(impl_->layout);
  if (impl_->layout != Layout::Surface) split(impl_->splitter, impl_->mapShare[layout]);
  if (impl_->layout != Layout::Contour) split(impl_->column, impl_->surfaceShare[layout]);
}

void LandscapePanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  applyShares();
}

void LandscapePanel::setLayout(Layout layout) {
  impl_->layout = layout;
  impl_->contourView->setVisible(layout != Layout::Surface);
  impl_->surfaceView->setVisible(layout != Layout::Contour);
  // One legend is enough: on the map, unless only the surface is shown.
  impl_->contour.setLegendVisible(layout != Layout::Surface);
  impl_->surface.setLegendVisible(layout == Layout::Surface);
  impl_->surface.setColorBarVisible(layout == Layout::Surface);
  applyShares();
  render();
}

LandscapePanel::Layout LandscapePanel::layout() const {
  return impl_->layout;
}

void LandscapePanel::resetCameras() {
  impl_->contour.resetCamera();
  impl_->surface.resetCamera();
  render();
}

std::optional<ViewBox> LandscapePanel::mapZoomBox() const {
  return impl_->contour.zoomBox();
}

void LandscapePanel::setMapZoomBox(std::optional<ViewBox> box) {
  impl_->contour.setZoomBox(box);
  render();
}

std::optional<ViewCamera> LandscapePanel::surfaceCamera() const {
  return impl_->surface.camera();
}

void LandscapePanel::setSurfaceCamera(std::optional<ViewCamera> camera) {
  if (camera) {
    impl_->surface.setCamera(*camera);
  } else {
    impl_->surface.resetCamera();
  }
  render();
}

VtkView* LandscapePanel::contourView() const {
  return impl_->contourView;
}
VtkView* LandscapePanel::surfaceView() const {
  return impl_->surfaceView;
}
plots::LandscapeScene& LandscapePanel::contourScene() const {
  return impl_->contour;
}
plots::LandscapeScene& LandscapePanel::surfaceScene() const {
  return impl_->surface;
}

void LandscapePanel::render() {
  impl_->contourView->requestRender();
  impl_->surfaceView->requestRender();
}

}  // namespace gradscape::gui
