#pragma once
// What the surface's files share: SurfaceScene's state (surface_scene.cpp builds the scene and
// takes its content, surface_layout.cpp places it in pixels and fits or sets the camera).
// Internal to plots/: include it from those two files only.
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellPicker.h>
#include <vtkContourFilter.h>
#include <vtkNew.h>
#include <vtkPolyDataMapper.h>
#include <vtkPolyDataNormals.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>

#include <algorithm>
#include <array>
#include <memory>

#include "plots/backdrop_renderer.h"
#include "plots/height_map.h"
#include "plots/scene_overlay.h"
#include "plots/surface_axes.h"
#include "plots/surface_scene.h"

namespace gradscape::plots {

inline constexpr double kHeightRatio = 0.5;  // height of the surface / larger side of the box
inline constexpr double kRunLift = 0.006;    // runs float this fraction of the height above it

struct SurfaceScene::Impl {
  // The backdrop holds the surface, its isolines and the axes box; runs, markers and everything
  // placed in pixels are in front.
  vtkNew<BackdropRenderer> renderer;
  vtkRenderer* front = renderer->front();
  LandscapeContent content;
  bool hasLandscape = false;
  HeightMap height;
  std::array<double, 6> bounds{0, 1, 0, 1, 0, 1};

  vtkNew<vtkPolyDataNormals> normals;
  vtkNew<vtkPolyDataMapper> surfaceMapper;
  vtkNew<vtkActor> surfaceActor;
  vtkNew<vtkContourFilter> isolines;
  vtkNew<vtkPolyDataMapper> isolineMapper;
  vtkNew<vtkActor> isolineActor;
  vtkNew<SurfaceAxes> axes;
  vtkNew<vtkTextActor> title;
  vtkNew<vtkCellPicker> picker;
  std::unique_ptr<SceneOverlay> overlay;

  bool fitPending = true;
  // The camera a fit left and the viewport size it was made for: a resize refits the view
  // unless the user has moved the camera since.
  std::array<double, 11> fitted{};
  std::array<int, 2> fittedSize{0, 0};
  std::array<double, 11> cameraState() const {
    vtkCamera* c = renderer->GetActiveCamera();
    std::array<double, 11> s{};
    c->GetPosition(s.data());
    c->GetFocalPoint(s.data() + 3);
    c->GetViewUp(s.data() + 6);
    s[9] = c->GetViewAngle();
    s[10] = c->GetWindowCenter()[0];
    return s;
  }

  double rightColumn() const {
    const double column = std::max(overlay->colorBar->width(), overlay->runs->legend().size()[0]);
    return column > 0.0 ? column + 36.0 : 0.0;
  }
  bool colorBarVisible = true;
  bool colorBarChanged = false;  // refit: the surface gains or loses the bar's room
  // Height of the surface at (x, y): bilinear in the grid cell, its NaN corners left out of the
  // weights.
  double surfaceAt(double x, double y) const;
  // Orients the camera and fits the box (with its axes) into the viewport rectangle `rect`.
  void fit(const std::array<double, 4>& rect);
  std::array<double, 4> projectedBounds();
  void layout();
  void updatePointMarkers() {
    const double lift = kRunLift * (bounds[5] - bounds[4]);
    overlay->placePointMarkers(content, hasLandscape, [&](double x, double y) {
      return std::array<double, 3>{x, y, surfaceAt(x, y) + lift};
    });
  }
};

}  // namespace gradscape::plots
