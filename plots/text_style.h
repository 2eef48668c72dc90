#pragma once
// The one look of text in the scenes (titles, tick labels, legends, colour bars) and a way to
// measure it for layout.
#include <array>
#include <string>
#include "plots/rgb.h"

class vtkRenderer;
class vtkTextActor;
class vtkTextProperty;
template <class T>
class vtkSmartPointer;

namespace gradscape::plots {

// Arial-like sans in the current theme's ink (theme.h), no shadow, left/bottom justified; `size`
// in points (pixels at 72 dpi).
void styleText(vtkTextProperty* property, int size, bool bold = false);
// Sets the text's colour (no change, so no new frame of a kept backdrop, when it has it).
void setTextColor(vtkTextProperty* property, const Rgb& color);

// VTK's embedded Arial has no Greek letters, no minus sign, no ‖, ∇, ≤ or →. Text holding them
// is drawn in the first of DejaVu Sans, Liberation Sans and FreeSans that is installed
// (fontconfig, which Qt needs, brings DejaVu on Debian); without one it is spelled in ASCII.
// The font file (regular or bold), empty when none is installed.
const std::string& unicodeFontFile(bool bold = false);
// Sets `property` to that font (keeping Arial when there is none).
void useUnicodeFont(vtkTextProperty* property, bool bold = false);
// `text` as it can be drawn in a property set by useUnicodeFont: itself when a font is there,
// else spelled in ASCII (text_encoding.h: "λ" as "lambda", "−" as "-", "‖" as "||", "∇" as
// "grad ", "≤" as "<=", "→" as "->", "xₖ₊₁" as "x_k+1").
std::string displayable(const std::string& text);

// A label for a boxed glyph annotation (the curvature glyph, the update arrows): `size` points in
// the Unicode font, centred on its viewport position, not pickable, hidden until placed. Added to
// `renderer` as a 2-D actor (after the caller's PixelLayer, so the text lies on its box).
vtkSmartPointer<vtkTextActor> addCentredLabel(vtkRenderer* renderer, int size);

// Width and height in pixels at 72 dpi of `text` drawn with `property` (an estimate when no
// font renderer is available).
std::array<double, 2> textExtent(vtkTextProperty* property, const std::string& text);

}  // namespace gradscape::plots
