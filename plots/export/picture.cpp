#include "plots/export/picture.h"

#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>
#include <vtkWindowToImageFilter.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace gradscape::plots {
namespace {

// What a transparent picture changes on each renderer, put back afterwards.
struct Backdrop {
  vtkRenderer* renderer;
  double alpha;
  bool gradient;
};

std::vector<Backdrop> clearBackgrounds(vtkRenderWindow* window) {
  std::vector<Backdrop> saved;
  vtkRendererCollection* renderers = window->GetRenderers();
  renderers->InitTraversal();
  while (vtkRenderer* r = renderers->GetNextItem()) {
    saved.push_back({r, r->GetBackgroundAlpha(), r->GetGradientBackground()});
    r->SetBackgroundAlpha(0.0);
    r->SetGradientBackground(false);
  }
  return saved;
}

void restoreBackgrounds(const std::vector<Backdrop>& saved) {
  for (const Backdrop& b : saved) {
    b.renderer->SetBackgroundAlpha(b.alpha);
    b.renderer->SetGradientBackground(b.gradient);
  }
}

bool fail(std::string* error, const std::string& why) {
  if (error != nullptr) *error = why;
  return false;
}

}  // namespace

Picture renderPicture(vtkRenderWindow* window, const PictureOptions& options, std::string* error) {
  Picture picture;
  if (error != nullptr) error->clear();
  if (!(options.scale >= 0.25 && options.scale <= 8.0)) {
    fail(error, "scale must be between 0.25 and 8, got " + std::to_string(options.scale));
    return picture;
  }
  const int* size = window->GetSize();
  const int w0 = size[0], h0 = size[1], dpi0 = window->GetDPI();
  const int w = static_cast<int>(std::lround(w0 * options.scale));
  const int h = static_cast<int>(std::lround(h0 * options.scale));
  if (w < 1 || h < 1) {
    fail(error, "the view has no size to draw");
    return picture;
  }
  if (w > kMaxPictureSide || h > kMaxPictureSide) {
    fail(error, "a picture of " + std::to_string(w) + " x " + std::to_string(h) +
                    " pixels is too large (at most " + std::to_string(kMaxPictureSide) +
                    " on each side)");
    return picture;
  }
  const bool resized = w != w0 || h != h0;
  if (resized) {
    window->SetSize(w, h);
    window->SetDPI(static_cast<int>(std::lround(dpi0 * options.scale)));
  }
  std::vector<Backdrop> saved;
  const int alphaPlanes = window->GetAlphaBitPlanes();
  if (options.transparent) {
    saved = clearBackgrounds(window);
    window->SetAlphaBitPlanes(1);
  }
  window->Render();
  vtkNew<vtkWindowToImageFilter> grab;
  grab->SetInput(window);
  grab->SetInputBufferTypeToRGBA();
  grab->ReadFrontBufferOff();
  grab->ShouldRerenderOff();
  grab->Update();
  vtkImageData* image = grab->GetOutput();
  const int* dims = image->GetDimensions();
  picture.width = dims[0];
  picture.height = dims[1];
  picture.rgba.resize(static_cast<size_t>(picture.width) * static_cast<size_t>(picture.height) * 4);
  const auto* data = static_cast<const uint8_t*>(image->GetScalarPointer());
  const size_t row = static_cast<size_t>(picture.width) * 4;
  for (int y = 0; y < picture.height; ++y) {  // VTK's rows count from the bottom
    std::memcpy(picture.rgba.data() + static_cast<size_t>(y) * row,
                data + static_cast<size_t>(picture.height - 1 - y) * row, row);
  }
  if (!options.transparent) {
    // VTK leaves the background's alpha at 0 in an opaque window.
    for (size_t i = 3; i < picture.rgba.size(); i += 4) picture.rgba[i] = 255;
  } else {
    restoreBackgrounds(saved);
    window->SetAlphaBitPlanes(alphaPlanes);
  }
  if (resized) {
    window->SetSize(w0, h0);
    window->SetDPI(dpi0);
  }
  return picture;
}

}  // namespace gradscape::plots
