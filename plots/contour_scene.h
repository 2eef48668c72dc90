#pragma once
// The 2-D contour map: filled bands in a perceptual colour map (viridis), isolines, linear or
// log colour scale, a colour bar, axes with ticks and labels for the range on show, known minima,
// an optional negative-gradient field, the runs and, on request, the local quadratic model at one
// iterate.
// Parallel projection looking down -z; pan and zoom only.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "core/scenario/view_camera.h"
#include "plots/curvature_glyph.h"
#include "plots/exit_indicators.h"
#include "plots/frame_axes.h"
#include "plots/landscape_scene.h"
#include "plots/update_arrows.h"

namespace gradscape::plots {

class ContourScene : public LandscapeScene {
 public:
  ContourScene();
  ~ContourScene() override;
  ContourScene(const ContourScene&) = delete;
  ContourScene& operator=(const ContourScene&) = delete;

  vtkRenderer* renderer() const override;
  void setLandscape(const LandscapeContent& content) override;
  void setRuns(const std::vector<RunView>& runs) override;
  void setStartPoint(double x, double y) override;
  void setHighlight(std::optional<std::array<double, 2>> point) override;
  std::optional<std::array<double, 2>> pick(double displayX, double displayY) override;
  void setLegendVisible(bool visible) override;
  void setAntialiasing(bool on) override;
  void resetCamera() override;
  // The part of the landscape the map's frame shows once the user has zoomed or panned (or a
  // box was shown); nullopt while the map is fitted to the whole landscape.
  std::optional<ViewBox> zoomBox() const;
  // Fits `box` into the map's frame at the next frame, and again when the window is resized
  // until the user moves the map (as the fit to the whole landscape is); nullopt: that fit.
  // A new landscape's box (setLandscape) or resetCamera() goes back to the whole landscape.
  void setZoomBox(std::optional<ViewBox> box);

  // Shows the curvature glyph (the Hessian's eigen-axes at an iterate, and the gradient and
  // Newton steps when given) over the map, or hides it (nullopt). Drawn over the runs, under
  // the point markers; re-laid out for the current zoom before every render.
  void setCurvatureGlyph(std::optional<CurvatureGlyph> glyph);
  const std::optional<CurvatureGlyph>& curvatureGlyph() const;
  // A note about the glyph in a corner of the map (why a part of it is missing; empty: none).
  void setCurvatureNote(std::string note);
  // The glyph's label texts in the last frame (axes, steps, note), as drawn.
  const std::vector<std::string>& curvatureLabels() const;
  // Shows one run's next step taken apart (update_arrows.h), or hides it (nullopt); drawn over
  // the runs and the glyph, under the point markers. updateArrows() is what it was given.
  void setUpdateArrows(std::optional<UpdateArrows> arrows);
  const std::optional<UpdateArrows>& updateArrows() const;
  // The update arrows' labels in the last frame (text and box in pixels).
  const std::vector<UpdateArrowLabel>& updateArrowLabels() const;

  // Where the last frame placed the landscape's box, in device pixels from the view's
  // bottom-left: {left, bottom, width, height} (layout tests measure it).
  std::array<double, 4> plotBox() const;
  // Where the last frame drew the title, in the same form as plotBox() (zeros when hidden).
  std::array<double, 4> titleBox() const;
  // The off-map labels shown where runs leave the box (exit_indicators.h).
  std::vector<ExitIndicators::Label> exitLabels() const;
  // The axes' ticks in the last frame, for the range the frame shows (zoomed or not), and the
  // tick labels' boxes {x0, y0, x1, y1} in device pixels (frame_axes.h).
  const AxisTicks& xTicks() const;
  const AxisTicks& yTicks() const;
  std::vector<std::array<double, 4>> tickLabelBoxes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
