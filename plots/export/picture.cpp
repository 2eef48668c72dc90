#include "plots/export/picture.h"

#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>
#include <vtkWindowToImageFilter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "plots/backdrop_renderer.h"
#include "plots/scene_theme.h"

namespace gradscape::plots {
namespace {

// Backdrop renderers do not keep what the picture's frames draw (BackdropRenderer::setKeeping)
// while this lives.
class NoKeeping {
 public:
  explicit NoKeeping(vtkRenderWindow* window) {
    vtkRendererCollection* renderers = window->GetRenderers();
    vtkCollectionSimpleIterator it;
    renderers->InitTraversal(it);
    while (vtkRenderer* r = renderers->GetNextRenderer(it)) {
      if (auto* backdrop = BackdropRenderer::SafeDownCast(r)) {
        backdrop->setKeeping(false);
        backdrops_.push_back(backdrop);
      }
    }
  }
  ~NoKeeping() {
    for (BackdropRenderer* backdrop : backdrops_) backdrop->setKeeping(true);
  }
  NoKeeping(const NoKeeping&) = delete;
  NoKeeping& operator=(const NoKeeping&) = delete;

 private:
  std::vector<BackdropRenderer*> backdrops_;
};

// What a transparent picture changes on each renderer, put back afterwards.
struct Backdrop {
  vtkRenderer* renderer;
  std::array<double, 3> background, background2;
  double alpha;
  bool gradient;
};

std::vector<Backdrop> saveBackgrounds(vtkRenderWindow* window) {
  std::vector<Backdrop> saved;
  vtkRendererCollection* renderers = window->GetRenderers();
  vtkCollectionSimpleIterator it;
  renderers->InitTraversal(it);
  while (vtkRenderer* r = renderers->GetNextRenderer(it)) {
    Backdrop b{r, {}, {}, r->GetBackgroundAlpha(), r->GetGradientBackground()};
    r->GetBackground(b.background.data());
    r->GetBackground2(b.background2.data());
    saved.push_back(b);
  }
  return saved;
}

// Every renderer clears to one flat, opaque grey level (0 black, 1 white).
void setBackgrounds(const std::vector<Backdrop>& saved, double level) {
  setBackdropOverride(Rgb{level, level, level});  // scenes that set their paper each frame
  for (const Backdrop& b : saved) {
    b.renderer->SetBackground(level, level, level);
    b.renderer->SetBackgroundAlpha(1.0);
    b.renderer->SetGradientBackground(false);
  }
}

void restoreBackgrounds(const std::vector<Backdrop>& saved) {
  setBackdropOverride(std::nullopt);
  for (const Backdrop& b : saved) {
    b.renderer->SetBackground(b.background.data());
    b.renderer->SetBackground2(b.background2.data());
    b.renderer->SetBackgroundAlpha(b.alpha);
    b.renderer->SetGradientBackground(b.gradient);
  }
}

// Renders the window and reads its frame back: RGBA, top row first, alpha 255.
Picture renderAndRead(vtkRenderWindow* window) {
  window->Render();
  vtkNew<vtkWindowToImageFilter> grab;
  grab->SetInput(window);
  grab->SetInputBufferTypeToRGB();
  grab->ReadFrontBufferOff();
  grab->ShouldRerenderOff();
  grab->Update();
  vtkImageData* image = grab->GetOutput();
  const int* dims = image->GetDimensions();
  Picture picture;
  picture.width = dims[0];
  picture.height = dims[1];
  picture.rgba.resize(static_cast<size_t>(picture.width) * static_cast<size_t>(picture.height) * 4);
  const auto* data = static_cast<const uint8_t*>(image->GetScalarPointer());
  for (int y = 0; y < picture.height; ++y) {  // VTK's rows count from the bottom
    const uint8_t* from =
        data + static_cast<size_t>(picture.height - 1 - y) * static_cast<size_t>(picture.width) * 3;
    uint8_t* to =
        picture.rgba.data() + static_cast<size_t>(y) * static_cast<size_t>(picture.width) * 4;
    for (int x = 0; x < picture.width; ++x, from += 3, to += 4) {
      to[0] = from[0];
      to[1] = from[1];
      to[2] = from[2];
      to[3] = 255;
    }
  }
  return picture;
}

// The picture over no background, from the same frame drawn over black (b) and over white
// (w): a pixel of colour c and coverage a shows a c + (1 - a) bg, so a = 1 - (w - b) / 255 and
// c = b / a. Unlike the GL alpha channel this needs nothing of how each prop writes alpha (the
// kept landscape, text textures, translucent passes), and anti-aliased edges keep their ink
// colour instead of a fringe of the background's.
Picture unmatte(const Picture& b, const Picture& w) {
  Picture out = b;
  for (size_t i = 0; i < out.rgba.size(); i += 4) {
    int spread = 0;
    for (size_t c = 0; c < 3; ++c) spread += std::max(0, w.rgba[i + c] - b.rgba[i + c]);
    const int alpha = std::clamp(255 - static_cast<int>(std::lround(spread / 3.0)), 0, 255);
    out.rgba[i + 3] = static_cast<uint8_t>(alpha);
    for (size_t c = 0; c < 3; ++c) {
      out.rgba[i + c] =
          alpha == 0
              ? 0
              : static_cast<uint8_t>(std::min(255L, std::lround(b.rgba[i + c] * 255.0 / alpha)));
    }
  }
  return out;
}

bool fail(std::string* error, const std::string& why) {
  if (error != nullptr) *error = why;
  return false;
}

}  // namespace

double pictureTextScale(int windowWidth, int windowHeight, int width, int height) {
  if (windowWidth < 1 || windowHeight < 1) return 1.0;
  const double fit = std::min(static_cast<double>(width) / windowWidth,
                              static_cast<double>(height) / windowHeight);
  return std::clamp(fit, 1.0, 8.0);
}

Picture renderPicture(vtkRenderWindow* window, const PictureOptions& options, std::string* error) {
  Picture picture;
  if (error != nullptr) error->clear();
  if (!(options.scale >= 0.25 && options.scale <= 8.0)) {
    fail(error, "scale must be between 0.25 and 8, got " + std::to_string(options.scale));
    return picture;
  }
  const bool sized = options.width != 0 || options.height != 0;
  if (sized && (options.width < 1 || options.height < 1)) {
    fail(error, "a picture's size needs a width and a height of at least 1 pixel, got " +
                    std::to_string(options.width) + " x " + std::to_string(options.height));
    return picture;
  }
  const int* size = window->GetSize();
  const int w0 = size[0], h0 = size[1], dpi0 = window->GetDPI();
  if (w0 < 1 || h0 < 1) {
    fail(error, "the view has no size to draw");
    return picture;
  }
  const int w = sized ? options.width : static_cast<int>(std::lround(w0 * options.scale));
  const int h = sized ? options.height : static_cast<int>(std::lround(h0 * options.scale));
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
  const bool resized = w != w0 || h != h0 || options.scale != 1.0;
  std::optional<NoKeeping> noKeeping;
  if (resized) {
    noKeeping.emplace(window);
    window->SetSize(w, h);
    window->SetDPI(static_cast<int>(std::lround(dpi0 * options.scale)));
  }
  if (options.transparent) {
    const std::vector<Backdrop> saved = saveBackgrounds(window);
    setBackgrounds(saved, 0.0);
    const Picture overBlack = renderAndRead(window);
    setBackgrounds(saved, 1.0);
    const Picture overWhite = renderAndRead(window);
    restoreBackgrounds(saved);
    picture = unmatte(overBlack, overWhite);
  } else {
    picture = renderAndRead(window);
  }
  if (resized) {
    window->SetSize(w0, h0);
    window->SetDPI(dpi0);
  }
  return picture;
}

}  // namespace gradscape::plots
