#include "app/cli/render_pictures.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "core/analysis/iterate_spectrum.h"
#include "core/analysis/stability_threshold.h"
#include "core/registry/params.h"
#include "plots/contour_scene.h"
#include "plots/convergence_chart.h"
#include "plots/export/offscreen_window.h"
#include "plots/sharpness_chart.h"
#include "plots/sharpness_series.h"
#include "plots/spectrum_chart.h"
#include "plots/surface_scene.h"
#include "plots/theme.h"

namespace gradscape::cli {

namespace {

using plots::Picture;

// Renders one renderer (a scene's or a chart's) alone in an offscreen window.
Picture pictureOf(vtkRenderer* renderer, int width, int height, double scale, std::string& error) {
  plots::OffscreenWindow window(width, height);
  window.addRenderer(renderer);
  plots::PictureOptions options;
  options.scale = scale;
  Picture picture = plots::renderPicture(window.window(), options, &error);
  window.removeRenderer(renderer);
  return picture;
}

Picture mapPicture(const RenderScene& s, bool legend, int w, int h, double scale,
                   std::string& error) {
  plots::ContourScene scene;
  scene.setLandscape(s.landscape.content);
  scene.resetCamera();
  scene.setRuns(s.views);
  scene.setStartPoint(s.start[0], s.start[1]);
  scene.setLegendVisible(legend);
  scene.setAntialiasing(true);
  return pictureOf(scene.renderer(), w, h, scale, error);
}

// Alone, the surface carries the legend and the colour bar (the GUI's surface-only layout);
// beside the map it has neither.
Picture surfacePicture(const RenderScene& s, bool alone, int w, int h, double scale,
                       std::string& error) {
  plots::SurfaceScene scene;
  scene.setLandscape(s.landscape.content);
  scene.resetCamera();
  scene.setRuns(s.views);
  scene.setStartPoint(s.start[0], s.start[1]);
  scene.setLegendVisible(alone);
  scene.setColorBarVisible(alone);
  scene.setAntialiasing(true);
  return pictureOf(scene.renderer(), w, h, scale, error);
}

// The convergence panel's default: the loss, log y, linear x.
Picture convergencePicture(const RenderScene& s, int w, int h, double scale, std::string& error) {
  plots::ConvergenceChart chart;
  chart.setLogY(true);
  chart.setRuns(s.views, plots::ConvergenceQuantity::Loss, s.objective->minimumValue());
  return pictureOf(chart.renderer(), w, h, scale, error);
}

Picture sharpnessPicture(const RenderScene& s, int w, int h, double scale, std::string& error) {
  plots::SharpnessChart chart;
  chart.setSeries(plots::sharpnessSeries(s.scenario.runs, s.views));
  return pictureOf(chart.renderer(), w, h, scale, error);
}

// The spectrum panel's Auto choice at the first run's iterate: every eigenvalue up to
// kMaxDenseHessianDim dimensions, else the SLQ density; the run's stability threshold as a line.
Picture spectrumPicture(const RenderScene& s, int w, int h, double scale, std::string& error) {
  if (s.views.empty() || s.iterate.size() == 0) {
    error = "the spectrum view needs a run (the scenario has none)";
    return {};
  }
  SpectrumRequest request;
  request.method =
      s.objective->dim() <= kMaxDenseHessianDim ? SpectrumMethod::Dense : SpectrumMethod::Slq;
  const SpectrumReport r = analyseSpectrum(*s.objective, s.iterate, request);
  plots::SpectrumData data;
  if (r.method == SpectrumMethod::Dense) {
    data.eigenvalues.assign(r.eigenvalues.begin(), r.eigenvalues.end());
  }
  data.grid.assign(r.grid.begin(), r.grid.end());
  const double floor = 1e-6 * (r.density.size() > 0 ? r.density.maxCoeff() : 0.0);
  for (double v : r.density) data.density.push_back(std::max(v, floor));
  const plots::RunView& run = s.views.front();
  data.title = "Hessian spectrum at iteration " + std::to_string(s.iterateIteration) + " — " +
               (run.name.empty() ? run.label : run.name);
  data.color = run.color;
  plots::SpectrumChart chart;
  const RunSpec& spec = s.scenario.runs.front();
  if (const auto t = stabilityThreshold(spec.optimizer, spec.optimizerParams);
      t && s.iterateLr > 0.0) {
    chart.setThresholds(
        {{t->formula + " = " + labelNumber(t->at(s.iterateLr)), t->at(s.iterateLr)}});
  }
  chart.setSpectrum(data);
  return pictureOf(chart.renderer(), w, h, scale, error);
}

// Copies `part` into `whole` with its top left corner at (x, y).
void place(Picture& whole, const Picture& part, int x, int y) {
  for (int row = 0; row < part.height && y + row < whole.height; ++row) {
    const int cols = std::min(part.width, whole.width - x);
    if (cols <= 0) return;
    std::memcpy(whole.rgba.data() + (static_cast<size_t>(y + row) * whole.width + x) * 4,
                part.rgba.data() + static_cast<size_t>(row) * part.width * 4,
                static_cast<size_t>(cols) * 4);
  }
}

// The GUI's default arrangement, simplified: the map and the surface side by side in the upper
// 62%, the convergence chart across the lower part; each drawn on its own and placed.
Picture windowPicture(const RenderScene& s, int w, int h, double scale, std::string& error) {
  const int topH = static_cast<int>(std::lround(0.62 * h));
  const int leftW = w / 2;
  const Picture map = mapPicture(s, true, leftW, topH, scale, error);
  if (map.empty()) return {};
  const Picture surface = surfacePicture(s, false, w - leftW, topH, scale, error);
  if (surface.empty()) return {};
  const Picture chart = convergencePicture(s, w, h - topH, scale, error);
  if (chart.empty()) return {};
  Picture whole;
  whole.width = std::max(map.width + surface.width, chart.width);
  whole.height = map.height + chart.height;
  whole.rgba.assign(static_cast<size_t>(whole.width) * whole.height * 4, 255);
  place(whole, map, 0, 0);
  place(whole, surface, map.width, 0);
  place(whole, chart, 0, map.height);
  return whole;
}

}  // namespace

Picture renderView(const RenderScene& scene, const std::string& view, int width, int height,
                   double scale, std::string& error) {
  if (view == "map") return mapPicture(scene, true, width, height, scale, error);
  if (view == "surface") return surfacePicture(scene, true, width, height, scale, error);
  if (view == "convergence") return convergencePicture(scene, width, height, scale, error);
  if (view == "sharpness") return sharpnessPicture(scene, width, height, scale, error);
  if (view == "spectrum") return spectrumPicture(scene, width, height, scale, error);
  if (view == "window") return windowPicture(scene, width, height, scale, error);
  error = "unknown view " + view;
  return {};
}

}  // namespace gradscape::cli
