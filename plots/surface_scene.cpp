#include "plots/surface_scene.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellPicker.h>
#include <vtkContourFilter.h>
#include <vtkCubeAxesActor.h>
#include <vtkLightKit.h>
#include <vtkLookupTable.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "plots/backdrop_renderer.h"
#include "plots/colormap.h"
#include "plots/height_map.h"
#include "plots/landscape_mesh.h"
#include "plots/scene_overlay.h"
#include "plots/scene_theme.h"
#include "plots/surface_axes.h"
#include "plots/text_style.h"

namespace gradscape::plots {

namespace {

constexpr double kHeightRatio = 0.5;  // height of the surface / larger side of the box
constexpr double kRunLift = 0.006;    // runs float this fraction of the height above it

}  // namespace

struct SurfaceScene::Impl {
  // The backdrop holds the surface, its isolines and the axes box; runs, markers and everything
  // placed in pixels are in front.
  vtkNew<BackdropRenderer> renderer;
  vtkRenderer* front = renderer->front();
  LandscapeContent content;
  bool hasLandscape = false;
  HeightMap height;
  std::array<double, 6> bounds{0, 1, 0, 1, 0, 1};

  vtkNew<vtkPolyDataNormals> normals;
  vtkNew<vtkPolyDataMapper> surfaceMapper;
  vtkNew<vtkActor> surfaceActor;
  vtkNew<vtkContourFilter> isolines;
  vtkNew<vtkPolyDataMapper> isolineMapper;
  vtkNew<vtkActor> isolineActor;
  vtkNew<SurfaceAxes> axes;
  vtkNew<vtkTextActor> title;
  vtkNew<vtkCellPicker> picker;
  std::unique_ptr<SceneOverlay> overlay;

  bool fitPending = true;
  // The camera a fit left and the viewport size it was made for: a resize refits the view
  // unless the user has moved the camera since.
  std::array<double, 11> fitted{};
  std::array<int, 2> fittedSize{0, 0};
  std::array<double, 11> cameraState() const {
    vtkCamera* c = renderer->GetActiveCamera();
    std::array<double, 11> s{};
    c->GetPosition(s.data());
    c->GetFocalPoint(s.data() + 3);
    c->GetViewUp(s.data() + 6);
    s[9] = c->GetViewAngle();
    s[10] = c->GetWindowCenter()[0];
    return s;
  }

