#pragma once
// The one look of text in the scenes (titles, tick labels, legends, colour bars) and a way to
// measure it for layout.
#include <array>
#include <string>
#include "plots/rgb.h"

class vtkTextProperty;

namespace gradscape::plots {

inline constexpr Rgb kInk{0.13, 0.13, 0.13};  // text and frame colour on the light background

// Arial-like sans, dark, no shadow, left/bottom justified; `size` in points (pixels at 72 dpi).
void styleText(vtkTextProperty* property, int size, bool bold = false);

// Width and height in pixels at 72 dpi of `text` drawn with `property` (an estimate when no
// font renderer is available).
std::array<double, 2> textExtent(vtkTextProperty* property, const std::string& text);

// VTK's embedded Arial has no Greek letters, no minus sign and no sub- or superscripts: labels
// with them use the first of a few fonts that is installed (fontconfig, which Qt needs, brings
// DejaVu on Debian). Empty when there is none.
const std::string& unicodeFontFile();
// Sets `property` to that font, when there is one.
void useUnicodeFont(vtkTextProperty* property);
// `text` as it can be drawn: itself with a Unicode font, otherwise with "lambda" for the Greek
// letter and '-' for the minus sign.
std::string unicodeText(const std::string& text);

}  // namespace gradscape::plots
