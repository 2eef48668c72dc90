#include "plots/run_layers.h"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
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

namespace gradscape::plots {

namespace {

constexpr double kLineWidth = 2.5;  // device pixels
constexpr double kHaloWidth = 5.0;  // the dark halo shows 1.25 px on either side of the line
constexpr Rgb kDark{0.08, 0.08, 0.08};
constexpr Rgb kWarningRed{0.86, 0.08, 0.06};
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
  bool legendVisible = true;

  // World distance below which consecutive vertices are merged (0: none), as last built, and the
  // observer that adapts it to the camera before every render.
  double spacing = 0.0;
  vtkNew<vtkCallbackCommand> beforeRender;
  double wantedSpacing();
  void adaptSpacing();

  std::array<double, 3> at(double x, double y, double f) const {
    const double z = placement.surface ? (*placement.surface)(f) + placement.lift : placement.lift;
    return {x, y, z};
  }
  bool finite(double x, double y, double f) const {
    return std::isfinite(x) && std::isfinite(y) && (!placement.surface || !std::isnan(f));
  }
  // Where a run is last seen: its last finite iterate when that is inside the clip rectangle,
  // else the point where its path last leaves the rectangle (else the iterate clamped into it).
  std::array<double, 3> exitPoint(const StoredRun& run, size_t first, size_t last) const;
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

std::array<double, 3> RunLayers::Impl::exitPoint(const StoredRun& run, size_t first,
                                                 size_t last) const {
  const RunPlacement& r = placement;
  const double lx = run.x[last], ly = run.y[last];
  if (lx >= r.xmin && lx <= r.xmax && ly >= r.ymin && ly <= r.ymax) return at(lx, ly, run.f[last]);
  for (size_t k = last; k > first; --k) {
    const double ax = run.x[k - 1], ay = run.y[k - 1], af = run.f[k - 1];
    const double bx = run.x[k], by = run.y[k], bf = run.f[k];
    double t0 = 0.0, t1 = 1.0;
    if (finite(ax, ay, af) && finite(bx, by, bf) && clipSegment(ax, ay, bx, by, r, t0, t1)) {
      return at(lerp(ax, bx, t1), lerp(ay, by, t1), lerp(af, bf, t1));
    }
  }
  return at(std::clamp(lx, r.xmin, r.xmax), std::clamp(ly, r.ymin, r.ymax), run.f[last]);
}

void RunLayers::Impl::rebuildMarkers() {
  std::vector<Marker> out;
  // Drawn after every start and end marker: all runs usually share the start, and a run that
  // diverged at its first step has its cross there.
  std::vector<Marker> crosses;
  const RunPlacement& r = placement;
  auto inside = [&](double x, double y) {
    return x >= r.xmin && x <= r.xmax && y >= r.ymin && y <= r.ymax;
  };
  for (const auto& run : runs) {
    const size_t n = run.x.size();
    size_t first = 0;
    while (first < n && !finite(run.x[first], run.y[first], run.f[first])) ++first;
    if (first == n) continue;
    size_t last = n - 1;
    while (!finite(run.x[last], run.y[last], run.f[last])) --last;
    if (inside(run.x[first], run.y[first])) {
      Marker m;
      m.position = at(run.x[first], run.y[first], run.f[first]);
      m.shape = MarkerShape::Disk;
      m.size = 7.0;
      m.fill = run.color;
      m.outline = kDark;
      m.outlineWidth = 1.2;
      out.push_back(m);
    }
    Marker m;
    if (run.diverged) {
      m.position = exitPoint(run, first, last);
      if (first == last) {
        // No path to see: a ring in the run's colour says whose cross this is.
        Marker ring;
        ring.position = m.position;
        ring.shape = MarkerShape::Ring;
        ring.size = 26.0;
        ring.fill = run.color;
        ring.outline = kDark;
        ring.outlineWidth = 1.2;
        crosses.push_back(ring);
      }
      m.shape = MarkerShape::Cross;
      m.size = 16.0;
      m.fill = kWarningRed;
      m.outline = {1.0, 1.0, 1.0};
      m.outlineWidth = 1.8;
      crosses.push_back(m);
      continue;
    } else if (!inside(run.x[last], run.y[last])) {
      continue;
    } else if (run.finished) {
      m.position = at(run.x[last], run.y[last], run.f[last]);
      m.shape = MarkerShape::Square;
      m.size = 10.0;
      m.fill = run.color;
      m.outline = kDark;
      m.outlineWidth = 1.5;
    } else {
      m.position = at(run.x[last], run.y[last], run.f[last]);
      m.shape = MarkerShape::Disk;
      m.size = 12.0;
      m.fill = run.color;
      m.outline = {1.0, 1.0, 1.0};
      m.outlineWidth = 2.0;
    }
    out.push_back(m);
  }
  out.insert(out.end(), crosses.begin(), crosses.end());
  markers->setMarkers(MarkerLayer::Runs, std::move(out));
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
  d.lineActor->GetProperty()->SetLineWidth(kLineWidth);
  d.lineActor->GetProperty()->SetLighting(false);
  d.lineActor->PickableOff();

  d.haloMapper->SetInputData(d.lines);
  d.haloMapper->ScalarVisibilityOff();
  d.haloActor->SetMapper(d.haloMapper);
  d.haloActor->GetProperty()->SetColor(kDark.r, kDark.g, kDark.b);
  d.haloActor->GetProperty()->SetLineWidth(kHaloWidth);
  d.haloActor->GetProperty()->SetLighting(false);
  d.haloActor->PickableOff();
  // On a surface, paths behind a hill still show, faintly: the ghost copy passes every depth
  // test (its fragments are placed at the near plane).
  d.ghostMapper->SetInputData(d.lines);
  d.ghostMapper->SetScalarModeToUseCellData();
  d.ghostMapper->SetColorModeToDirectScalars();
  d.ghostActor->SetMapper(d.ghostMapper);
  d.ghostActor->GetProperty()->SetLineWidth(kLineWidth);
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

  // After the scene's own StartEvent observers (priority 0), which may move the camera.
  d.beforeRender->SetClientData(&d);
  d.beforeRender->SetCallback([](vtkObject*, unsigned long, void* self, void*) {
    static_cast<Impl*>(self)->adaptSpacing();
  });
  renderer->AddObserver(vtkCommand::StartEvent, d.beforeRender, -1.0f);
}

RunLayers::~RunLayers() {
  impl_->renderer->RemoveObserver(impl_->beforeRender);
  impl_->renderer->RemoveActor(impl_->lineActor);
  impl_->renderer->RemoveActor(impl_->haloActor);
  impl_->renderer->RemoveActor(impl_->ghostActor);
  impl_->legend.reset();
  // The arrays point into this object's buffers: detach them before the buffers go.
  impl_->lines->Initialize();
}

void RunLayers::setPlacement(const RunPlacement& placement) {
  impl_->placement = placement;
  impl_->ghostActor->SetVisibility(placement.surface ? 1 : 0);
  // The halo sits half the lift below its line: the colour is in front by geometry, not by
  // winning a depth tie (which a GL_LESS depth test left by the GUI toolkit would lose).
  impl_->haloActor->SetPosition(0.0, 0.0, -0.5 * placement.lift);
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
    run.x.assign(view.x.begin(), view.x.begin() + static_cast<std::ptrdiff_t>(n));
    run.y.assign(view.y.begin(), view.y.begin() + static_cast<std::ptrdiff_t>(n));
    run.f.resize(n);
    for (size_t k = 0; k < n; ++k) {
      run.f[k] = k < view.loss.size() ? static_cast<float>(view.loss[k])
                                      : std::numeric_limits<float>::quiet_NaN();
    }
  }
  d.rebuildLines();
  d.rebuildMarkers();
  d.rebuildLegend();
}

void RunLayers::setPixelScale(double scale) {
  Impl& d = *impl_;
  if (d.lineActor->GetProperty()->GetLineWidth() == static_cast<float>(kLineWidth * scale)) return;
  d.lineActor->GetProperty()->SetLineWidth(static_cast<float>(kLineWidth * scale));
  d.ghostActor->GetProperty()->SetLineWidth(static_cast<float>(kLineWidth * scale));
  d.haloActor->GetProperty()->SetLineWidth(static_cast<float>(kHaloWidth * scale));
}

std::optional<std::array<double, 3>> RunLayers::place(double x, double y, double f) const {
  if (!impl_->finite(x, y, f)) return std::nullopt;
  return impl_->at(x, y, f);
}

void RunLayers::setLegendVisible(bool visible) {
  if (impl_->legendVisible == visible) return;
  impl_->legendVisible = visible;
  impl_->rebuildLegend();
}

LegendBox& RunLayers::legend() const {
  return *impl_->legend;
}

}  // namespace gradscape::plots
