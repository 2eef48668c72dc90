#pragma once
// Off-map indicators: where a run's path first leaves the plotted box, a small arrow in the
// run's colour on the box's edge, pointing the way the path went, and a label inside the box
// beside it ("off map at k = 12, +40 more"). The map clips paths at its frame; without this a
// path that runs off the map looks as if it stopped at the edge.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "plots/marker_overlay.h"
#include "plots/run_polylines.h"

class vtkRenderer;

namespace gradscape::plots {

class ExitIndicators {
 public:
  // Adds the label actors to `renderer` (as many as there are runs that leave).
  explicit ExitIndicators(vtkRenderer* renderer);
  ~ExitIndicators();
  ExitIndicators(const ExitIndicators&) = delete;
  ExitIndicators& operator=(const ExitIndicators&) = delete;

  // Appends an arrow marker for each run that leaves the placement's rectangle to `markers` and
  // places its label; `toDisplay` maps a world point to viewport pixels (NaN when off screen),
  // `scale` is the window's DPI / 72.
  void update(const std::vector<StoredRun>& runs, const RunPlacement& placement,
              const std::function<std::array<double, 2>(const std::array<double, 3>&)>& toDisplay,
              double scale, std::vector<Marker>& markers);

  // Labels of exits outside this viewport rectangle {x0, y0, x1, y1} are left out.
  void setClipRect(std::optional<std::array<double, 4>> rect);
  const std::optional<std::array<double, 4>>& clipRect() const;

  // Labels on or off (the arrows stay); on by default.
  void setLabelsVisible(bool visible);

  // The labels shown: their text and the viewport pixel their text is anchored at.
  struct Label {
    std::string text;
    std::array<double, 2> anchor{};
  };
  std::vector<Label> labels() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
