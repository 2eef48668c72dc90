#include "plots/decision_map.h"

#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkDataSetMapper.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtk_glew.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>

#include "plots/decision_regions.h"
#include "plots/frame_axes.h"
#include "plots/frame_clip.h"
#include "plots/marker_overlay.h"
#include "plots/pixel_geometry.h"
#include "plots/pixel_layer.h"
#include "plots/scene_overlay.h"
#include "plots/scene_theme.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

// Heights above the region plane, as fractions of the box size (the camera looks down -z).
constexpr double kBoundaryZ = 0.001, kPointZ = 0.003;
constexpr Rgb kBoundaryInk{0.12, 0.12, 0.16};
constexpr Rgb kOutline{0.1, 0.1, 0.1};
constexpr double kPointSize = 7.0;  // data point diameter, pixels at 72 dpi
constexpr int kLegendTextSize = 12;
constexpr double kLegendRow = 18.0;

// The camera state a fit leaves; while the camera still has it, the user has not panned or zoomed.
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

bool hasBox(const DecisionMapData& d) {
  return std::isfinite(d.xmin) && std::isfinite(d.xmax) && std::isfinite(d.ymin) &&
         std::isfinite(d.ymax) && d.xmax > d.xmin && d.ymax > d.ymin;
}

}  // namespace

struct DecisionMap::Impl {
  vtkNew<vtkRenderer> renderer;
  DecisionMapData data;
  bool boxShown = false;
  double size = 1.0;  // max(box width, box height)

  vtkNew<vtkDataSetMapper> regionMapper;
  vtkNew<vtkActor> regionActor;
  vtkNew<vtkPolyDataMapper> boundaryMapper;
  vtkNew<vtkActor> boundaryActor;
  std::unique_ptr<FrameAxes> axes;
  std::unique_ptr<MarkerOverlay> dataMarkers;
  // Regions, boundary and points outside the frame (zoomed in or panned) are cut at it.
  FrameClip frameClip;
  std::unique_ptr<PixelLayer> legendSwatches;
  std::vector<vtkSmartPointer<vtkTextActor>> legendLabels;
  vtkNew<vtkTextActor> title;
  std::unique_ptr<RenderStartObserver> beforeRender;

  bool fitPending = true;
  CameraState fitted;
  // Window width and height, left and bottom margins at the last fit.
  std::array<double, 4> fittedFrame{0, 0, 0, 0};
  std::array<double, 4> plotBox{};  // where placeBox() put the box

  void setRegions();
  void setPoints();
  void setLegend();
  void layout();
  void placeBox(double w, double h, double s, double legendW);
};

void DecisionMap::Impl::setRegions() {
  const bool shown = hasRegions(data);
  regionActor->SetVisibility(shown ? 1 : 0);
  boundaryActor->SetVisibility(shown ? 1 : 0);
  if (!shown) return;
  regionMapper->SetInputData(regionImage(data));
  boundaryMapper->SetInputData(decisionBoundary(data));
  boundaryActor->SetPosition(0.0, 0.0, kBoundaryZ * size);
}

void DecisionMap::Impl::setPoints() {
  const DecisionMapData& d = data;
  std::vector<Marker> markers;
  const size_t n = std::min({d.px.size(), d.py.size(), d.labels.size()});
  const size_t stride = n > static_cast<size_t>(kMaxDrawnPoints)
                            ? (n + kMaxDrawnPoints - 1) / static_cast<size_t>(kMaxDrawnPoints)
                            : 1;
  if (boxShown) {
    for (size_t i = 0; i < n; i += stride) {
      const double x = d.px[i], y = d.py[i];
      if (!(x >= d.xmin && x <= d.xmax && y >= d.ymin && y <= d.ymax)) continue;
      Marker m;
      m.position = {x, y, kPointZ * size};
      m.size = kPointSize;
      const int label = d.labels[i];
      m.fill = label >= 0 && label < d.classes ? classColor(label) : Rgb{0.6, 0.6, 0.6};
      m.outline = kOutline;
      m.outlineWidth = 1.2;
      markers.push_back(m);
    }
  }
  dataMarkers->setMarkers(MarkerLayer::Runs, std::move(markers));
}