  double rightColumn() const {
    const double column = std::max(overlay->colorBar->width(), overlay->runs->legend().size()[0]);
    return column > 0.0 ? column + 36.0 : 0.0;
  }
  bool colorBarVisible = true;
  bool colorBarChanged = false;  // refit: the surface gains or loses the bar's room
  // Height of the surface at (x, y): bilinear in the grid cell, its NaN corners left out of the
  // weights.
  double surfaceAt(double x, double y) const;
  // Orients the camera and fits the box (with its axes) into the viewport rectangle `rect`.
  void fit(const std::array<double, 4>& rect);
  std::array<double, 4> projectedBounds();
  void layout();
  void updatePointMarkers() {
    const double lift = kRunLift * (bounds[5] - bounds[4]);
    overlay->placePointMarkers(content, hasLandscape, [&](double x, double y) {
      return std::array<double, 3>{x, y, surfaceAt(x, y) + lift};
    });
  }
};

double SurfaceScene::Impl::surfaceAt(double x, double y) const {
  const LandscapeGrid& g = content.grid;
  if (!hasLandscape) return 0.0;
  const double u = std::clamp((x - g.xmin) / (g.xmax - g.xmin) * (g.nx - 1), 0.0, g.nx - 1.0);
  const double v = std::clamp((y - g.ymin) / (g.ymax - g.ymin) * (g.ny - 1), 0.0, g.ny - 1.0);
  if (!std::isfinite(u) || !std::isfinite(v)) return 0.0;
  const int i = std::min(static_cast<int>(u), g.nx - 2),
            j = std::min(static_cast<int>(v), g.ny - 2);
  const double fu = u - i, fv = v - j;
  const std::array<double, 4> weights{(1 - fu) * (1 - fv), fu * (1 - fv), (1 - fu) * fv, fu * fv};
  const std::array<double, 4> values{g.at(i, j), g.at(i + 1, j), g.at(i, j + 1),
                                     g.at(i + 1, j + 1)};
  double sum = 0.0, weight = 0.0;
  for (size_t k = 0; k < 4; ++k) {
    if (std::isfinite(values[k])) {
      sum += weights[k] * height(values[k]);
      weight += weights[k];
    }
  }
  if (weight > 0.0) return sum / weight;
  return 0.0;
}

std::array<double, 4> SurfaceScene::Impl::projectedBounds() {
  std::array<double, 4> box{1e300, -1e300, 1e300, -1e300};
  for (int corner = 0; corner < 8; ++corner) {
    renderer->SetWorldPoint(bounds[corner & 1], bounds[2 + ((corner >> 1) & 1)],
                            bounds[4 + ((corner >> 2) & 1)], 1.0);
    renderer->WorldToDisplay();
    const double* d = renderer->GetDisplayPoint();
    box = {std::min(box[0], d[0]), std::max(box[1], d[0]), std::min(box[2], d[1]),
           std::max(box[3], d[1])};
  }
  return box;
}

void SurfaceScene::Impl::fit(const std::array<double, 4>& rect) {
  vtkCamera* camera = renderer->GetActiveCamera();
  const double cx = 0.5 * (bounds[0] + bounds[1]), cy = 0.5 * (bounds[2] + bounds[3]);
  const double cz = 0.5 * (bounds[4] + bounds[5]);
  camera->ParallelProjectionOff();
  camera->SetViewAngle(30.0);
  camera->SetWindowCenter(0.0, 0.0);
  camera->SetFocalPoint(cx, cy, cz);
  camera->SetPosition(cx, cy - 1.0, cz);
  camera->SetViewUp(0.0, 0.0, 1.0);
  camera->Azimuth(-35.0);
  camera->Elevation(35.0);
  camera->OrthogonalizeViewUp();
  renderer->ResetCamera(bounds.data());
  // Zoom (a change of view angle) scales the picture about the window centre and the window
  // centre shifts it: a few rounds put the projected box exactly into `rect`.
  const int* size = renderer->GetSize();
  const int* origin = renderer->GetOrigin();
  const double rx0 = origin[0] + rect[0], rx1 = origin[0] + rect[1];
  const double ry0 = origin[1] + rect[2], ry1 = origin[1] + rect[3];
  for (int round = 0; round < 4; ++round) {
    auto b = projectedBounds();
    const double k = std::min((rx1 - rx0) / (b[1] - b[0]), (ry1 - ry0) / (b[3] - b[2]));
    if (std::isfinite(k) && k > 0.0) camera->Zoom(k);
    b = projectedBounds();
    const double dx = 0.5 * (rx0 + rx1) - 0.5 * (b[0] + b[1]);
    const double dy = 0.5 * (ry0 + ry1) - 0.5 * (b[2] + b[3]);
    const double* wc = camera->GetWindowCenter();
    camera->SetWindowCenter(wc[0] - 2.0 * dx / size[0], wc[1] - 2.0 * dy / size[1]);
  }
  renderer->ResetCameraClippingRange();
  fitPending = false;
  fitted = cameraState();
  fittedSize = {size[0], size[1]};
}

void SurfaceScene::Impl::layout() {
  const int* viewport = renderer->GetSize();
  const double w = viewport[0], h = viewport[1];
  if (w < 2 || h < 2) return;
  const double s = dpiScale(renderer);
  applySurfaceBackground(renderer);
  applyCubeAxesColors(axes);
  const double right = rightColumn() * s;
  const double top = (kSceneTitleSize * 1.6 + 18.0) * s;
  const double bottom = 24.0 * s;
  // Room for the axis labels and titles around the box's corners. A small view (the surface
  // beside the map on a 1024-pixel projector) leaves the tick labels out, which only ran into
  // each other there, and gives the surface the margins they took; the axis titles stay.
  const bool roomy = w >= 420.0 * s && h >= 300.0 * s;
  axes->SetXAxisLabelVisibility(roomy ? 1 : 0);
  axes->SetYAxisLabelVisibility(roomy ? 1 : 0);
  const double margin = roomy ? 1.0 : 0.45;
  const std::array<double, 4> plot{70.0 * s * margin, w - right - 80.0 * s * margin,
                                   60.0 * s * margin, h - top - 10.0 * s};
  const bool resized =
      viewport[0] != fittedSize[0] || viewport[1] != fittedSize[1] || colorBarChanged;
  colorBarChanged = false;
  if (resized && cameraState() == fitted) fitPending = true;
  if (hasLandscape && fitPending && plot[1] > plot[0] + 10 && plot[3] > plot[2] + 10) fit(plot);
  overlay->runs->setPixelScale(s);
  isolineActor->GetProperty()->SetLineWidth(static_cast<float>(s));

  const auto legend = overlay->runs->legend().size();
  const double columnX = w - right + 10.0 * s;
  const double available = h - top - bottom;
  const double legendH = legend[1] * s;
  double barH = std::min(0.55 * available, available - legendH - 28.0 * s);
  barH = std::max(barH, std::min(available, 80.0 * s));
  overlay->colorBar->place(columnX, h - top - barH, barH, s);
  overlay->runs->legend().place(columnX, bottom, s);
  placeTitle(title, 0.5 * (w - right), h - 10.0 * s, w, s);
  overlay->markers->update();
}

SurfaceScene::SurfaceScene() : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  vtkRenderer* ren = d.renderer;
  ren->GradientBackgroundOn();
  // The GUI renders without multisampling: FXAA smooths the jagged edges of lines and bands.
  d.front->UseFXAAOn();
  applySurfaceBackground(ren);
  vtkNew<vtkLightKit> lights;
  lights->SetKeyLightIntensity(0.85);
  lights->AddLightsToRenderer(ren);

