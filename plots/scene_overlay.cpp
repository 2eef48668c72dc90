#include "plots/scene_overlay.h"

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkContourFilter.h>
#include <vtkCoordinate.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "plots/scene_markers.h"
#include "plots/text_style.h"
#include "plots/theme.h"

namespace gradscape::plots {

namespace {

bool inBox(const LandscapeGrid& g, const std::array<double, 2>& p) {
  return p[0] >= g.xmin && p[0] <= g.xmax && p[1] >= g.ymin && p[1] <= g.ymax;
}

}  // namespace

SceneOverlay::SceneOverlay(vtkRenderer* renderer)
    : colorBar(std::make_unique<ColorBar>(renderer)),
      markers(std::make_unique<MarkerOverlay>(renderer)),
      runs(std::make_unique<RunLayers>(renderer, *markers)) {}

SceneOverlay::~SceneOverlay() {
  runs.reset();
  markers.reset();
  colorBar.reset();
}

void SceneOverlay::placePointMarkers(
    const LandscapeContent& content, bool hasLandscape,
    const std::function<std::array<double, 3>(double, double)>& at) {
  const auto shows = [&](const std::array<double, 2>& p) {
    return !hasLandscape || inBox(content.grid, p);
  };
  std::vector<Marker> minima;
  if (hasLandscape && content.style.showMinima) {
    for (const auto& m : content.minima) {
      if (shows(m)) minima.push_back(minimumMarker(at(m[0], m[1])));
    }
  }
  markers->setMarkers(MarkerLayer::Minima, std::move(minima));
  std::vector<Marker> startMarkers;
  if (start && shows(*start)) startMarkers = startPointMarkers(at((*start)[0], (*start)[1]));
  markers->setMarkers(MarkerLayer::Start, std::move(startMarkers));
  std::vector<Marker> highlightMarkers;
  if (highlight && shows(*highlight)) {
    highlightMarkers.push_back(highlightMarker(at((*highlight)[0], (*highlight)[1])));
  }
  markers->setMarkers(MarkerLayer::Highlight, std::move(highlightMarkers));
}

struct RenderStartObserver::Impl {
  vtkRenderer* renderer;
  std::function<void()> callback;
  vtkNew<vtkCallbackCommand> command;
};

RenderStartObserver::RenderStartObserver(vtkRenderer* renderer, std::function<void()> callback)
    : impl_(std::make_unique<Impl>()) {
  impl_->renderer = renderer;
  impl_->callback = std::move(callback);
  impl_->command->SetClientData(impl_.get());
  impl_->command->SetCallback(
      [](vtkObject*, unsigned long, void* self, void*) { static_cast<Impl*>(self)->callback(); });
  renderer->AddObserver(vtkCommand::StartEvent, impl_->command);
}

RenderStartObserver::~RenderStartObserver() {
  impl_->renderer->RemoveObserver(impl_->command);
}

double dpiScale(vtkRenderer* renderer) {
  vtkRenderWindow* w = renderer->GetRenderWindow();
  return w != nullptr && w->GetDPI() > 0 ? w->GetDPI() / 72.0 : 1.0;
}

void addTitle(vtkRenderer* renderer, vtkTextActor* title) {
  styleText(title->GetTextProperty(), kSceneTitleSize, true);
  title->GetTextProperty()->SetJustificationToCentered();
  title->GetTextProperty()->SetVerticalJustificationToTop();
  title->PickableOff();
  renderer->AddActor2D(title);
}

void placeTitle(vtkTextActor* title, double x, double y, double width, double s) {
  const double margin = 6.0 * s, room = width - 2.0 * margin;
  vtkTextProperty* tp = title->GetTextProperty();
  double textWidth = 0.0;
  for (int fontSize = kSceneTitleSize; fontSize >= 9; --fontSize) {
    tp->SetFontSize(fontSize);
    textWidth = textExtent(tp, title->GetInput() ? title->GetInput() : "")[0] * s;
    if (textWidth <= room) break;
  }
  // Centred on x where it fits there; otherwise as near as the window allows.
  const double half = 0.5 * std::min(textWidth, room);
  x = std::clamp(x, margin + half, std::max(margin + half, width - margin - half));
  title->GetPositionCoordinate()->SetCoordinateSystemToViewport();
  title->GetPositionCoordinate()->SetValue(x, y);
  setTextColor(tp, currentPalette().ink);
}

void addIsolines(vtkRenderer* renderer, vtkContourFilter* isolines, vtkPolyDataMapper* mapper,
                 vtkActor* actor, double opacity) {
  isolines->ComputeScalarsOff();
  isolines->ComputeNormalsOff();
  mapper->SetInputConnection(isolines->GetOutputPort());
  mapper->ScalarVisibilityOff();
  actor->SetMapper(mapper);
  actor->GetProperty()->SetColor(0.05, 0.05, 0.1);
  actor->GetProperty()->SetOpacity(opacity);
  actor->GetProperty()->LightingOff();
  actor->PickableOff();
  actor->SetVisibility(0);
  renderer->AddActor(actor);
}

bool drawable(const LandscapeGrid& g) {
  return g.nx >= 2 && g.ny >= 2 && g.xmax > g.xmin && g.ymax > g.ymin;
}

std::string heightTitle(const LandscapeGrid& grid, ColorScale scale) {
  if (scale != ColorScale::Log) return "f";
  return "log10(f \u2212 f_min + c), c = " + formatLogOffset(logOffsetOf(grid));
}

RunPlacement boxPlacement(const LandscapeGrid& g, double lift) {
  RunPlacement placement;
  placement.xmin = g.xmin;
  placement.xmax = g.xmax;
  placement.ymin = g.ymin;
  placement.ymax = g.ymax;
  placement.lift = lift;
  return placement;
}

}  // namespace gradscape::plots
