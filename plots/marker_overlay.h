#pragma once
// Markers drawn in screen space over a scene (start points, iterates, minima, the highlight): a
// constant size in pixels at any zoom, each with an outline so it reads on the dark and on the
// bright end of the colour map. Projected from world positions before every render.
#include <array>
#include <memory>
#include <optional>
#include <vector>
#include "plots/rgb.h"

class vtkRenderer;

namespace gradscape::plots {

enum class MarkerShape { Disk, Square, Ring, Star, Cross, Arrow };

struct Marker {
  std::array<double, 3> position{};  // world coordinates
  MarkerShape shape = MarkerShape::Disk;
  double size = 10.0;  // outer diameter in pixels at 72 dpi (scaled with the window's DPI)
  Rgb fill{1.0, 1.0, 1.0};
  Rgb outline{0.08, 0.08, 0.08};
  double outlineWidth = 1.5;  // pixels around the fill
  double ringWidth = 0.0;     // Ring: width of the band in pixels (0: 38% of the radius)
  double opacity = 1.0;
  // Arrow: a triangular head pointing along this world direction (as projected on screen).
  std::array<double, 3> direction{1.0, 0.0, 0.0};
};

// Layers are drawn in this order, later ones on top.
enum class MarkerLayer { Minima, Runs, Start, Highlight };
inline constexpr int kMarkerLayers = 4;

class MarkerOverlay {
 public:
  // Adds the overlay's 2-D actor to `renderer`.
  explicit MarkerOverlay(vtkRenderer* renderer);
  ~MarkerOverlay();
  MarkerOverlay(const MarkerOverlay&) = delete;
  MarkerOverlay& operator=(const MarkerOverlay&) = delete;

  void setMarkers(MarkerLayer layer, std::vector<Marker> markers);
  const std::vector<Marker>& markers(MarkerLayer layer) const;
  // Markers whose centre falls outside this viewport rectangle {x0, y0, x1, y1} (pixels) are
  // left out (the contour map clips at its frame when zoomed); nullopt: none are.
  void setClipRect(std::optional<std::array<double, 4>> rect);
  // Re-projects every marker with the renderer's camera and size (call before each render).
  // Markers behind the camera or with non-finite positions are left out.
  void update();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