  d.normals->ComputePointNormalsOn();
  d.normals->ComputeCellNormalsOff();
  d.normals->SplittingOff();
  // An empty input until the first landscape (a frame may be drawn before it).
  d.normals->SetInputData(vtkNew<vtkPolyData>());
  d.normals->ConsistencyOff();  // the mesh is a height field: every triangle faces up already
  d.surfaceMapper->SetInputConnection(d.normals->GetOutputPort());
  d.surfaceMapper->InterpolateScalarsBeforeMappingOn();
  d.surfaceMapper->UseLookupTableScalarRangeOn();
  d.surfaceActor->SetMapper(d.surfaceMapper);
  vtkProperty* look = d.surfaceActor->GetProperty();
  look->SetInterpolationToPhong();
  look->SetAmbient(0.18);
  look->SetDiffuse(0.82);
  look->SetSpecular(0.25);
  look->SetSpecularPower(30.0);
  d.surfaceActor->SetVisibility(0);
  ren->AddActor(d.surfaceActor);

  d.isolines->SetInputConnection(d.normals->GetOutputPort());
  addIsolines(ren, d.isolines, d.isolineMapper, d.isolineActor, 0.3);

  d.axes->SetCamera(ren->GetActiveCamera());
  d.axes->SetFlyModeToOuterEdges();
  d.axes->SetGridLineLocation(vtkCubeAxesActor::VTK_GRID_LINES_FURTHEST);
  d.axes->SetTickLocationToOutside();
  d.axes->XAxisMinorTickVisibilityOff();
  d.axes->YAxisMinorTickVisibilityOff();
  d.axes->ZAxisMinorTickVisibilityOff();
  d.axes->SetScreenSize(11.0);
  d.axes->SetLabelOffset(14.0);
  d.axes->SetTitleOffset(34.0);  // clear of the middle tick label, which sits under the title
  for (int i = 0; i < 3; ++i) {
    styleText(d.axes->GetTitleTextProperty(i), 14);
    d.axes->GetTitleTextProperty(i)->ItalicOn();
    styleText(d.axes->GetLabelTextProperty(i), 12);
  }
  // Light grid lines on the three far faces of the box (the "panes" of matplotlib's 3-D axes)
  // give the eye the depth cues a lone surface lacks.
  d.axes->DrawXGridlinesOn();
  d.axes->DrawYGridlinesOn();
  d.axes->DrawZGridlinesOn();
  d.axes->SetXTitle("x");
  d.axes->SetYTitle("y");
  // The height is read off the colour bar beside the surface (same colours, same scale): the
  // short vertical edge of the box has no room for its own labels, which only overlapped.
  d.axes->ZAxisLabelVisibilityOff();
  d.axes->SetZTitle("");
  d.axes->SetVisibility(0);
  d.axes->PickableOff();
  ren->AddActor(d.axes);

