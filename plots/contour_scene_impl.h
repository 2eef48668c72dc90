#pragma once
// What the contour map's files share: ContourScene's state (contour_scene.cpp builds the scene
// and takes its content, contour_layout.cpp places it in pixels and fits the camera). Internal
// to plots/: include it from those two files only.
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkContourFilter.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>

#include <array>
#include <memory>
#include <optional>

#include "plots/backdrop_renderer.h"
#include "plots/contour_scene.h"
#include "plots/curvature_glyph.h"
#include "plots/frame_axes.h"
#include "plots/frame_clip.h"
#include "plots/gradient_arrows.h"
#include "plots/scene_overlay.h"
#include "plots/update_arrows.h"

namespace gradscape::plots {

// Heights of the layers above the landscape plane, as fractions of the box size: drawn in this
// order from the bottom (parallel projection looks down -z).
inline constexpr double kIsolineZ = 0.001, kArrowZ = 0.002, kRunZ = 0.003;

// The camera state a fit leaves; when the camera still has it, the user has not panned or zoomed.
struct CameraState {
  std::array<double, 3> focal{};
  double scale = 0.0;
  bool operator==(const CameraState&) const = default;
};

inline CameraState stateOf(vtkCamera* camera) {
  CameraState s;
  camera->GetFocalPoint(s.focal.data());
  s.scale = camera->GetParallelScale();
  return s;
}

struct ContourScene::Impl {
  // The landscape (bands, isolines, arrows) is the backdrop; runs and everything placed in pixels
  // are in front.
  vtkNew<BackdropRenderer> backdrop;
  vtkRenderer* renderer = backdrop->front();  // the front layer
  LandscapeContent content;
  bool hasLandscape = false;
  double size = 1.0;  // max(box width, box height)

  vtkNew<vtkPolyDataMapper> landscapeMapper;
  vtkNew<vtkActor> landscapeActor;
  vtkNew<vtkContourFilter> isolines;
  vtkNew<vtkPolyDataMapper> isolineMapper;
  vtkNew<vtkActor> isolineActor;
  std::unique_ptr<GradientArrows> arrows;
  std::unique_ptr<CurvatureGlyphLayer> curvature;
  std::unique_ptr<UpdateArrowLayer> update;
  vtkNew<vtkTextActor> title;
  std::unique_ptr<FrameAxes> axes;
  std::unique_ptr<SceneOverlay> overlay;

  bool fitPending = true;
  std::optional<ViewBox> zoomBox;  // what a fit shows; none: the whole landscape
  CameraState fitted;
  // Window width, height, left margin, right column and bottom margin at the last fit (the axes'
  // labels and the legend change the space around the box).
  std::array<double, 5> fittedFrame{0, 0, 0, 0, 0};

  // Where the legend goes: in the colour bar's column, under the map or in its corner.
  enum class LegendPlace { Column, Below, Inside };
  void layout();
  LegendPlace placeBox(double w, double h, double s);
  void fitCamera(const std::array<double, 5>& frameNow);
  std::array<double, 4> plotBox{};  // where layout() put the box
  // What lies outside the frame (the map and paths when zoomed in or panned, markers) is clipped
  // at it, so nothing runs under the title, the colour bar or the axis labels.
  FrameClip frameClip;
  void clipAtFrame(double w, double h);
  void updatePointMarkers() {
    const double z = kRunZ * size;
    overlay->placePointMarkers(content, hasLandscape, [z](double x, double y) {
      return std::array<double, 3>{x, y, z};
    });
  }
};

}  // namespace gradscape::plots
