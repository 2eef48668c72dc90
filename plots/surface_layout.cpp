// The surface placed in pixels before every frame (margins, colour bar, legend, title, which
// axis labels fit) and its camera: the fitted view of the whole box, which a resize renews until
// the user moves the camera, and a saved camera put back.
#include <vtkCamera.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "plots/scene_theme.h"
#include "plots/surface_scene_impl.h"

namespace gradscape::plots {

std::array<double, 4> SurfaceScene::Impl::projectedBounds() {
  std::array<double, 4> box{1e300, -1e300, 1e300, -1e300};
  for (int corner = 0; corner < 8; ++corner) {
    renderer->SetWorldPoint(bounds[corner & 1], bounds[2 + ((corner >> 1) & 1)],
                            bounds[4 + ((corner >> 2) & 1)], 1.0);
    renderer->WorldToDisplay();
    const double* d = renderer->GetDisplayPoint();
    box = {std::min(box[0], d[0]), std::max(box[1], d[0]), std::min(box[2], d[1]),
           std::max(box[3], d[1])};
  }
  return box;
}

void SurfaceScene::Impl::fit(const std::array<double, 4>& rect) {
  vtkCamera* camera = renderer->GetActiveCamera();
  const double cx = 0.5 * (bounds[0] + bounds[1]), cy = 0.5 * (bounds[2] + bounds[3]);
  const double cz = 0.5 * (bounds[4] + bounds[5]);
  camera->ParallelProjectionOff();
  camera->SetViewAngle(30.0);
  camera->SetWindowCenter(0.0, 0.0);
  camera->SetFocalPoint(cx, cy, cz);
  camera->SetPosition(cx, cy - 1.0, cz);
  camera->SetViewUp(0.0, 0.0, 1.0);
  camera->Azimuth(-35.0);
  camera->Elevation(35.0);
  camera->OrthogonalizeViewUp();
  renderer->ResetCamera(bounds.data());
  // Zoom (a change of view angle) scales the picture about the window centre and the window
  // centre shifts it: a few rounds put the projected box exactly into `rect`.
  const int* size = renderer->GetSize();
  const int* origin = renderer->GetOrigin();
  const double rx0 = origin[0] + rect[0], rx1 = origin[0] + rect[1];
  const double ry0 = origin[1] + rect[2], ry1 = origin[1] + rect[3];
  for (int round = 0; round < 4; ++round) {
    auto b = projectedBounds();
    const double k = std::min((rx1 - rx0) / (b[1] - b[0]), (ry1 - ry0) / (b[3] - b[2]));
    if (std::isfinite(k) && k > 0.0) camera->Zoom(k);
    b = projectedBounds();
    const double dx = 0.5 * (rx0 + rx1) - 0.5 * (b[0] + b[1]);
    const double dy = 0.5 * (ry0 + ry1) - 0.5 * (b[2] + b[3]);
    const double* wc = camera->GetWindowCenter();
    camera->SetWindowCenter(wc[0] - 2.0 * dx / size[0], wc[1] - 2.0 * dy / size[1]);
  }
  renderer->ResetCameraClippingRange();
  fitPending = false;
  fitted = cameraState();
  fittedSize = {size[0], size[1]};
}

void SurfaceScene::Impl::layout() {
  const int* viewport = renderer->GetSize();
  const double w = viewport[0], h = viewport[1];
  if (w < 2 || h < 2) return;
  const double s = dpiScale(renderer);
  applySurfaceBackground(renderer);
  applyCubeAxesColors(axes);
  const double right = rightColumn() * s;
  const double top = (kSceneTitleSize * 1.6 + 18.0) * s;
  const double bottom = 24.0 * s;
  // Room for the axis labels and titles around the box's corners. A small view (the surface
  // beside the map on a 1024-pixel projector) leaves the tick labels out, which only ran into
  // each other there, and gives the surface the margins they took; the axis titles stay.
  const bool roomy = w >= 420.0 * s && h >= 300.0 * s;
  axes->SetXAxisLabelVisibility(roomy ? 1 : 0);
  axes->SetYAxisLabelVisibility(roomy ? 1 : 0);
  const double margin = roomy ? 1.0 : 0.45;
  const std::array<double, 4> plot{70.0 * s * margin, w - right - 80.0 * s * margin,
                                   60.0 * s * margin, h - top - 10.0 * s};
  const bool resized =
      viewport[0] != fittedSize[0] || viewport[1] != fittedSize[1] || colorBarChanged;
  colorBarChanged = false;
  if (resized && cameraState() == fitted) fitPending = true;
  if (hasLandscape && fitPending && plot[1] > plot[0] + 10 && plot[3] > plot[2] + 10) fit(plot);
  overlay->runs->setPixelScale(s);
  isolineActor->GetProperty()->SetLineWidth(static_cast<float>(s));

  const auto legend = overlay->runs->legend().size();
  const double columnX = w - right + 10.0 * s;
  const double available = h - top - bottom;
  const double legendH = legend[1] * s;
  double barH = std::min(0.55 * available, available - legendH - 28.0 * s);
  barH = std::max(barH, std::min(available, 80.0 * s));
  overlay->colorBar->place(columnX, h - top - barH, barH, s);
  overlay->runs->legend().place(columnX, bottom, s);
  placeTitle(title, 0.5 * (w - right), h - 10.0 * s, w, s);
  overlay->markers->update();
}

void SurfaceScene::resetCamera() {
  impl_->fitPending = true;
  if (impl_->renderer->GetRenderWindow() != nullptr) impl_->layout();
}

std::optional<ViewCamera> SurfaceScene::camera() const {
  const Impl& d = *impl_;
  if (!d.hasLandscape || d.fitPending || d.cameraState() == d.fitted) {
    return std::nullopt;
  }
  vtkCamera* c = d.renderer->GetActiveCamera();
  ViewCamera out;
  c->GetPosition(out.position.data());
  c->GetFocalPoint(out.focalPoint.data());
  c->GetViewUp(out.viewUp.data());
  out.viewAngle = c->GetViewAngle();
  out.windowCenter = {c->GetWindowCenter()[0], c->GetWindowCenter()[1]};
  return out;
}

void SurfaceScene::setCamera(const ViewCamera& camera) {
  Impl& d = *impl_;
  vtkCamera* c = d.renderer->GetActiveCamera();
  c->ParallelProjectionOff();
  c->SetPosition(camera.position.data());
  c->SetFocalPoint(camera.focalPoint.data());
  c->SetViewUp(camera.viewUp.data());
  c->SetViewAngle(camera.viewAngle);
  c->SetWindowCenter(camera.windowCenter[0], camera.windowCenter[1]);
  c->OrthogonalizeViewUp();
  d.renderer->ResetCameraClippingRange(d.bounds.data());
  // Kept as it is: no fit replaces it, not even after a resize.
  d.fitPending = false;
}

}  // namespace gradscape::plots
