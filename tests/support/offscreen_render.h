#pragma once
// A landscape scene in an offscreen window of its own, rendered and read back pixel by pixel,
// for tests that check colours at known places of the picture.
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkWindowToImageFilter.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace gradscape::testing {

inline constexpr int kWidth = 640;
inline constexpr int kHeight = 480;
using Pixel = std::array<int, 3>;

// Gives an offscreen window the X connection every offscreen window of this test process
// shares. A fresh connection per window (VTK's default) fails now and then under Xvfb with
// "bad X server connection" and an abort; one connection, opened once, does not.
inline void shareDisplay(vtkRenderWindow* window) {
  static vtkRenderWindow* const anchor = [] {
    // Never deleted: it owns the shared connection until the process ends.
    vtkRenderWindow* w = vtkRenderWindow::New();
    w->SetOffScreenRendering(1);
    w->SetSize(1, 1);
    w->Render();  // opens the display (and a context nobody else uses)
    return w;
  }();
  window->SetDisplayId(anchor->GetGenericDisplayId());
}

template <class Scene>
struct OffscreenScene {
  Scene scene;
  vtkNew<vtkRenderWindow> window;

  OffscreenScene() {
    shareDisplay(window);
    window->SetOffScreenRendering(1);
    window->SetMultiSamples(0);
    window->SetSize(kWidth, kHeight);
    window->AddRenderer(scene.renderer());
  }
  ~OffscreenScene() { window->Finalize(); }
  OffscreenScene(const OffscreenScene&) = delete;
  OffscreenScene& operator=(const OffscreenScene&) = delete;

  // The rendered picture, rows from the bottom.
  std::vector<Pixel> render() {
    window->Render();
    vtkNew<vtkWindowToImageFilter> grab;
    grab->SetInput(window);
    grab->SetInputBufferTypeToRGB();
    grab->ReadFrontBufferOff();
    grab->Update();
    auto* data = static_cast<unsigned char*>(grab->GetOutput()->GetScalarPointer());
    std::vector<Pixel> pixels(static_cast<size_t>(kWidth * kHeight));
    for (size_t i = 0; i < pixels.size(); ++i) {
      pixels[i] = {data[3 * i], data[3 * i + 1], data[3 * i + 2]};
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