void DecisionMap::Impl::setLegend() {
  for (auto& label : legendLabels) renderer->RemoveActor2D(label);
  legendLabels.clear();
  if (!boxShown) return;
  for (int c = 0; c < std::clamp(data.classes, 0, 10); ++c) {
    auto label = vtkSmartPointer<vtkTextActor>::New();
    label->SetInput(("class " + std::to_string(c)).c_str());
    styleText(label->GetTextProperty(), kLegendTextSize);
    label->GetTextProperty()->SetVerticalJustificationToCentered();
    label->PickableOff();
    renderer->AddActor2D(label);
    legendLabels.push_back(label);
  }
}

// Everything placed in pixels: margins, the camera fit, the title, the legend and the ticks.
// Runs before every render.
void DecisionMap::Impl::layout() {
  const int* viewport = renderer->GetSize();
  const double w = viewport[0], h = viewport[1];
  applyPaper(renderer);
  if (w < 2 || h < 2 || !boxShown) return;
  const double s = dpiScale(renderer);
  vtkCamera* camera = renderer->GetActiveCamera();

  double legendW = 0.0;
  for (const auto& label : legendLabels) {
    legendW = std::max(legendW, textExtent(label->GetTextProperty(), label->GetInput())[0]);
  }
  legendW += legendLabels.empty() ? 0.0 : kPointSize + 8.0;
  // The axes' margins follow their labels, and the labels the range the box shows: when their
  // size changed, the box is placed once more.
  placeBox(w, h, s, legendW);
  if (axes->update(plotBox, shownRange(camera, plotBox, w, h), s)) {
    placeBox(w, h, s, legendW);
    axes->update(plotBox, shownRange(camera, plotBox, w, h), s);
  }
  const auto [boxLeft, boxBottom, boxW, boxH] = plotBox;

  placeTitle(title, 0.5 * w,
             std::min(h - 8.0 * s, boxBottom + boxH + (kSceneTitleSize * 1.5 + 8.0) * s), w, s);

  PixelGeometry swatches;
  const double x0 = boxLeft + boxW + 16.0 * s;
  const double r = 0.5 * kPointSize * s;
  for (size_t c = 0; c < legendLabels.size(); ++c) {
    const double y = boxBottom + boxH - (0.5 + static_cast<double>(c)) * kLegendRow * s;
    swatches.setColor(kOutline);
    swatches.disk(x0 + r, y, r + 1.2 * s);
    swatches.setColor(classColor(static_cast<int>(c)));
    swatches.disk(x0 + r, y, r);
    legendLabels[c]->GetPositionCoordinate()->SetCoordinateSystemToViewport();
    legendLabels[c]->GetPositionCoordinate()->SetValue(x0 + 2.0 * r + 6.0 * s, y);
    setTextColor(legendLabels[c]->GetTextProperty(), currentPalette().ink);
  }
  legendSwatches->draw(swatches);

  boundaryActor->GetProperty()->SetLineWidth(static_cast<float>(1.5 * s));
  dataMarkers->setClipRect(frameClip.update(renderer, plotBox, w, h));
  dataMarkers->update();
}

