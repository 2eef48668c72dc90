#include "plots/contour_scene.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkContourFilter.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "plots/backdrop_renderer.h"
#include "plots/colormap.h"
#include "plots/curvature_glyph.h"
#include "plots/frame_axes.h"
#include "plots/frame_clip.h"
#include "plots/gradient_arrows.h"
#include "plots/landscape_mesh.h"
#include "plots/scene_overlay.h"
#include "plots/scene_theme.h"
#include "plots/update_arrows.h"

namespace gradscape::plots {

namespace {

// Heights of the layers above the landscape plane, as fractions of the box size: drawn in this
// order from the bottom (parallel projection looks down -z).
constexpr double kIsolineZ = 0.001, kArrowZ = 0.002, kRunZ = 0.003, kFrameZ = 0.004;

// The camera state a fit leaves; when the camera still has it, the user has not panned or zoomed.
struct CameraState {
  std::array<double, 3> focal{};
  double scale = 0.0;
  bool operator==(const CameraState&) const = default;
};

CameraState stateOf(vtkCamera* camera) {
  CameraState s;
  camera->GetFocalPoint(s.focal.data());
  s.scale = camera->GetParallelScale();
  return s;
}

}  // namespace

struct ContourScene::Impl {
  // The landscape (bands, isolines, arrows) is the backdrop; runs and everything placed in pixels
  // are in front.
  vtkNew<BackdropRenderer> backdrop;
  vtkRenderer* renderer = backdrop->front();  // the front layer
  LandscapeContent content;
  bool hasLandscape = false;
  double size = 1.0;  // max(box width, box height)

  vtkNew<vtkPolyDataMapper> landscapeMapper;
  vtkNew<vtkActor> landscapeActor;
  vtkNew<vtkContourFilter> isolines;
  vtkNew<vtkPolyDataMapper> isolineMapper;
  vtkNew<vtkActor> isolineActor;
  std::unique_ptr<GradientArrows> arrows;
  std::unique_ptr<CurvatureGlyphLayer> curvature;
  std::unique_ptr<UpdateArrowLayer> update;
  vtkNew<vtkTextActor> title;
  std::unique_ptr<FrameAxes> axes;
  std::unique_ptr<SceneOverlay> overlay;

  bool fitPending = true;
  std::optional<ViewBox> zoomBox;  // what a fit shows; none: the whole landscape
  CameraState fitted;
  // Window width, height, right column and bottom margin (the legend may move under the map).
  std::array<double, 4> fittedFrame{0, 0, 0, 0};

