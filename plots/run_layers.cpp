#include "plots/run_layers.h"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkFloatArray.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkPlaneCollection.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkShaderProperty.h>
#include <vtkTypeInt64Array.h>
#include <vtkUnsignedCharArray.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "plots/exit_indicators.h"
#include "plots/path_density.h"
#include "plots/run_markers.h"

namespace gradscape::plots {

namespace {

constexpr Rgb kDark{0.08, 0.08, 0.08};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Dots are left out when more would be drawn (a dense path gets none anyway).
constexpr size_t kDotLimit = 4000;
// Consecutive iterates closer than this on screen (device pixels) are drawn as one vertex: every
// dropped iterate lies within this distance of a drawn one, far below the 2.5 px line width, and a
// run of 10^5 steps (mostly sub-pixel steps) costs a software renderer a few thousand segments
// instead of 10^5 wide-line quads per layer.
constexpr double kVertexSpacing = 0.25;

}  // namespace

struct RunLayers::Impl {
  vtkRenderer* renderer = nullptr;
  MarkerOverlay* markers = nullptr;
  RunPlacement placement;
  std::vector<StoredRun> runs;  // the visible ones, in order

  // Polyline buffers; the VTK arrays below point into them (no copy at 60 Hz). Point k of the
  // polylines is always vertex k: the connectivity is the identity, grown, never rewritten.
  Polylines polylines;
  std::vector<vtkTypeInt64> connectivity;

  vtkNew<vtkFloatArray> xyzArray;
  vtkNew<vtkTypeInt64Array> offsetArray, connectivityArray;
  vtkNew<vtkPolyData> lines;
  vtkNew<vtkPolyDataMapper> lineMapper, haloMapper, ghostMapper;
  vtkNew<vtkActor> lineActor, haloActor, ghostActor;

  std::unique_ptr<LegendBox> legend;
  std::unique_ptr<ExitIndicators> exits;
  bool legendVisible = true;

  // World distance below which consecutive vertices are merged (0: none), as last built, and the
  // observer that adapts it to the camera before every render.
  double spacing = 0.0;
  vtkNew<vtkCallbackCommand> beforeRender;
  double wantedSpacing();
  void adaptSpacing();

  // The line width, halo and dots follow how crowded the runs are on screen (path_density.h):
  // recomputed before a render when the camera, the view's size or the runs changed.
  PathStyle style;
  std::vector<PathGaps> gaps;  // each run's, pixels at 72 dpi
  double pixelScale = 1.0;
  vtkMTimeType runsVersion = 0;
  std::array<vtkMTimeType, 4> styleStamp{};
  vtkNew<vtkMatrix4x4> projection;           // world -> clip coordinates, as last computed
  std::array<double, 2> viewSize{0.0, 0.0};  // the renderer's size then (GetSize() is not cheap)
  void adaptStyle();
  void applyWidths();
  std::array<double, 2> toDisplay(const std::array<double, 3>& p) const;

