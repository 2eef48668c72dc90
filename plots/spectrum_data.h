#pragma once
// What the spectrum chart draws of an analysis at an iterate (core/analysis/iterate_spectrum.h):
// the request a method choice makes, the eigenvalues or the density, and the run's stability
// threshold as a labelled line. The desktop program's spectrum panel and `gradscape-cli render
// --view spectrum` share it, so both draw the same chart. No VTK in this header, no Qt.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis/iterate_spectrum.h"
#include "core/analysis/stability_threshold.h"
#include "plots/spectrum_chart.h"

namespace gradscape::plots {

// The spectrum panel's method menu; Auto is Exact up to kMaxDenseHessianDim dimensions and SLQ
// beyond.
enum class SpectrumChoice { Auto, Exact, Lanczos, Slq };

// Eigenvalues from each end of the spectrum a Lanczos analysis asks for.
inline constexpr int kLanczosCount = 5;

// The request a choice makes on an objective of `dim` dimensions. Lanczos asks for every
// eigenvalue (from the bottom) when 2 kLanczosCount would cover the whole spectrum.
SpectrumRequest spectrumRequestFor(SpectrumChoice choice, int dim);

// "2/lr = 20": the threshold's formula and its value at learning rate `lr` (four significant
// digits), or "" when there is no threshold or lr is not > 0.
std::string thresholdLabel(const std::optional<StabilityThreshold>& threshold, double lr);
// The chart's reference lines: the threshold at `lr`, when thresholdLabel gives one.
std::vector<std::pair<std::string, double>> thresholdLines(
    const std::optional<StabilityThreshold>& threshold, double lr);

// What the chart draws of `report` (without title and colour): every eigenvalue (exact), the
// bottom and top ones (Lanczos; the bottom alone when `request` asked for all of them), or the
// density (SLQ). On the log axis the Gaussian broadening's far tails would stretch the density
// over 12 decades: below 1e-6 of its peak it is drawn at that floor.
SpectrumData spectrumData(const SpectrumReport& report, const SpectrumRequest& request);

}  // namespace gradscape::plots