  void layout();
  std::array<double, 4> plotBox{};  // where layout() put the box
  // What lies outside the frame (the map and paths when zoomed in or panned, markers) is clipped
  // at it, so nothing runs under the title, the colour bar or the axis labels.
  FrameClip frameClip;
  void clipAtFrame(double w, double h);
  void updatePointMarkers() {
    const double z = kRunZ * size;
    overlay->placePointMarkers(content, hasLandscape, [z](double x, double y) {
      return std::array<double, 3>{x, y, z};
    });
  }
};

// Everything placed in pixels: margins around the box, the camera fit, colour bar, legend,
// title, tick positions and the screen-space markers. Runs before every render.
void ContourScene::Impl::layout() {
  const int* viewport = backdrop->GetSize();
  const double w = viewport[0], h = viewport[1];
  if (w < 2 || h < 2) return;
  const double s = dpiScale(backdrop);
  applyPaper(backdrop);
  const auto& g = content.grid;
  const double bw = g.xmax - g.xmin, bh = g.ymax - g.ymin;
  vtkCamera* camera = backdrop->GetActiveCamera();

  const auto legend = overlay->runs->legend().size();
  const double left = (axes->leftMargin() + 12.0) * s;
  const double top = (kSceneTitleSize * 1.6 + 14.0) * s;
  // The legend shares the right column with the colour bar when the map keeps most of the
  // width; in a tall view it goes under the map; otherwise it floats in the map's corner.
  // The column: 18 px from the box, its content, 8 px to the window's edge.
  const double wideColumn = (std::max(overlay->colorBar->width(), legend[0]) + 26.0) * s;
  const double narrowColumn = (overlay->colorBar->width() + 26.0) * s;
  const double belowHeight = (legend[1] + 12.0) * s;
  enum class LegendPlace { Column, Below, Inside };
  // The legend goes where the map stays largest: beside it (sharing the colour bar's column) or
  // under it; over the map's corner (where it hides paths) only when both would shrink the map
  // to less than 60% of its size.
  const double boxAspect = hasLandscape ? (g.ymax - g.ymin) / (g.xmax - g.xmin) : 1.0;
  const auto boxSide = [&](double rectW, double rectH) {
    return std::max(0.0, std::min(rectW, rectH / boxAspect));  // the box's width
  };
  const double baseBottom = (axes->bottomMargin() + 10.0) * s;
  const double insideBox = boxSide(w - left - narrowColumn, h - top - baseBottom);
  double columnBox = boxSide(w - left - wideColumn, h - top - baseBottom);
  // The column holds the colour bar (at least 80 px) above the legend: a legend taller than the
  // box allows does not fit there.
  if (columnBox * boxAspect < (legend[1] + 108.0) * s) columnBox = 0.0;
  const double belowBox = boxSide(w - left - narrowColumn, h - top - baseBottom - belowHeight);
  LegendPlace place = columnBox >= belowBox ? LegendPlace::Column : LegendPlace::Below;
  if (std::max(columnBox, belowBox) < 0.6 * insideBox) place = LegendPlace::Inside;
  const double bottom =
      (axes->bottomMargin() + 10.0) * s + (place == LegendPlace::Below ? belowHeight : 0.0);
  const double right = place == LegendPlace::Column ? wideColumn : narrowColumn;
  const double rectW = std::max(10.0, w - left - right), rectH = std::max(10.0, h - bottom - top);

  // Equal scales on x and y: the map keeps angles (gradients cross isolines at right angles).
  const double wpp = hasLandscape ? std::max(bw / rectW, bh / rectH) : 1.0;
  const double boxW = bw / wpp, boxH = bh / wpp;
  // The whole group (labels, box, colour bar, legend) is centred in the window.
  const double boxLeft = std::max(left, 0.5 * (w - boxW - left - right) + left);
  const double boxBottom = bottom + 0.5 * (rectH - boxH);
  plotBox = {boxLeft, boxBottom, boxW, boxH};

  if (hasLandscape) {
    // Refit when the window or the space around the box changed, unless the user moved the map.
    const std::array<double, 4> frameNow{w, h, right, bottom};
    const bool untouched = stateOf(camera) == fitted;
    if (fitPending || (frameNow != fittedFrame && untouched)) {
      // The zoom box (the whole landscape by default) fills the frame, centred.
      const ViewBox z = zoomBox.value_or(ViewBox{g.xmin, g.xmax, g.ymin, g.ymax});
      const double zwpp = std::max((z.xmax - z.xmin) / boxW, (z.ymax - z.ymin) / boxH);
      const double cx = 0.5 * (z.xmin + z.xmax), cy = 0.5 * (z.ymin + z.ymax);
      const double fx = cx - (boxLeft + 0.5 * boxW - 0.5 * w) * zwpp;
      const double fy = cy - (boxBottom + 0.5 * boxH - 0.5 * h) * zwpp;
      const double distance = 10.0 * size;
      camera->ParallelProjectionOn();
      camera->SetFocalPoint(fx, fy, 0.0);
      camera->SetPosition(fx, fy, distance);
      camera->SetViewUp(0.0, 1.0, 0.0);
      camera->SetParallelScale(0.5 * h * zwpp);
      camera->SetClippingRange(distance - 2.0 * size, distance + size);
      fitted = stateOf(camera);
      fittedFrame = frameNow;
      fitPending = false;
    }
  }

  // Right column: colour bar at the top of the box, legend at its bottom (or in the map).
  const double columnX = boxLeft + boxW + 18.0 * s;
  const double legendH = place == LegendPlace::Column ? legend[1] * s : 0.0;
  double barH = legendH > 0.0 ? boxH - legendH - 28.0 * s : boxH;
  barH = std::min(barH, 0.75 * boxH);
  if (barH < 80.0 * s) barH = std::min(boxH, 80.0 * s);
  overlay->colorBar->place(columnX, boxBottom + boxH - barH, barH, s);
  switch (place) {
    case LegendPlace::Column:
      overlay->runs->legend().place(columnX, boxBottom, s);
      break;
    case LegendPlace::Below:
      overlay->runs->legend().place(std::max(4.0 * s, boxLeft - 30.0 * s), 6.0 * s, s);
      break;
    case LegendPlace::Inside:
      overlay->runs->legend().place(std::max(boxLeft, boxLeft + boxW - (legend[0] + 8.0) * s),
                                    boxBottom + 8.0 * s, s);
      break;
  }

  placeTitle(title, boxLeft + 0.5 * boxW,
             std::min(h - 8.0 * s, boxBottom + boxH + (kSceneTitleSize * 1.5 + 8.0) * s), w, s);

  clipAtFrame(w, h);
  overlay->runs->setPixelScale(s);
  isolineActor->GetProperty()->SetLineWidth(static_cast<float>(s));
  const double currentWpp = 2.0 * camera->GetParallelScale() / h;
  axes->update(currentWpp, s);
  overlay->markers->update();
  curvature->update(s);
  update->update(s);
}

void ContourScene::Impl::clipAtFrame(double w, double h) {
  const auto rect = frameClip.update(backdrop, plotBox, w, h);
  overlay->markers->setClipRect(rect);
  overlay->runs->setClipping(frameClip.planes(), rect);
}

ContourScene::ContourScene() : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  vtkRenderer* ren = d.renderer;
  vtkRenderer* back = d.backdrop;
  // The GUI renders without multisampling: FXAA smooths the jagged edges of lines and bands.
  ren->UseFXAAOn();
  back->GetActiveCamera()->ParallelProjectionOn();