  void rebuildLines();
  void rebuildMarkers();
  void rebuildLegend();
};

void RunLayers::Impl::rebuildLines() {
  buildPolylines(runs, placement, spacing, polylines);
  const size_t count = polylines.count;
  for (size_t k = connectivity.size(); k < std::max<size_t>(count, 1); ++k) {
    connectivity.push_back(static_cast<vtkTypeInt64>(k));
  }
  std::vector<vtkTypeInt64>& offsets = polylines.offsets;
  const std::vector<unsigned char>& cellRgb = polylines.cellRgb;
  xyzArray->SetNumberOfComponents(3);
  xyzArray->SetArray(polylines.xyz.data(), 3 * static_cast<vtkIdType>(count), 1);
  offsetArray->SetArray(offsets.data(), static_cast<vtkIdType>(offsets.size()), 1);
  connectivityArray->SetArray(connectivity.data(), static_cast<vtkIdType>(count), 1);
  vtkNew<vtkPoints> points;
  points->SetData(xyzArray);
  vtkNew<vtkCellArray> cells;
  cells->SetData(offsetArray, connectivityArray);
  vtkNew<vtkUnsignedCharArray> colors;
  colors->SetNumberOfComponents(3);
  colors->SetNumberOfTuples(static_cast<vtkIdType>(cellRgb.size() / 3));
  std::copy(cellRgb.begin(), cellRgb.end(),
            colors->WritePointer(0, static_cast<vtkIdType>(cellRgb.size())));
  lines->SetPoints(points);
  lines->SetLines(cells);
  lines->GetCellData()->SetScalars(colors);
  xyzArray->Modified();
  lines->Modified();
}

double RunLayers::Impl::wantedSpacing() {
  const int* size = renderer->GetSize();
  if (size[1] < 2 || lines->GetNumberOfPoints() == 0) return 0.0;
  vtkCamera* camera = renderer->GetActiveCamera();
  double pixel = 0.0;  // world length of a device pixel at the nearest run vertex
  if (camera->GetParallelProjection()) {
    pixel = 2.0 * camera->GetParallelScale() / size[1];
  } else {
    // Perspective: a pixel is smallest where the runs come nearest to the camera; their bounding
    // box gives a lower bound on that distance (0 with the camera inside: no merging).
    double b[6];
    lines->GetBounds(b);
    const double* eye = camera->GetPosition();
    double d2 = 0.0;
    for (size_t k = 0; k < 3; ++k) {
      const double gap = std::max({b[2 * k] - eye[k], 0.0, eye[k] - b[2 * k + 1]});
      d2 += gap * gap;
    }
    const double halfAngle = 0.5 * camera->GetViewAngle() * std::numbers::pi / 180.0;
    pixel = 2.0 * std::sqrt(d2) * std::tan(halfAngle) / size[1];
  }
  return std::isfinite(pixel) && pixel > 0.0 ? kVertexSpacing * pixel : 0.0;
}

void RunLayers::Impl::adaptSpacing() {
  const double want = wantedSpacing();
  // Rebuilt when zooming in made the merging coarser than 1.5x what is wanted, or zooming out
  // allows twice as much; in between the picture is the same to a fraction of a pixel.
  if (want == spacing) return;
  if (want > 0.0 && spacing > 0.0 && spacing <= 1.5 * want && 2.0 * spacing >= want) return;
  spacing = want;
  rebuildLines();
}

void RunLayers::Impl::rebuildMarkers() {
  const int* size = renderer->GetSize();
  const double w = size[0], h = size[1];
  std::vector<double> diameters(runs.size(), 0.0);
  for (size_t i = 0; i < runs.size() && i < gaps.size(); ++i)
    diameters[i] = pathStyle(gaps[i].crowding, gaps[i].step).dot;
  std::vector<Marker> out = iterateDots(
      runs, placement, diameters,
      [&](const std::array<double, 3>& p) {
        const auto d = toDisplay(p);
        return d[0] >= 0.0 && d[0] < w && d[1] >= 0.0 && d[1] < h;
      },
      kDotLimit);
  exits->update(
      runs, placement, [this](const std::array<double, 3>& p) { return toDisplay(p); }, pixelScale,
      out);
  std::vector<Marker> ends = runEndMarkers(runs, placement);
  out.insert(out.end(), ends.begin(), ends.end());
  markers->setMarkers(MarkerLayer::Runs, std::move(out));
}

void RunLayers::Impl::adaptStyle() {
  const int* size = renderer->GetSize();
  vtkCamera* camera = renderer->GetActiveCamera();
  const std::array<vtkMTimeType, 4> stamp{camera->GetMTime(), static_cast<vtkMTimeType>(size[0]),
                                          static_cast<vtkMTimeType>(size[1]), runsVersion};
  if (stamp == styleStamp) return;
  styleStamp = stamp;
  if (size[0] < 2 || size[1] < 2) return;
  projection->DeepCopy(
      camera->GetCompositeProjectionTransformMatrix(renderer->GetTiledAspectRatio(), -1.0, 1.0));
  viewSize = {static_cast<double>(size[0]), static_cast<double>(size[1])};
  gaps.assign(runs.size(),
              {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()});
  double densest = std::numeric_limits<double>::infinity();
  std::vector<std::array<double, 2>> pixels;
  for (size_t i = 0; i < runs.size(); ++i) {
    const StoredRun& run = runs[i];
    pixels.resize(run.x.size());
    for (size_t k = 0; k < run.x.size(); ++k) {
      const bool ok = placeable(placement, run.x[k], run.y[k], run.f[k]) &&
                      placement.contains(run.x[k], run.y[k]);
      pixels[k] = ok ? toDisplay(placeIterate(placement, run.x[k], run.y[k], run.f[k]))
                     : std::array<double, 2>{kNaN, kNaN};
    }
    const PathGaps g = pathGaps(pixels, size[0], size[1]);
    gaps[i] = {g.crowding / pixelScale, g.step / pixelScale};
    densest = std::min(densest, gaps[i].crowding);
  }
  // One width for all runs (one line actor): the most crowded run's.
  style = pathStyle(densest, std::numeric_limits<double>::infinity());
  applyWidths();
  rebuildMarkers();
  markers->update();
}

std::array<double, 2> RunLayers::Impl::toDisplay(const std::array<double, 3>& p) const {
  const double in[4] = {p[0], p[1], p[2], 1.0};
  double out[4];
  projection->MultiplyPoint(in, out);
  if (!(out[3] > 0.0)) return {kNaN, kNaN};
  return {(out[0] / out[3] + 1.0) * 0.5 * viewSize[0], (out[1] / out[3] + 1.0) * 0.5 * viewSize[1]};
}

void RunLayers::Impl::applyWidths() {
  const auto line = static_cast<float>(style.line * pixelScale);
  lineActor->GetProperty()->SetLineWidth(line);
  ghostActor->GetProperty()->SetLineWidth(line);
  haloActor->GetProperty()->SetLineWidth(static_cast<float>(style.halo * pixelScale));
  haloActor->SetVisibility(style.halo > style.line ? 1 : 0);
}

void RunLayers::Impl::rebuildLegend() {
  std::vector<std::pair<std::string, Rgb>> entries;
  if (legendVisible) {
    for (const auto& run : runs)
      entries.emplace_back(run.label.empty() ? "run" : run.label, run.color);
  }
  legend->setEntries(entries);
}

RunLayers::RunLayers(vtkRenderer* renderer, MarkerOverlay& markers)
    : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.renderer = renderer;
  d.markers = &markers;

