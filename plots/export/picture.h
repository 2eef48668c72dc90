#pragma once
// One picture of a render window's scenes, at a chosen scale, read back as RGBA: the export
// path the desktop program (its views' own windows), the command line and the tests share.
//
// A picture at scale s is the window drawn s times larger in each direction with its DPI s
// times higher: the scenes size their text, lines and markers from the DPI, so the picture is
// the view's own layout with every pixel replaced by s x s, not a re-layout that drops labels.
#include <cstdint>
#include <string>
#include <vector>

class vtkRenderWindow;

namespace gradscape::plots {

// RGBA, 8 bits a channel, top row first (as image files store them).
struct Picture {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
  bool empty() const { return width <= 0 || height <= 0; }
  // Channel c (0 r, 1 g, 2 b, 3 a) of pixel (x, y), y from the top.
  uint8_t at(int x, int y, int c) const {
    return rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4 +
                static_cast<size_t>(c)];
  }
};

struct PictureOptions {
  double scale = 1.0;  // the picture is round(scale x the window's size), 0.25 to 8
  // Backgrounds get alpha 0 (and no gradient), what is drawn over them keeps its coverage as
  // alpha (anti-aliased edges partly transparent, in their own colour); else alpha is 255.
  // The frame is drawn twice, over black and over white, and the alpha is their difference.
  bool transparent = false;
  // When both are set (above 0): the picture's size in pixels, of any shape. The window is
  // drawn at width x height with its DPI `scale` times higher, so its layout adapts to that
  // shape as it does when the window is resized, and `scale` sizes only text, lines and markers
  // (pictureTextScale picks one).
  int width = 0, height = 0;
};

// The largest side a picture may have, in pixels (GL renderbuffers of software GL go to 16384;
// this leaves room and bounds memory at 256 MB).
inline constexpr int kMaxPictureSide = 8192;

// The scale of text, lines and markers in a picture of width x height pixels of a window of
// windowWidth x windowHeight: the smaller of the two ratios (what scaling the window's picture to
// fit inside the new size would give them), never below 1 (text no smaller than on screen) nor
// above 8. A picture of the window's shape at k times its size thus gets scale k.
double pictureTextScale(int windowWidth, int windowHeight, int width, int height);

// Renders `window` (its context must be usable: made current by the caller when it is a Qt
// view's) at the options' scale, or size, and reads the picture back. The window's size, DPI and
// backgrounds (colours, alphas, gradients) are restored after; the caller renders again to show the
// view. Returns an empty picture with `error` set when the scale is out of range, only one of
// width and height is set, or the picture would be too large.
Picture renderPicture(vtkRenderWindow* window, const PictureOptions& options,
                      std::string* error = nullptr);

}  // namespace gradscape::plots