  d.landscapeMapper->InterpolateScalarsBeforeMappingOn();  // crisp band edges per pixel
  d.landscapeMapper->UseLookupTableScalarRangeOn();
  d.landscapeActor->SetMapper(d.landscapeMapper);
  d.landscapeActor->GetProperty()->LightingOff();
  d.landscapeActor->SetVisibility(0);
  back->AddActor(d.landscapeActor);

  addIsolines(back, d.isolines, d.isolineMapper, d.isolineActor, 0.35);
  // An empty input until the first landscape: a frame drawn before it (the window shows while a
  // slice is still being sampled) asks the pipeline for bounds.
  d.isolines->SetInputData(vtkNew<vtkPolyData>());

  d.arrows = std::make_unique<GradientArrows>(back);
  // Before the overlay: 2-D actors draw in the order they were added, and the point markers,
  // colour bar and legend go over the glyph.
  d.curvature = std::make_unique<CurvatureGlyphLayer>(ren);
  d.update = std::make_unique<UpdateArrowLayer>(ren);
  d.axes = std::make_unique<FrameAxes>(ren);
  d.overlay = std::make_unique<SceneOverlay>(ren);
  addTitle(ren, d.title);
  d.backdrop->setBeforeFrame([&d] { d.layout(); });
}

ContourScene::~ContourScene() {
  impl_->backdrop->setBeforeFrame(nullptr);
  // Layers remove their actors from the renderer: destroy them while it is alive.
  impl_->overlay.reset();
  impl_->axes.reset();
  impl_->arrows.reset();
  impl_->curvature.reset();
  impl_->update.reset();
}

std::array<double, 4> ContourScene::plotBox() const {
  return impl_->plotBox;
}