  d.lineMapper->SetInputData(d.lines);
  d.lineMapper->SetScalarModeToUseCellData();
  d.lineMapper->SetColorModeToDirectScalars();
  d.lineActor->SetMapper(d.lineMapper);
  d.lineActor->GetProperty()->SetLighting(false);
  d.lineActor->PickableOff();

  d.haloMapper->SetInputData(d.lines);
  d.haloMapper->ScalarVisibilityOff();
  d.haloActor->SetMapper(d.haloMapper);
  d.haloActor->GetProperty()->SetColor(kDark.r, kDark.g, kDark.b);
  d.haloActor->GetProperty()->SetLighting(false);
  d.haloActor->PickableOff();
  // On a surface, paths behind a hill still show, faintly: the ghost copy passes every depth
  // test (its fragments are placed at the near plane).
  d.ghostMapper->SetInputData(d.lines);
  d.ghostMapper->SetScalarModeToUseCellData();
  d.ghostMapper->SetColorModeToDirectScalars();
  d.ghostActor->SetMapper(d.ghostMapper);
  d.applyWidths();
  d.ghostActor->GetProperty()->SetOpacity(0.35);
  d.ghostActor->GetProperty()->SetLighting(false);
  d.ghostActor->GetShaderProperty()->AddFragmentShaderReplacement("//VTK::Depth::Impl", true,
                                                                  "gl_FragDepth = 0.0;\n", false);
  d.ghostActor->PickableOff();
  d.ghostActor->SetVisibility(0);
  // Drawn in the opaque pass, still blended (VTK leaves blending on), rather than in the
  // translucent pass, whose order-independent compositing costs a software GL several passes
  // over the view in every frame. Added last, it draws after every other 3-D prop of the layer,
  // so the depth it writes hides nothing.
  d.ghostActor->ForceOpaqueOn();

  // Both opaque; the halo is moved slightly back (setPlacement), so every run's colour lies on
  // top of every halo.
  renderer->AddActor(d.haloActor);
  renderer->AddActor(d.lineActor);
  renderer->AddActor(d.ghostActor);

  d.legend = std::make_unique<LegendBox>(renderer);
  d.exits = std::make_unique<ExitIndicators>(renderer);

