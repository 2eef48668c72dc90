#include "plots/contour_scene.h"

#include <vtkActor.h>
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
#include <utility>

#include "plots/colormap.h"
#include "plots/contour_scene_impl.h"
#include "plots/landscape_mesh.h"

namespace gradscape::plots {

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

std::vector<ExitIndicators::Label> ContourScene::exitLabels() const {
  return impl_->overlay->runs->exitLabels();
}

const AxisTicks& ContourScene::xTicks() const {
  return impl_->axes->xTicks();
}

const AxisTicks& ContourScene::yTicks() const {
  return impl_->axes->yTicks();
}

std::vector<std::array<double, 4>> ContourScene::tickLabelBoxes() const {
  return impl_->axes->labelBoxes();
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

}  // namespace gradscape::plots