  d.overlay = std::make_unique<SceneOverlay>(d.front);
  d.overlay->runs->setExitLabelsVisible(false);  // arrows only: the map beside it has the labels
  addTitle(d.front, d.title);

  d.picker->PickFromListOn();
  d.picker->AddPickList(d.surfaceActor);
  d.picker->SetTolerance(0.0005);

  d.renderer->setBeforeFrame([&d] { d.layout(); });
}

SurfaceScene::~SurfaceScene() {
  impl_->renderer->setBeforeFrame(nullptr);
  // Layers remove their actors from the renderer: destroy them while it is alive.
  impl_->overlay.reset();
}

std::vector<std::array<double, 4>> SurfaceScene::tickLabelBoxes(int axis, int edge) const {
  return impl_->axes->tickLabelBoxes(axis, edge, renderer());
}

vtkRenderer* SurfaceScene::renderer() const {
  return impl_->renderer;
}

void SurfaceScene::setLandscape(const LandscapeContent& content) {
  Impl& d = *impl_;
  const std::array<double, 6> oldBounds = d.bounds;
  const bool had = d.hasLandscape;
  d.content = content;
  const LandscapeGrid& g = d.content.grid;
  d.hasLandscape = drawable(g);
  d.surfaceActor->SetVisibility(d.hasLandscape ? 1 : 0);
  d.isolineActor->SetVisibility(d.hasLandscape && d.content.style.isolines ? 1 : 0);
  d.axes->SetVisibility(d.hasLandscape ? 1 : 0);
  d.title->SetVisibility(d.hasLandscape ? 1 : 0);
  if (!d.hasLandscape) {
    d.overlay->colorBar->setTable(nullptr, "");
    d.updatePointMarkers();
    return;
  }
  const double size = std::max(g.xmax - g.xmin, g.ymax - g.ymin);
  const double top = kHeightRatio * size;
  const ColorScale scale = d.content.style.scale;
  const int bands = std::clamp(d.content.style.bands, 2, 256);
  d.height = HeightMap::forGrid(g, scale, top);
  d.bounds = {g.xmin, g.xmax, g.ymin, g.ymax, 0.0, top};

  d.normals->SetInputData(makeLandscapeMesh(g, scale, &d.height));
  auto table = makeViridisTable(d.height.low, d.height.high, bands);
  d.surfaceMapper->SetLookupTable(table);
  d.isolines->SetNumberOfContours(bands - 1);
  for (int k = 1; k < bands; ++k) {
    d.isolines->SetValue(k - 1, d.height.low + (d.height.high - d.height.low) * k / bands);
  }
  // Isolines float a little above the faces they cut, so the depth test never hides them.
  d.isolineActor->SetPosition(0.0, 0.0, 0.002 * top);
  d.overlay->colorBar->setTable(d.colorBarVisible ? table.GetPointer() : nullptr,
                                heightTitle(g, scale));
  d.title->SetInput(d.content.title.c_str());

  // The floor of the axes box sits a little below the surface's lowest point, so its grid
  // lines do not show through the surface there.
  const double floor = -0.02 * top;
  const std::array<double, 6> axesBounds{g.xmin, g.xmax, g.ymin, g.ymax, floor, top};
  d.axes->SetBounds(axesBounds.data());
  d.axes->SetXAxisRange(g.xmin, g.xmax);
  d.axes->SetYAxisRange(g.ymin, g.ymax);
  d.axes->setEvenLabels(g.xmin, g.xmax, g.ymin, g.ymax);
  d.axes->SetZAxisRange(d.height.low - 0.02 * (d.height.high - d.height.low), d.height.high);

  RunPlacement placement = boxPlacement(g, kRunLift * top);
  placement.surface = d.height;
  d.overlay->runs->setPlacement(placement);
  d.updatePointMarkers();
  if (!had || oldBounds != d.bounds) d.fitPending = true;
}