  // After the scene's own StartEvent observers (priority 0), which may move the camera.
  d.beforeRender->SetClientData(&d);
  d.beforeRender->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
    static_cast<Impl*>(self)->adaptSpacing();
    static_cast<Impl*>(self)->adaptStyle();
  });
  renderer->AddObserver(vtkCommand::StartEvent, d.beforeRender, -1.0f);
}

RunLayers::~RunLayers() {
  impl_->renderer->RemoveObserver(impl_->beforeRender);
  impl_->renderer->RemoveActor(impl_->lineActor);
  impl_->renderer->RemoveActor(impl_->haloActor);
  impl_->renderer->RemoveActor(impl_->ghostActor);
  impl_->legend.reset();
  impl_->exits.reset();
  // The arrays point into this object's buffers: detach them before the buffers go.
  impl_->lines->Initialize();
}

void RunLayers::setPlacement(const RunPlacement& placement) {
  impl_->placement = placement;
  impl_->ghostActor->SetVisibility(placement.surface ? 1 : 0);
  // The halo sits half the lift below its line: the colour is in front by geometry, not by
  // winning a depth tie (which a GL_LESS depth test left by the GUI toolkit would lose).
  impl_->haloActor->SetPosition(0.0, 0.0, -0.5 * placement.lift);
  ++impl_->runsVersion;
  impl_->rebuildLines();
  impl_->rebuildMarkers();
}

void RunLayers::setRuns(const std::vector<RunView>& runs) {
  Impl& d = *impl_;
  size_t visible = 0;
  for (const auto& view : runs) visible += view.visible ? 1 : 0;
  d.runs.resize(visible);
  size_t i = 0;
  for (const auto& view : runs) {
    if (!view.visible) continue;
    StoredRun& run = d.runs[i++];
    run.label = view.label;
    run.color = view.color;
    run.diverged = view.diverged;
    run.finished = view.finished;
    const size_t n = std::min({view.x.size(), view.y.size()});
    run.iteration.assign(
        view.iteration.begin(),
        view.iteration.begin() + static_cast<std::ptrdiff_t>(std::min(n, view.iteration.size())));
    run.x.assign(view.x.begin(), view.x.begin() + static_cast<std::ptrdiff_t>(n));
    run.y.assign(view.y.begin(), view.y.begin() + static_cast<std::ptrdiff_t>(n));
    run.f.resize(n);
    for (size_t k = 0; k < n; ++k) {
      run.f[k] = k < view.loss.size() ? static_cast<float>(view.loss[k])
                                      : std::numeric_limits<float>::quiet_NaN();
    }
  }
  ++d.runsVersion;
  d.rebuildLines();
  d.rebuildMarkers();
  d.rebuildLegend();
}

void RunLayers::setPixelScale(double scale) {
  Impl& d = *impl_;
  if (d.pixelScale == scale) return;
  d.pixelScale = scale;
  d.styleStamp = {};  // the gaps are measured in pixels at 72 dpi
  d.applyWidths();
}

std::optional<std::array<double, 3>> RunLayers::place(double x, double y, double f) const {
  if (!placeable(impl_->placement, x, y, f)) return std::nullopt;
  return placeIterate(impl_->placement, x, y, f);
}

void RunLayers::setLegendVisible(bool visible) {
  if (impl_->legendVisible == visible) return;
  impl_->legendVisible = visible;
  impl_->rebuildLegend();
}

void RunLayers::setClipping(vtkPlaneCollection* planes, std::optional<std::array<double, 4>> rect) {
  Impl& d = *impl_;
  for (vtkPolyDataMapper* m : {d.lineMapper.Get(), d.haloMapper.Get(), d.ghostMapper.Get()}) {
    if (m->GetClippingPlanes() != planes) m->SetClippingPlanes(planes);
  }
  if (d.exits->clipRect() != rect) {
    d.exits->setClipRect(rect);
    d.rebuildMarkers();
  }
}

void RunLayers::setExitLabelsVisible(bool visible) {
  impl_->exits->setLabelsVisible(visible);
  impl_->rebuildMarkers();
}

std::vector<ExitIndicators::Label> RunLayers::exitLabels() const {
  return impl_->exits->labels();
}

LegendBox& RunLayers::legend() const {
  return *impl_->legend;
}

}  // namespace gradscape::plots