std::array<double, 4> ContourScene::titleBox() const {
  Impl& d = *impl_;
  if (!d.title->GetVisibility()) return {0.0, 0.0, 0.0, 0.0};
  // GetBoundingBox gives xmin, xmax, ymin, ymax relative to the actor's position.
  double b[4];
  d.title->GetBoundingBox(d.renderer, b);
  const double* p = d.title->GetPosition();
  return {p[0] + b[0], p[1] + b[2], b[1] - b[0], b[3] - b[2]};
}

std::vector<ExitIndicators::Label> ContourScene::exitLabels() const {
  return impl_->overlay->runs->exitLabels();
}

vtkRenderer* ContourScene::renderer() const {
  return impl_->backdrop;
}

void ContourScene::setLandscape(const LandscapeContent& content) {
  Impl& d = *impl_;
  const bool sameBox = d.hasLandscape && d.content.grid.xmin == content.grid.xmin &&
                       d.content.grid.xmax == content.grid.xmax &&
                       d.content.grid.ymin == content.grid.ymin &&
                       d.content.grid.ymax == content.grid.ymax;
  d.content = content;
  const LandscapeGrid& g = d.content.grid;
  d.hasLandscape = drawable(g);
  d.landscapeActor->SetVisibility(d.hasLandscape ? 1 : 0);
  d.isolineActor->SetVisibility(d.hasLandscape && d.content.style.isolines ? 1 : 0);
  d.axes->setVisible(d.hasLandscape);
  d.title->SetVisibility(d.hasLandscape ? 1 : 0);
  if (!d.hasLandscape) {
    d.curvature->setBox(std::nullopt, 0.0);
    d.update->setBox(std::nullopt, 0.0);
    d.overlay->colorBar->setTable(nullptr, "");
    d.arrows->setArrows({}, 0.0, 0.0, 0.0);
    d.updatePointMarkers();
    return;
  }
  d.size = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
  const ColorScale scale = d.content.style.scale;
  const int bands = std::clamp(d.content.style.bands, 2, 256);
  const HeightMap range = HeightMap::forGrid(g, scale, 0.0);

  auto mesh = makeLandscapeMesh(g, scale);
  auto table = makeViridisTable(range.low, range.high, bands);
  d.landscapeMapper->SetInputData(mesh);
  d.landscapeMapper->SetLookupTable(table);

  d.isolines->SetInputData(mesh);
  d.isolines->SetNumberOfContours(bands - 1);
  for (int k = 1; k < bands; ++k) {
    d.isolines->SetValue(k - 1, range.low + (range.high - range.low) * k / bands);
  }
  d.isolineActor->SetPosition(0.0, 0.0, kIsolineZ * d.size);

  d.overlay->colorBar->setTable(table, heightTitle(g, scale));
  d.title->SetInput(d.content.title.c_str());
  d.axes->setBox(g.xmin, g.xmax, g.ymin, g.ymax, kFrameZ * d.size);
  d.curvature->setBox(std::array<double, 4>{g.xmin, g.xmax, g.ymin, g.ymax}, kRunZ * d.size);
  d.update->setBox(std::array<double, 4>{g.xmin, g.xmax, g.ymin, g.ymax}, kRunZ * d.size);
  if (d.content.style.gradientArrows) {
    d.arrows->setArrows(d.content.arrows, kArrowZ * d.size, g.xmax - g.xmin, g.ymax - g.ymin);
  } else {
    d.arrows->setArrows({}, 0.0, 0.0, 0.0);
  }

  // Runs are clipped at the frame, as the landscape is.
  d.overlay->runs->setPlacement(boxPlacement(g, kRunZ * d.size));
  d.updatePointMarkers();
  if (!sameBox) {
    d.fitPending = true;
    d.zoomBox.reset();
  }
}

void ContourScene::setRuns(const std::vector<RunView>& runs) {
  impl_->overlay->runs->setRuns(runs);
}