void SurfaceScene::setRuns(const std::vector<RunView>& runs) {
  impl_->overlay->runs->setRuns(runs);
}

void SurfaceScene::setStartPoint(double x, double y) {
  impl_->overlay->start = std::array<double, 2>{x, y};
  impl_->updatePointMarkers();
}

void SurfaceScene::setHighlight(std::optional<std::array<double, 2>> point) {
  impl_->overlay->highlight = point;
  impl_->updatePointMarkers();
}

std::optional<std::array<double, 2>> SurfaceScene::pick(double displayX, double displayY) {
  Impl& d = *impl_;
  if (!d.hasLandscape || d.renderer->GetRenderWindow() == nullptr) return std::nullopt;
  if (d.picker->Pick(displayX, displayY, 0.0, d.renderer) == 0) return std::nullopt;
  double p[3];
  d.picker->GetPickPosition(p);
  return std::array<double, 2>{p[0], p[1]};
}

void SurfaceScene::setColorBarVisible(bool visible) {
  if (impl_->colorBarVisible == visible) return;
  impl_->colorBarVisible = visible;
  impl_->colorBarChanged = true;
  if (impl_->hasLandscape) setLandscape(LandscapeContent(impl_->content));
}

void SurfaceScene::setLegendVisible(bool visible) {
  impl_->overlay->runs->setLegendVisible(visible);
}

void SurfaceScene::setAntialiasing(bool on) {
  impl_->front->SetUseFXAA(on);
}

void SurfaceScene::resetCamera() {
  impl_->fitPending = true;
  if (impl_->renderer->GetRenderWindow() != nullptr) impl_->layout();
}

std::optional<ViewCamera> SurfaceScene::camera() const {
  const Impl& d = *impl_;
  if (!d.hasLandscape || d.fitPending || d.cameraState() == d.fitted) {
    return std::nullopt;
  }
  vtkCamera* c = d.renderer->GetActiveCamera();
  ViewCamera out;
  c->GetPosition(out.position.data());
  c->GetFocalPoint(out.focalPoint.data());
  c->GetViewUp(out.viewUp.data());
  out.viewAngle = c->GetViewAngle();
  out.windowCenter = {c->GetWindowCenter()[0], c->GetWindowCenter()[1]};
  return out;
}

void SurfaceScene::setCamera(const ViewCamera& camera) {
  Impl& d = *impl_;
  vtkCamera* c = d.renderer->GetActiveCamera();
  c->ParallelProjectionOff();
  c->SetPosition(camera.position.data());
  c->SetFocalPoint(camera.focalPoint.data());
  c->SetViewUp(camera.viewUp.data());
  c->SetViewAngle(camera.viewAngle);
  c->SetWindowCenter(camera.windowCenter[0], camera.windowCenter[1]);
  c->OrthogonalizeViewUp();
  d.renderer->ResetCameraClippingRange(d.bounds.data());
  // Kept as it is: no fit replaces it, not even after a resize.
  d.fitPending = false;
}

}  // namespace gradscape::plots
