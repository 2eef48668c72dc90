#pragma once
// The 3-D surface: height = the scaled value of f (see scaledValue), lit, the same colour map,
// axes, the runs drawn on the surface at height f(x) (lifted slightly so they stay visible).
// Orbit, zoom and pan come from the interactor style the view installs.
#include <memory>
#include <optional>
#include "core/scenario/view_camera.h"
#include "plots/landscape_scene.h"

namespace gradscape::plots {

class SurfaceScene : public LandscapeScene {
 public:
  SurfaceScene();
  ~SurfaceScene() override;
  SurfaceScene(const SurfaceScene&) = delete;
  SurfaceScene& operator=(const SurfaceScene&) = delete;

  vtkRenderer* renderer() const override;
  void setLandscape(const LandscapeContent& content) override;
  void setRuns(const std::vector<RunView>& runs) override;
  void setStartPoint(double x, double y) override;
  void setHighlight(std::optional<std::array<double, 2>> point) override;
  // Picks the surface (a cell picker); returns the (x, y) of the hit.
  std::optional<std::array<double, 2>> pick(double displayX, double displayY) override;
  // An oblique view of the whole surface.
  void setLegendVisible(bool visible) override;
  // Shows the colour bar (default) or leaves it out, when the contour map beside the surface
  // shows the same one; the surface then takes the room.
  void setColorBarVisible(bool visible);
  // Display rectangles {x0, y0, x1, y1} of the x (axis 0) or y (axis 1) tick labels on edge 0..3
  // of the box, as placed in the last frame (layout tests measure them).
  std::vector<std::array<double, 4>> tickLabelBoxes(int axis, int edge) const;
  void setAntialiasing(bool on) override;
  void resetCamera() override;
  // The camera once the user has orbited, zoomed or panned (or one was set); nullopt while the
  // view is the oblique one fitted to the box.
  std::optional<ViewCamera> camera() const;
  // Puts the camera there (kept until the user moves it, a new landscape's box or
  // resetCamera()).
  void setCamera(const ViewCamera& camera);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
