#include "plots/theme.h"

#include <atomic>

namespace gradscape::plots {

namespace {

// Light: near-black text on white, the look the scenes had before themes. Dark: light grey text
// on a charcoal that is not black (pure black makes the viridis bands glare on a projector).
// Text reaches a contrast ratio of at least 7:1 against the paper in both (WCAG AAA), tick
// labels at least 4.5:1.
constexpr Palette kLight{
    .paper = {1.0, 1.0, 1.0},
    .ink = {0.13, 0.13, 0.13},
    .softInk = {0.25, 0.25, 0.25},
    .axisLine = {0.2, 0.2, 0.2},
    .grid = {0.918, 0.918, 0.918},
    .box = {1.0, 1.0, 1.0},
    .boxOpacity = 0.88,
    .boxEdge = {0.62, 0.62, 0.62},
    .surfaceLow = {0.84, 0.87, 0.91},
    .surfaceHigh = {1.0, 1.0, 1.0},
    .surfaceGrid = {0.78, 0.8, 0.83},
    .alert = {0.70, 0.10, 0.08},
    .reference = {0.35, 0.35, 0.35},
};

constexpr Palette kDark{
    .paper = {0.118, 0.125, 0.141},
    .ink = {0.92, 0.93, 0.95},
    .softInk = {0.78, 0.80, 0.83},
    .axisLine = {0.72, 0.74, 0.78},
    .grid = {0.19, 0.2, 0.225},
    .box = {0.16, 0.17, 0.19},
    .boxOpacity = 0.9,
    .boxEdge = {0.45, 0.47, 0.51},
    .surfaceLow = {0.09, 0.10, 0.115},
    .surfaceHigh = {0.22, 0.235, 0.265},
    .surfaceGrid = {0.33, 0.35, 0.39},
    .alert = {1.0, 0.48, 0.40},
    .reference = {0.70, 0.72, 0.76},
};

std::atomic<Theme> current{Theme::Light};
std::atomic<unsigned> generation{0};

}  // namespace

const Palette& paletteOf(Theme theme) {
  return theme == Theme::Dark ? kDark : kLight;
}

Theme currentTheme() {
  return current.load();
}

const Palette& currentPalette() {
  return paletteOf(current.load());
}

void setCurrentTheme(Theme theme) {
  if (current.exchange(theme) != theme) ++generation;
}

unsigned themeGeneration() {
  return generation.load();
}

const char* themeName(Theme theme) {
  return theme == Theme::Dark ? "dark" : "light";
}

std::optional<Theme> themeFromName(std::string_view name) {
  if (name == "light") return Theme::Light;
  if (name == "dark") return Theme::Dark;
  return std::nullopt;
}

}  // namespace gradscape::plots
