#pragma once
// The landscape views: the contour map on the left, the 3-D surface in a right-hand column
// (above a side widget, the analysis tabs), or one of them alone beside (map) or above (surface)
// the side widget, which then gets the smaller share; the runs drawn on both. A
// click (or drag) on the contour map, or a click on the surface, picks the start point; the mouse
// position is reported for the status bar.
#include <QWidget>
#include <array>
#include <memory>
#include <optional>
#include <vector>
#include "core/scenario/view_camera.h"
#include "plots/curvature_glyph.h"
#include "plots/landscape_scene.h"
#include "plots/update_arrows.h"

namespace gradscape::gui {

class VtkView;

class LandscapePanel : public QWidget {
  Q_OBJECT
 public:
  enum class Layout { Contour, Surface, Both };

  explicit LandscapePanel(QWidget* parent = nullptr);
  ~LandscapePanel() override;

  void setLandscape(const plots::LandscapeContent& content);
  const plots::LandscapeContent& landscape() const;
  void setRuns(const std::vector<plots::RunView>& runs);
  void setStartPoint(double x, double y);
  // Whether a click moves the start marker (off on slices of N-D problems, whose start is not a
  // point of the map); startPicked() is emitted either way.
  void setStartMovable(bool movable);
  void setHighlight(std::optional<std::array<double, 2>> point);
  // The local quadratic model (Hessian axes, gradient and Newton steps) on the contour map, and
  // a note about it in a corner of the map (why a part is missing; empty: none).
  void setCurvatureGlyph(std::optional<plots::CurvatureGlyph> glyph, const QString& note = {});
  // One run's next step taken apart, on the contour map (nullopt hides it).
  void setUpdateArrows(std::optional<plots::UpdateArrows> arrows);
  void setLayout(Layout layout);
  Layout layout() const;
  void resetCameras();
  // The contour map's zoom box and the surface's camera, once moved from their fits (nullopt:
  // fitted to the landscape); setting nullopt fits again (plots/contour_scene.h, surface_scene.h).
  std::optional<ViewBox> mapZoomBox() const;
  void setMapZoomBox(std::optional<ViewBox> box);
  std::optional<ViewCamera> surfaceCamera() const;
  void setSurfaceCamera(std::optional<ViewCamera> camera);
  // Puts a widget (the convergence panel) under the surface, in the right-hand column.
  void setSideWidget(QWidget* widget);

  VtkView* contourView() const;
  VtkView* surfaceView() const;
  plots::LandscapeScene& contourScene() const;
  plots::LandscapeScene& surfaceScene() const;

 signals:
  // The user picked a start point (click or drag on the map, click on the surface).
  void startPicked(double x, double y);
  // The landscape point under the mouse, or none when the mouse left the landscape.
  void pointHovered(std::optional<std::array<double, 2>> point);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void pickStart(VtkView* view, plots::LandscapeScene& scene, QPointF display);
  // Gives the views of the current layout their shares of the space.
  void applyShares();
  void render();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