// The margins, the box (plotBox) and, when due, the camera fit that shows the whole box in it.
void DecisionMap::Impl::placeBox(double w, double h, double s, double legendW) {
  const DecisionMapData& d = data;
  const double bw = d.xmax - d.xmin, bh = d.ymax - d.ymin;
  const double left = (axes->leftMargin() + 12.0) * s;
  const double top = (kSceneTitleSize * 1.6 + 14.0) * s;
  const double bottom = (axes->bottomMargin() + 10.0) * s;
  const double right = (legendW + 30.0) * s;
  const double rectW = std::max(10.0, w - left - right), rectH = std::max(10.0, h - bottom - top);
  // Equal scales on both axes: the shapes of the regions are the true ones.
  const double wpp = std::max(bw / rectW, bh / rectH);
  const double boxW = bw / wpp, boxH = bh / wpp;
  const double boxLeft = std::max(left, 0.5 * (w - boxW - left - right) + left);
  const double boxBottom = bottom + 0.5 * (rectH - boxH);
  plotBox = {boxLeft, boxBottom, boxW, boxH};

  vtkCamera* camera = renderer->GetActiveCamera();
  const std::array<double, 4> frameNow{w, h, left, bottom};
  if (fitPending || (frameNow != fittedFrame && stateOf(camera) == fitted)) {
    showAtBoxCentre(camera, 0.5 * (d.xmin + d.xmax), 0.5 * (d.ymin + d.ymax), wpp, plotBox, w, h,
                    size);
    fitted = stateOf(camera);
    fittedFrame = frameNow;
    fitPending = false;
  }
}

DecisionMap::DecisionMap() : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  vtkRenderer* ren = d.renderer;
  applyPaper(ren);
  ren->UseFXAAOn();  // the GUI renders without multisampling: smooth the boundary and the disks
  ren->GetActiveCamera()->ParallelProjectionOn();

  d.regionMapper->SetColorModeToDirectScalars();
  d.regionMapper->SetScalarModeToUsePointData();
  d.regionActor->SetMapper(d.regionMapper);
  d.regionActor->GetProperty()->LightingOff();
  d.regionActor->PickableOff();
  d.regionActor->SetVisibility(0);
  ren->AddActor(d.regionActor);

  d.boundaryMapper->ScalarVisibilityOff();
  d.boundaryActor->SetMapper(d.boundaryMapper);
  d.boundaryActor->GetProperty()->SetColor(kBoundaryInk.r, kBoundaryInk.g, kBoundaryInk.b);
  d.boundaryActor->GetProperty()->LightingOff();
  d.boundaryActor->PickableOff();
  d.boundaryActor->SetVisibility(0);
  ren->AddActor(d.boundaryActor);

  d.axes = std::make_unique<FrameAxes>(ren);
  d.axes->setTitles("x1", "x2");
  d.axes->setVisible(false);
  d.dataMarkers = std::make_unique<MarkerOverlay>(ren);
  d.legendSwatches = std::make_unique<PixelLayer>(ren, true);
  addTitle(ren, d.title);
  d.beforeRender = std::make_unique<RenderStartObserver>(ren, [&d] { d.layout(); });
}

DecisionMap::~DecisionMap() {
  Impl& d = *impl_;
  d.beforeRender.reset();
  // Layers remove their actors from the renderer: destroy them while it is alive.
  for (auto& label : d.legendLabels) d.renderer->RemoveActor2D(label);
  d.legendSwatches.reset();
  d.dataMarkers.reset();
  d.axes.reset();
}

vtkRenderer* DecisionMap::renderer() const {
  return impl_->renderer;
}

const DecisionMapData& DecisionMap::data() const {
  return impl_->data;
}

void DecisionMap::setData(const DecisionMapData& data) {
  Impl& d = *impl_;
  const bool sameBox = d.boxShown && d.data.xmin == data.xmin && d.data.xmax == data.xmax &&
                       d.data.ymin == data.ymin && d.data.ymax == data.ymax;
  d.data = data;
  d.boxShown = hasBox(data);
  d.size = d.boxShown ? std::max(data.xmax - data.xmin, data.ymax - data.ymin) : 1.0;
  d.axes->setVisible(d.boxShown);
  d.title->SetVisibility(d.boxShown ? 1 : 0);
  d.title->SetInput(data.title.c_str());
  d.setRegions();
  d.setPoints();
  d.setLegend();
  if (!d.boxShown) {
    d.legendSwatches->draw(PixelGeometry{});
    d.dataMarkers->update();
  }
  if (!sameBox) d.fitPending = true;
}

void DecisionMap::resetCamera() {
  impl_->fitPending = true;
  if (impl_->renderer->GetRenderWindow() != nullptr) impl_->layout();
}

}  // namespace gradscape::plots
