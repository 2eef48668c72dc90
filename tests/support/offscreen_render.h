#pragma once
// A landscape scene in an offscreen window of its own, rendered and read back pixel by pixel,
// for tests that check colours at known places of the picture. The window is a
// plots::OffscreenWindow (all of a process's offscreen windows share one X connection).
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "plots/export/offscreen_window.h"
#include "plots/export/picture.h"

namespace gradscape::testing {

inline constexpr int kWidth = 640;
inline constexpr int kHeight = 480;
using Pixel = std::array<int, 3>;

template <class Scene>
struct OffscreenScene {
  Scene scene;
  plots::OffscreenWindow offscreen{kWidth, kHeight};
  vtkRenderWindow* const window = offscreen.window();

  OffscreenScene() { offscreen.addRenderer(scene.renderer()); }
  OffscreenScene(const OffscreenScene&) = delete;
  OffscreenScene& operator=(const OffscreenScene&) = delete;

  // The rendered picture (plots::renderPicture at scale 1), rows from the bottom.
  std::vector<Pixel> render() {
    const plots::Picture picture = plots::renderPicture(window, {});
    const int w = picture.width, h = picture.height;
    std::vector<Pixel> pixels(static_cast<size_t>(w) * static_cast<size_t>(h));
    for (int y = 0; y < h; ++y) {
      for (int x = 0; x < w; ++x) {  // VTK's rows count from the bottom
        pixels[static_cast<size_t>(y * w + x)] = {
            picture.at(x, h - 1 - y, 0), picture.at(x, h - 1 - y, 1), picture.at(x, h - 1 - y, 2)};
      }
    }
    return pixels;
  }
  // Display position (pixels, origin bottom-left) of a world point.
  std::array<double, 2> display(double x, double y, double z = 0.0) {
    vtkRenderer* r = scene.renderer();
    r->SetWorldPoint(x, y, z, 1.0);
    r->WorldToDisplay();
    return {r->GetDisplayPoint()[0], r->GetDisplayPoint()[1]};
  }
  static Pixel at(const std::vector<Pixel>& image, std::array<double, 2> d) {
    const int x = static_cast<int>(std::floor(d[0])), y = static_cast<int>(std::floor(d[1]));
    return image[static_cast<size_t>(y * kWidth + x)];
  }
};

}  // namespace gradscape::testing
