#pragma once
// WCAG 2.1 contrast of two sRGB colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio):
// (L1 + 0.05) / (L2 + 0.05) of their relative luminances, 1 to 21. Text needs 4.5 (AA) or 7 (AAA).
#include <algorithm>
#include <cmath>

namespace gradscape::testing {

// Relative luminance of an sRGB colour with components in [0, 1].
inline double relativeLuminance(double r, double g, double b) {
  auto linear = [](double u) {
    return u <= 0.03928 ? u / 12.92 : std::pow((u + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

inline double contrastRatio(double la, double lb) {
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// Any two colours with r, g, b (plots::Rgb) or redF, greenF, blueF (QColor) in [0, 1].
template <class Colour>
double luminanceOf(const Colour& c) {
  if constexpr (requires { c.redF(); }) {
    return relativeLuminance(c.redF(), c.greenF(), c.blueF());
  } else {
    return relativeLuminance(c.r, c.g, c.b);
  }
}

template <class A, class B>
double contrast(const A& a, const B& b) {
  return contrastRatio(luminanceOf(a), luminanceOf(b));
}

}  // namespace gradscape::testing
