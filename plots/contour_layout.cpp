// The contour map placed in pixels before every frame (margins, box, colour bar, legend, title,
// axes, clipping) and the camera fits that show the whole landscape or a zoom box in the frame.
#include <vtkCamera.h>
#include <vtkProperty.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>

#include <algorithm>
#include <array>

#include "plots/contour_scene_impl.h"
#include "plots/scene_theme.h"

namespace gradscape::plots {

// Everything placed in pixels: margins around the box, the camera fit, colour bar, legend,
// title, the axes for the range on show and the screen-space markers. Runs before every render.
void ContourScene::Impl::layout() {
  const int* viewport = backdrop->GetSize();
  const double w = viewport[0], h = viewport[1];
  if (w < 2 || h < 2) return;
  const double s = dpiScale(backdrop);
  applyPaper(backdrop);
  vtkCamera* camera = backdrop->GetActiveCamera();

  // The axes' margins follow their labels, and the labels the range the box shows: when their
  // size changed, the box is placed once more.
  LegendPlace place = placeBox(w, h, s);
  if (hasLandscape && axes->update(plotBox, shownRange(camera, plotBox, w, h), s)) {
    place = placeBox(w, h, s);
    axes->update(plotBox, shownRange(camera, plotBox, w, h), s);
  }
  const auto [boxLeft, boxBottom, boxW, boxH] = plotBox;
  const auto legend = overlay->runs->legend().size();

  // Right column: colour bar at the top of the box, legend at its bottom (or in the map).
  const double columnX = boxLeft + boxW + 18.0 * s;
  const double legendH = place == LegendPlace::Column ? legend[1] * s : 0.0;
  double barH = legendH > 0.0 ? boxH - legendH - 28.0 * s : boxH;
  barH = std::min(barH, 0.75 * boxH);
  if (barH < 80.0 * s) barH = std::min(boxH, 80.0 * s);
  overlay->colorBar->place(columnX, boxBottom + boxH - barH, barH, s);
  switch (place) {
    case LegendPlace::Column:
      overlay->runs->legend().place(columnX, boxBottom, s);
      break;
    case LegendPlace::Below:
      overlay->runs->legend().place(std::max(4.0 * s, boxLeft - 30.0 * s), 6.0 * s, s);
      break;
    case LegendPlace::Inside:
      overlay->runs->legend().place(std::max(boxLeft, boxLeft + boxW - (legend[0] + 8.0) * s),
                                    boxBottom + 8.0 * s, s);
      break;
  }

  placeTitle(title, boxLeft + 0.5 * boxW,
             std::min(h - 8.0 * s, boxBottom + boxH + (kSceneTitleSize * 1.5 + 8.0) * s), w, s);

  clipAtFrame(w, h);
  overlay->runs->setPixelScale(s);
  isolineActor->GetProperty()->SetLineWidth(static_cast<float>(s));
  overlay->markers->update();
  curvature->update(s);
  update->update(s);
}

// The margins around the box (axes, title, colour bar, legend), the box itself (plotBox) and,
// when due, the camera fit that shows the zoom box in it.
ContourScene::Impl::LegendPlace ContourScene::Impl::placeBox(double w, double h, double s) {
  const auto& g = content.grid;
  const double bw = g.xmax - g.xmin, bh = g.ymax - g.ymin;
  const auto legend = overlay->runs->legend().size();
  const double left = (axes->leftMargin() + 12.0) * s;
  const double top = (kSceneTitleSize * 1.6 + 14.0) * s;
  // The legend shares the right column with the colour bar when the map keeps most of the
  // width; in a tall view it goes under the map; otherwise it floats in the map's corner.
  // The column: 18 px from the box, its content, 8 px to the window's edge.
  const double wideColumn = (std::max(overlay->colorBar->width(), legend[0]) + 26.0) * s;
  const double narrowColumn = (overlay->colorBar->width() + 26.0) * s;
  const double belowHeight = (legend[1] + 12.0) * s;
  // The legend goes where the map stays largest: beside it (sharing the colour bar's column) or
  // under it; over the map's corner (where it hides paths) only when both would shrink the map
  // to less than 60% of its size.
  const double boxAspect = hasLandscape ? (g.ymax - g.ymin) / (g.xmax - g.xmin) : 1.0;
  const auto boxSide = [&](double rectW, double rectH) {
    return std::max(0.0, std::min(rectW, rectH / boxAspect));  // the box's width
  };
  const double baseBottom = (axes->bottomMargin() + 10.0) * s;
  const double insideBox = boxSide(w - left - narrowColumn, h - top - baseBottom);
  double columnBox = boxSide(w - left - wideColumn, h - top - baseBottom);
  // The column holds the colour bar (at least 80 px) above the legend: a legend taller than the
  // box allows does not fit there.
  if (columnBox * boxAspect < (legend[1] + 108.0) * s) columnBox = 0.0;
  const double belowBox = boxSide(w - left - narrowColumn, h - top - baseBottom - belowHeight);
  LegendPlace place = columnBox >= belowBox ? LegendPlace::Column : LegendPlace::Below;
  if (std::max(columnBox, belowBox) < 0.6 * insideBox) place = LegendPlace::Inside;
  const double bottom = baseBottom + (place == LegendPlace::Below ? belowHeight : 0.0);
  const double right = place == LegendPlace::Column ? wideColumn : narrowColumn;
  const double rectW = std::max(10.0, w - left - right), rectH = std::max(10.0, h - bottom - top);

  // Equal scales on x and y: the map keeps angles (gradients cross isolines at right angles).
  const double wpp = hasLandscape ? std::max(bw / rectW, bh / rectH) : 1.0;
  const double boxW = bw / wpp, boxH = bh / wpp;
  // The whole group (labels, box, colour bar, legend) is centred in the window.
  const double boxLeft = std::max(left, 0.5 * (w - boxW - left - right) + left);
  const double boxBottom = bottom + 0.5 * (rectH - boxH);
  plotBox = {boxLeft, boxBottom, boxW, boxH};
  if (hasLandscape) fitCamera(std::array<double, 5>{w, h, left, right, bottom});
  return place;
}

// Refits the camera when asked to, or when the window or the space around the box changed while
// the user has not moved the map: the zoom box (the whole landscape by default) fills the
// frame, centred.
void ContourScene::Impl::fitCamera(const std::array<double, 5>& frameNow) {
  vtkCamera* camera = backdrop->GetActiveCamera();
  const bool untouched = stateOf(camera) == fitted;
  if (!fitPending && (frameNow == fittedFrame || !untouched)) return;
  const auto& g = content.grid;
  const double w = frameNow[0], h = frameNow[1];
  const double boxW = plotBox[2], boxH = plotBox[3];
  const ViewBox z = zoomBox.value_or(ViewBox{g.xmin, g.xmax, g.ymin, g.ymax});
  const double zwpp = std::max((z.xmax - z.xmin) / boxW, (z.ymax - z.ymin) / boxH);
  showAtBoxCentre(camera, 0.5 * (z.xmin + z.xmax), 0.5 * (z.ymin + z.ymax), zwpp, plotBox, w, h,
                  size);
  fitted = stateOf(camera);
  fittedFrame = frameNow;
  fitPending = false;
}

void ContourScene::Impl::clipAtFrame(double w, double h) {
  const auto rect = frameClip.update(backdrop, plotBox, w, h);
  overlay->markers->setClipRect(rect);
  overlay->runs->setClipping(frameClip.planes(), rect);
}

std::array<double, 4> ContourScene::plotBox() const {
  return impl_->plotBox;
}

std::array<double, 4> ContourScene::titleBox() const {
  Impl& d = *impl_;
  if (!d.title->GetVisibility()) return {0.0, 0.0, 0.0, 0.0};
  // GetBoundingBox gives xmin, xmax, ymin, ymax relative to the actor's position.
  double b[4];
  d.title->GetBoundingBox(d.renderer, b);
  const double* p = d.title->GetPosition();
  return {p[0] + b[0], p[1] + b[2], b[1] - b[0], b[3] - b[2]};
}

void ContourScene::resetCamera() {
  impl_->fitPending = true;
  impl_->zoomBox.reset();
  // Fit now when the window size is known, so a pick before the next render sees the new view.
  if (impl_->backdrop->GetRenderWindow() != nullptr) impl_->layout();
}

std::optional<ViewBox> ContourScene::zoomBox() const {
  const Impl& d = *impl_;
  if (!d.hasLandscape) return std::nullopt;
  if (d.fitPending) return d.zoomBox;  // not laid out yet: what the next frame shows
  vtkCamera* camera = d.backdrop->GetActiveCamera();
  if (stateOf(camera) == d.fitted) return d.zoomBox;
  // The frame's pixels mapped back through the camera.
  const int* viewport = d.backdrop->GetSize();
  const double w = viewport[0], h = viewport[1];
  if (w < 2 || h < 2 || d.plotBox[2] <= 0.0 || d.plotBox[3] <= 0.0) return d.zoomBox;
  const auto [xmin, xmax, ymin, ymax] = shownRange(camera, d.plotBox, w, h);
  return ViewBox{xmin, xmax, ymin, ymax};
}

void ContourScene::setZoomBox(std::optional<ViewBox> box) {
  impl_->zoomBox = box;
  impl_->fitPending = true;
  if (impl_->backdrop->GetRenderWindow() != nullptr) impl_->layout();
}

}  // namespace gradscape::plots
