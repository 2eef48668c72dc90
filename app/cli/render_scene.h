#pragma once
// One view of `gradscape-cli render`, built in offscreen windows from the desktop program's
// scenes (plots/), fed as its panels feed them and set up as the scenario's saved view says:
// the map's zoom box, the surface's camera, the convergence chart's quantity and log axes, the
// selected run's spectrum, the window's layout. It draws pictures (PNG, video frames) and vector
// files, and can be drawn again with other runs (a video's frames).
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/render_inputs.h"
#include "plots/export/picture.h"
#include "plots/export/vector_export.h"

namespace gradscape::cli {

class RenderScene {
 public:
  // Builds `view` (map, surface, convergence, sharpness, spectrum or window) at width x height
  // view pixels. The spectrum is analysed here (`cancel` stops it). error() says why it could
  // not be built. `inputs` must outlive the scene.
  RenderScene(const RenderInputs& inputs, const std::string& view, int width, int height,
              const std::atomic<bool>* cancel = nullptr);
  ~RenderScene();
  RenderScene(const RenderScene&) = delete;
  RenderScene& operator=(const RenderScene&) = delete;

  const std::string& error() const { return error_; }

  // Draws these runs instead (runsUpTo for a video frame). The spectrum stays as it is.
  void setRuns(const std::vector<plots::RunView>& runs);
  // Turns the surface's camera by `degrees` of azimuth about its focal point (an orbit).
  void orbit(double degrees);
  // The picture at `scale`: round(scale x width) x round(scale x height). The window view is
  // its parts drawn apart and placed on the theme's paper. Empty, with `error` set, on failure.
  plots::Picture picture(double scale, std::string& error);
  // Writes the view (one part: not the window) as SVG or PDF at its size, the map and the
  // surface with their landscape as an image (rasterize3D). "" or why not.
  std::string writeVector(const std::string& path, plots::VectorFormat format);

 private:
  struct Part;
  void addLandscape(bool surface, bool legend, bool colorBar, int x, int y, int w, int h);
  void addConvergence(int x, int y, int w, int h);
  void addSharpness(int x, int y, int w, int h);
  void addSpectrum(int x, int y, int w, int h, const std::atomic<bool>* cancel);
  Part& add(int x, int y, int w, int h);

  const RenderInputs& in_;
  int width_ = 0, height_ = 0;
  std::vector<std::unique_ptr<Part>> parts_;
  std::string error_;
};

}  // namespace gradscape::cli