void ContourScene::setStartPoint(double x, double y) {
  impl_->overlay->start = std::array<double, 2>{x, y};
  impl_->updatePointMarkers();
}

void ContourScene::setHighlight(std::optional<std::array<double, 2>> point) {
  impl_->overlay->highlight = point;
  impl_->updatePointMarkers();
}

std::optional<std::array<double, 2>> ContourScene::pick(double displayX, double displayY) {
  Impl& d = *impl_;
  if (!d.hasLandscape || d.backdrop->GetRenderWindow() == nullptr) return std::nullopt;
  d.backdrop->SetDisplayPoint(displayX, displayY, 0.0);
  d.backdrop->DisplayToWorld();
  const double* p = d.backdrop->GetWorldPoint();
  if (p[3] == 0.0) return std::nullopt;
  const double x = p[0] / p[3], y = p[1] / p[3];
  const auto& g = d.content.grid;
  if (!(x >= g.xmin && x <= g.xmax && y >= g.ymin && y <= g.ymax)) return std::nullopt;
  return std::array<double, 2>{x, y};
}

void ContourScene::setLegendVisible(bool visible) {
  impl_->overlay->runs->setLegendVisible(visible);
}

void ContourScene::setCurvatureGlyph(std::optional<CurvatureGlyph> glyph) {
  impl_->curvature->setGlyph(std::move(glyph));
}

const std::optional<CurvatureGlyph>& ContourScene::curvatureGlyph() const {
  return impl_->curvature->glyph();
}

void ContourScene::setCurvatureNote(std::string note) {
  impl_->curvature->setNote(std::move(note));
}

const std::vector<std::string>& ContourScene::curvatureLabels() const {
  return impl_->curvature->shownLabels();
}

void ContourScene::setUpdateArrows(std::optional<UpdateArrows> arrows) {
  impl_->update->setArrows(std::move(arrows));
}

const std::vector<UpdateArrowLabel>& ContourScene::updateArrowLabels() const {
  return impl_->update->shownLabels();
}

const std::optional<UpdateArrows>& ContourScene::updateArrows() const {
  return impl_->update->arrows();
}

void ContourScene::setAntialiasing(bool on) {
  impl_->renderer->SetUseFXAA(on);
}

void ContourScene::resetCamera() {
  impl_->fitPending = true;
  impl_->zoomBox.reset();
  // Fit now when the window size is known, so a pick before the next render sees the new view.
  if (impl_->backdrop->GetRenderWindow() != nullptr) impl_->layout();
}

std::optional<ViewBox> ContourScene::zoomBox() const {
  const Impl& d = *impl_;
  if (!d.hasLandscape) return std::nullopt;
  if (d.fitPending) return d.zoomBox;  // not laid out yet: what the next frame shows
  vtkCamera* camera = d.backdrop->GetActiveCamera();
  if (stateOf(camera) == d.fitted) return d.zoomBox;
  // The frame's pixels mapped back through the camera: pixel p is at focal + (p - w/2) wpp.
  const int* viewport = d.backdrop->GetSize();
  const double w = viewport[0], h = viewport[1];
  if (w < 2 || h < 2 || d.plotBox[2] <= 0.0 || d.plotBox[3] <= 0.0) return d.zoomBox;
  const double wpp = 2.0 * camera->GetParallelScale() / h;
  const double* focal = camera->GetFocalPoint();
  ViewBox box;
  box.xmin = focal[0] + (d.plotBox[0] - 0.5 * w) * wpp;
  box.xmax = box.xmin + d.plotBox[2] * wpp;
  box.ymin = focal[1] + (d.plotBox[1] - 0.5 * h) * wpp;
  box.ymax = box.ymin + d.plotBox[3] * wpp;
  return box;
}

void ContourScene::setZoomBox(std::optional<ViewBox> box) {
  impl_->zoomBox = box;
  impl_->fitPending = true;
  if (impl_->backdrop->GetRenderWindow() != nullptr) impl_->layout();
}

}  // namespace gradscape::plots
