#pragma once
// What the contour map and the 3-D surface draw alike over their landscape: the title, the
// colour bar, the runs with their legend and the point markers (minima, start, highlight), and
// the layout each scene runs before every render. VTK types are forward declared.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "plots/color_bar.h"
#include "plots/landscape_scene.h"
#include "plots/marker_overlay.h"
#include "plots/run_layers.h"

class vtkActor;
class vtkContourFilter;
class vtkPolyDataMapper;
class vtkTextActor;

namespace gradscape::plots {

// Point size of the scene titles.
inline constexpr int kSceneTitleSize = 16;

// The layers both scenes share. They remove their actors from the renderer when destroyed, so
// a scene destroys its overlay while the renderer is alive; runs go before the markers they
// draw into, then the colour bar.
struct SceneOverlay {
  explicit SceneOverlay(vtkRenderer* renderer);
  ~SceneOverlay();
  SceneOverlay(const SceneOverlay&) = delete;
  SceneOverlay& operator=(const SceneOverlay&) = delete;

  // Places the minima (when the style shows them), the start point and the highlight at
  // `at(x, y)`; each only inside the landscape's box (anywhere while there is none).
  void placePointMarkers(const LandscapeContent& content, bool hasLandscape,
                         const std::function<std::array<double, 3>(double, double)>& at);

  std::unique_ptr<ColorBar> colorBar;
  std::unique_ptr<MarkerOverlay> markers;
  std::unique_ptr<RunLayers> runs;
  std::optional<std::array<double, 2>> start, highlight;
};

// Calls `callback` at the start of every render of `renderer` until destroyed.
class RenderStartObserver {
 public:
  RenderStartObserver(vtkRenderer* renderer, std::function<void()> callback);
  ~RenderStartObserver();
  RenderStartObserver(const RenderStartObserver&) = delete;
  RenderStartObserver& operator=(const RenderStartObserver&) = delete;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Pixels per typographic point of the renderer's window (1 while it has none).
double dpiScale(vtkRenderer* renderer);

// Bold, centred title hung from its position, not pickable, added to the renderer.
void addTitle(vtkRenderer* renderer, vtkTextActor* title);
// Puts the title's top centre at viewport pixel (x, y), inside a viewport `width` pixels wide:
// a long title shrinks (down to 9 pt) until it fits, and moves sideways to stay in view. `s` is
// the renderer's dpiScale.
void placeTitle(vtkTextActor* title, double x, double y, double width, double s);

// Dark, translucent, unlit isolines from `isolines` (its input is the scene's), hidden until
// there is a landscape, added to the renderer.
void addIsolines(vtkRenderer* renderer, vtkContourFilter* isolines, vtkPolyDataMapper* mapper,
                 vtkActor* actor, double opacity);

// Whether the grid spans a box the scenes can draw.
bool drawable(const LandscapeGrid& grid);

// The colour bar's title for the colour scale: "f", or "log10(f - f_min + c), c = 0.012" with
// the grid's c.
std::string heightTitle(const LandscapeGrid& grid, ColorScale scale);

// Runs clipped at the landscape's box, `lift` above it.
RunPlacement boxPlacement(const LandscapeGrid& grid, double lift);

}  // namespace gradscape::plots
