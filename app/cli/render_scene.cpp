#include "app/cli/render_scene.h"

#include <vtkCamera.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/analysis/iterate_spectrum.h"
#include "core/analysis/stability_threshold.h"
#include "plots/contour_scene.h"
#include "plots/convergence_chart.h"
#include "plots/export/offscreen_window.h"
#include "plots/sharpness_chart.h"
#include "plots/sharpness_series.h"
#include "plots/spectrum_data.h"
#include "plots/surface_scene.h"
#include "plots/theme.h"

namespace gradscape::cli {

// One scene or chart in an offscreen window of its own, placed at (x, y) (from the top left)
// in the view.
struct RenderScene::Part {
  std::unique_ptr<plots::LandscapeScene> landscape;
  plots::SurfaceScene* surface = nullptr;  // the landscape, when it is the surface
  std::unique_ptr<plots::ConvergenceChart> convergence;
  std::unique_ptr<plots::SharpnessChart> sharpness;
  std::unique_ptr<plots::SpectrumChart> spectrum;
  std::unique_ptr<plots::OffscreenWindow> window;  // last: released before the scenes
  int x = 0, y = 0;

  vtkRenderer* renderer() const {
    if (landscape) return landscape->renderer();
    if (convergence) return convergence->renderer();
    if (sharpness) return sharpness->renderer();
    return spectrum ? spectrum->renderer() : nullptr;
  }
};

namespace {

// Copies `part` into `whole` with its top left corner at (x, y), cut at whole's edges.
void place(plots::Picture& whole, const plots::Picture& part, int x, int y) {
  const int cols = std::min(part.width, whole.width - x);
  if (cols <= 0) return;
  for (int row = 0; row < part.height && y + row < whole.height; ++row) {
    std::memcpy(whole.rgba.data() + (static_cast<size_t>(y + row) * whole.width + x) * 4,
                part.rgba.data() + static_cast<size_t>(row) * part.width * 4,
                static_cast<size_t>(cols) * 4);
  }
}

uint8_t channel(double v) {
  return static_cast<uint8_t>(std::lround(255.0 * std::clamp(v, 0.0, 1.0)));
}

}  // namespace

RenderScene::RenderScene(const RenderInputs& inputs, const std::string& view, int width, int height,
                         const std::atomic<bool>* cancel)
    : in_(inputs), width_(width), height_(height) {
  if (view == "map") {
    addLandscape(false, true, true, 0, 0, width, height);
  } else if (view == "surface") {
    // Alone, the surface carries the legend and the colour bar (the window's surface layout).
    addLandscape(true, true, true, 0, 0, width, height);
  } else if (view == "convergence") {
    addConvergence(0, 0, width, height);
  } else if (view == "sharpness") {
    addSharpness(0, 0, width, height);
  } else if (view == "spectrum") {
    addSpectrum(0, 0, width, height, cancel);
  } else if (view == "window") {
    // The desktop program's arrangement: the landscape views of the saved layout in the upper
    // 62% (the map with the legend, or the surface alone with legend and colour bar), the
    // convergence chart across the lower part.
    const int top = static_cast<int>(std::lround(0.62 * height));
    switch (in_.view.layout) {
      case ViewState::Layout::Both:
        addLandscape(false, true, true, 0, 0, width / 2, top);
        addLandscape(true, false, false, width / 2, 0, width - width / 2, top);
        break;
      case ViewState::Layout::Contour:
        addLandscape(false, true, true, 0, 0, width, top);
        break;
      case ViewState::Layout::Surface:
        addLandscape(true, true, true, 0, 0, width, top);
        break;
    }
    addConvergence(0, top, width, height - top);
  } else {
    error_ = "unknown view " + view;
  }
  setRuns(in_.runs);
}

RenderScene::~RenderScene() = default;

RenderScene::Part& RenderScene::add(int x, int y, int w, int h) {
  auto part = std::make_unique<Part>();
  part->x = x;
  part->y = y;
  part->window = std::make_unique<plots::OffscreenWindow>(w, h);
  parts_.push_back(std::move(part));
  return *parts_.back();
}

// The map (zoomed to the saved box) or the surface (seen from the saved camera), as the
// landscape panel sets them up.
void RenderScene::addLandscape(bool surface, bool legend, bool colorBar, int x, int y, int w,
                               int h) {
  Part& part = add(x, y, w, h);
  if (surface) {
    auto scene = std::make_unique<plots::SurfaceScene>();
    scene->setColorBarVisible(colorBar);
    part.surface = scene.get();
    part.landscape = std::move(scene);
  } else {
    part.landscape = std::make_unique<plots::ContourScene>();
  }
  plots::LandscapeScene& scene = *part.landscape;
  scene.setLandscape(in_.landscape.content);
  scene.resetCamera();
  scene.setStartPoint(in_.start[0], in_.start[1]);
  scene.setLegendVisible(legend);
  scene.setAntialiasing(true);
  if (part.surface != nullptr && in_.view.surfaceCamera) {
    part.surface->setCamera(*in_.view.surfaceCamera);
  }
  if (part.surface == nullptr && in_.view.mapBox) {
    static_cast<plots::ContourScene&>(scene).setZoomBox(in_.view.mapBox);
  }
  part.window->addRenderer(scene.renderer());
}

// The saved quantity (the loss when it is the gap and the minimum is unknown), x axis and log
// axes.
void RenderScene::addConvergence(int x, int y, int w, int h) {
  Part& part = add(x, y, w, h);
  part.convergence = std::make_unique<plots::ConvergenceChart>();
  part.convergence->setXAxis(plots::convergenceAxis(in_.view.chartX));
  part.convergence->setLogX(in_.view.chartLogX);
  part.convergence->setLogY(in_.view.chartLogY);
  part.window->addRenderer(part.convergence->renderer());
}

void RenderScene::addSharpness(int x, int y, int w, int h) {
  Part& part = add(x, y, w, h);
  part.sharpness = std::make_unique<plots::SharpnessChart>();
  part.window->addRenderer(part.sharpness->renderer());
}

// The spectrum panel's Auto choice at the selected run's iterate, with the run's stability
// threshold (plots/spectrum_data.h, as the panel draws it).
void RenderScene::addSpectrum(int x, int y, int w, int h, const std::atomic<bool>* cancel) {
  if (in_.runs.empty() || in_.iterate.size() == 0) {
    error_ = "the spectrum view needs a run (the scenario has none)";
    return;
  }
  const SpectrumRequest request =
      plots::spectrumRequestFor(plots::SpectrumChoice::Auto, in_.objective->dim());
  SpectrumReport report;
  try {
    AnalysisControl control;
    control.cancel = cancel;
    report = analyseSpectrum(*in_.objective, in_.iterate, request, control);
  } catch (const AnalysisCancelled&) {
    error_ = "interrupted";
    return;
  } catch (const std::exception& e) {
    error_ = std::string("cannot analyse the Hessian spectrum: ") + e.what();
    return;
  }
  const RunSpec& spec = in_.scenario.runs[in_.selected];
  plots::SpectrumData data = plots::spectrumData(report, request);
  data.title =
      "Hessian spectrum at iteration " + std::to_string(in_.iterateIteration) + " — " + spec.label;
  data.color = in_.runs[in_.selected].color;
  Part& part = add(x, y, w, h);
  part.spectrum = std::make_unique<plots::SpectrumChart>();
  part.spectrum->setThresholds(plots::thresholdLines(
      stabilityThreshold(spec.optimizer, spec.optimizerParams), in_.iterateLr));
  part.spectrum->setSpectrum(data);
  part.window->addRenderer(part.spectrum->renderer());
}

void RenderScene::setRuns(const std::vector<plots::RunView>& runs) {
  const std::optional<double> minimum = in_.objective->minimumValue();
  const auto quantity =
      plots::drawableQuantity(plots::convergenceQuantity(in_.view.chartQuantity), minimum);
  for (const auto& part : parts_) {
    if (part->landscape) part->landscape->setRuns(runs);
    if (part->convergence) part->convergence->setRuns(runs, quantity, minimum);
    if (part->sharpness) {
      part->sharpness->setSeries(plots::sharpnessSeries(in_.scenario.runs, runs));
    }
  }
}

void RenderScene::orbit(double degrees) {
  for (const auto& part : parts_) {
    if (part->surface == nullptr) continue;
    vtkRenderer* renderer = part->surface->renderer();
    renderer->GetActiveCamera()->Azimuth(degrees);
    renderer->ResetCameraClippingRange();
  }
}

plots::Picture RenderScene::picture(double scale, std::string& error) {
  if (!error_.empty() || parts_.empty()) {
    error = error_.empty() ? "nothing to draw" : error_;
    return {};
  }
  plots::PictureOptions options;
  options.scale = scale;
  if (parts_.size() == 1) return plots::renderPicture(parts_[0]->window->window(), options, &error);
  plots::Picture whole;
  whole.width = static_cast<int>(std::lround(scale * width_));
  whole.height = static_cast<int>(std::lround(scale * height_));
  const plots::Rgb paper = plots::paletteOf(plots::currentTheme()).paper;
  whole.rgba.resize(static_cast<size_t>(whole.width) * static_cast<size_t>(whole.height) * 4);
  for (size_t i = 0; i < whole.rgba.size(); i += 4) {
    whole.rgba[i] = channel(paper.r);
    whole.rgba[i + 1] = channel(paper.g);
    whole.rgba[i + 2] = channel(paper.b);
    whole.rgba[i + 3] = 255;
  }
  for (const auto& part : parts_) {
    const plots::Picture p = plots::renderPicture(part->window->window(), options, &error);
    if (p.empty()) return {};
    place(whole, p, static_cast<int>(std::lround(scale * part->x)),
          static_cast<int>(std::lround(scale * part->y)));
  }
  return whole;
}

std::string RenderScene::writeVector(const std::string& path, plots::VectorFormat format) {
  if (!error_.empty()) return error_;
  if (parts_.size() != 1) return "the window view is written as .png or as a video";
  const Part& part = *parts_.front();
  vtkRenderWindow* window = part.window->window();
  window->Render();  // the scenes lay themselves out in their first frame
  plots::VectorOptions options;
  options.format = format;
  options.rasterize3D = part.landscape != nullptr;
  options.title = std::filesystem::path(path).stem().string();
  return plots::writeVectorPicture(window, path, options);
}

}  // namespace gradscape::cli
