#pragma once
// The light and the dark look of every scene and chart: backgrounds, text, axes, grids and the
// boxes of legends and notes. The landscape's colour maps (viridis and the others, perceptually
// uniform) and the run colours are the same in both themes, so a picture means the same thing
// in either.
//
// One theme is current for the whole program: the GUI sets it (following the system or the
// user's choice), a script may set it before drawing. Scenes and charts read the current palette
// whenever they lay out a frame, so a change shows in the next frame of every view.
#include <optional>
#include <string_view>

#include "plots/rgb.h"

namespace gradscape::plots {

enum class Theme { Light, Dark };

struct Palette {
  Rgb paper;     // behind the maps and charts
  Rgb ink;       // titles, axis titles, legend text
  Rgb softInk;   // tick labels, colour-bar labels
  Rgb axisLine;  // axis lines and box frames
  Rgb grid;      // chart grid lines
  Rgb box;       // fill of legend and note boxes (drawn translucent)
  double boxOpacity = 0.88;
  Rgb boxEdge;      // their frame
  Rgb surfaceLow;   // the 3-D view's background: a gradient from the bottom ...
  Rgb surfaceHigh;  // ... to the top
  Rgb surfaceGrid;  // grid lines on the far faces of the 3-D box
  Rgb alert;        // a scene's warning (a chart whose scale changed to show the data)
  Rgb reference;    // neutral reference lines in charts
};

const Palette& paletteOf(Theme theme);

// The current theme (Light until set) and its palette.
Theme currentTheme();
const Palette& currentPalette();
void setCurrentTheme(Theme theme);
// Counts the changes of the current theme: a scene that styles once compares it with the count
// it styled at.
unsigned themeGeneration();

const char* themeName(Theme theme);  // "light", "dark"
std::optional<Theme> themeFromName(std::string_view name);

}  // namespace gradscape::plots
