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

#include "plots/colormap.h"
#include "plots/landscape_mesh.h"
#include "plots/scene_theme.h"
#include "plots/surface_scene_impl.h"
#include "plots/text_style.h"

namespace gradscape::plots {

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

}  // namespace gradscape::plots
