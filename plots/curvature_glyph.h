#pragma once
// The local quadratic model of the loss at one iterate, drawn over the 2-D map: the Hessian's
// eigenvectors as the model's axes (labelled with their eigenvalues) and the model's ellipse
// through their ends, and on request the gradient step and the Newton step as arrows. Shows why
// gradient descent zig-zags in a narrow valley: its step points mostly along the steep axis,
// the Newton step straight at the model's minimum. On a slice of an N-D problem the caller passes
// the model along the slice's directions (core/analysis/slice_model.h). A step shorter than 44 px
// (at 72 dpi) on screen is drawn 44 px long and its label gives its true length. A note (why a
// part is missing, what the model is of) goes in a boxed label in a corner of the map. Plain data
// here; the layer keeps VTK behind pimpl.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "plots/rgb.h"

class vtkRenderer;

namespace gradscape::plots {

struct CurvatureGlyph {
  std::array<double, 2> center{};                     // the iterate (landscape coordinates)
  std::array<double, 2> eigenvalues{};                // ascending, as computed by the caller
  std::array<std::array<double, 2>, 2> axes{};        // unit eigenvectors matching eigenvalues
  std::optional<std::array<double, 2>> gradientStep;  // x_{k+1} - x_k = -lr g, from center
  std::optional<std::array<double, 2>> newtonStep;    // -H^{-1} g, from center (the caller
                                                      // leaves it out when H is singular or
                                                      // indefinite)
};

// Axis lines (white core, dark outline) and the two step arrows (Okabe-Ito orange and sky blue).
inline constexpr Rgb kGlyphAxisColor{1.0, 1.0, 1.0};
inline constexpr Rgb kGradientStepColor{0.902, 0.624, 0.0};
inline constexpr Rgb kNewtonStepColor{0.337, 0.706, 0.914};

// "λ = 0.399", "λ = 1002", "λ = −2.5" (4 significant digits, a true minus sign).
std::string eigenvalueLabel(double lambda);

// Half-lengths of the axes (in pixels) of the model's level set 1/2 d'Hd = c: proportional to
// 1/sqrt(|lambda|), the flattest axis `longest` long. An axis never drawn shorter than `shortest`
// (condition 10^4 would leave a sub-pixel stub); a zero eigenvalue gets `longest`.
std::array<double, 2> glyphHalfAxes(const std::array<double, 2>& eigenvalues, double longest,
                                    double shortest);

// The glyph as an overlay of a renderer: drawn in pixels over the map, under the scene's point
// markers, clipped to the visible part of the landscape box and re-laid out before every render.
class CurvatureGlyphLayer {
 public:
  // Adds the layer's 2-D actors to `renderer`; removes them when destroyed.
  explicit CurvatureGlyphLayer(vtkRenderer* renderer);
  ~CurvatureGlyphLayer();
  CurvatureGlyphLayer(const CurvatureGlyphLayer&) = delete;
  CurvatureGlyphLayer& operator=(const CurvatureGlyphLayer&) = delete;

  // The glyph, or none (hides everything).
  void setGlyph(std::optional<CurvatureGlyph> glyph);
  const std::optional<CurvatureGlyph>& glyph() const;
  // A one-line note in a corner of the map, clear of the glyph (empty: none); shown with or
  // without a glyph.
  void setNote(std::string note);
  // The landscape box in the plane z; nothing is drawn without one.
  void setBox(std::optional<std::array<double, 4>> xminXmaxYminYmax, double z);
  // Re-projects the glyph with the renderer's camera and size. The longer half-axis is 18% of
  // the smaller side of the box's visible part; `dpiScale` (DPI / 72) scales widths and text.
  void update(double dpiScale);
  // The texts of the labels the last update() showed (axes, steps, then the note).
  const std::vector<std::string>& shownLabels() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
