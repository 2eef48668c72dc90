#pragma once
// The spectrum panel's chart (vtkChartXY): the Hessian spectrum at one iterate, as exact or
// Lanczos eigenvalues (a stem plot) and/or a stochastic Lanczos quadrature density (a filled
// curve; Ghorbani, Krishnan & Xiao, "An Investigation into Neural Net Optimization via Hessian
// Eigenvalue Density", ICML 2019), with labelled vertical reference lines such as 2/lr. Zoom
// and pan by the chart's own interaction. No Qt.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include "plots/rgb.h"

class vtkRenderer;
class vtkContextScene;

namespace gradscape::plots {

struct SpectrumData {
  // Exact or Lanczos eigenvalues, drawn as stems from 0 up to their multiplicity: values that
  // agree within 1e-9 relative (|a - b| <= 1e-9 max(|a|, |b|)), or that are both numerically
  // zero (within 1e-12 of the largest magnitude), are one stem at their mean, as high as
  // their count. A small dot tops each stem.
  std::vector<double> eigenvalues;
  // An SLQ density on a grid of eigenvalues, drawn as a filled curve. On a log y axis values
  // <= 0 are dropped and the rest lifted to at least 1e-12 times the largest.
  std::vector<double> grid, density;
  std::string title;  // e.g. "Hessian spectrum at iteration 120 (run Adam)"
  Rgb color;
};

// One stem of the stem plot: an eigenvalue and how many of the eigenvalues it stands for.
struct SpectrumStem {
  double value = 0.0;
  int count = 0;
  bool operator==(const SpectrumStem&) const = default;
};

// The stems of a list of eigenvalues (any order; non-finite ones left out), by increasing
// value, merged as SpectrumData describes.
std::vector<SpectrumStem> spectrumStems(const std::vector<double>& eigenvalues);

class SpectrumChart {
 public:
  SpectrumChart();
  ~SpectrumChart();
  SpectrumChart(const SpectrumChart&) = delete;
  SpectrumChart& operator=(const SpectrumChart&) = delete;

  // A renderer holding the chart, and the context scene a vtkContextInteractorStyle needs.
  vtkRenderer* renderer() const;
  vtkContextScene* scene() const;

  // Replaces what is drawn: stems when `eigenvalues` is not empty, the density when `grid` is
  // not (both may be shown; the y axis then reads "count / density"). Non-finite values are
  // left out. The eigenvalue axis always shows 0 (a faint vertical line) when it is within
  // one data width of the data, and the thresholds as setThresholds says.
  void setSpectrum(const SpectrumData& data);
  // Log y (the default, for densities that span many decades). Stems then rise from the
  // bottom of the frame: 0.5 without a density, the density's floor with one.
  void setLogY(bool on);
  bool logY() const;
  // Vertical dashed reference lines at eigenvalue positions, labelled, e.g. {"2/lr = 20", 20}.
  // The fitted eigenvalue axis reaches a threshold only when it lies within one data width of
  // the data (and 0); one farther out is noted at that edge of the plot instead, its label
  // with an arrow: "2/lr = 20 →".
  void setThresholds(std::vector<std::pair<std::string, double>> lines);
  // Those notes, for the current axis range (after zooming too).
  std::vector<std::string> offScaleThresholds() const;
  // Refits both axes to the data (after the user zoomed or panned).
  void resetZoom();
  // The eigenvalue under a display position (VTK display coordinates), when it is inside the
  // plot area.
  std::optional<double> eigenvalueAt(double displayX, double displayY) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::plots
