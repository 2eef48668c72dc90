#include "plots/spectrum_data.h"

#include <algorithm>
#include <cstdio>

namespace gradscape::plots {

SpectrumRequest spectrumRequestFor(SpectrumChoice choice, int dim) {
  SpectrumRequest request;
  switch (choice) {
    case SpectrumChoice::Auto:
      request.method = dim <= kMaxDenseHessianDim ? SpectrumMethod::Dense : SpectrumMethod::Slq;
      break;
    case SpectrumChoice::Exact:
      request.method = SpectrumMethod::Dense;
      break;
    case SpectrumChoice::Lanczos:
      request.method = SpectrumMethod::Lanczos;
      request.count = 2 * kLanczosCount < dim ? kLanczosCount : dim;
      break;
    case SpectrumChoice::Slq:
      request.method = SpectrumMethod::Slq;
      break;
  }
  return request;
}

std::string thresholdLabel(const std::optional<StabilityThreshold>& threshold, double lr) {
  if (!threshold || !(lr > 0.0)) return "";
  char value[32];
  std::snprintf(value, sizeof value, "%.4g", threshold->at(lr));
  return threshold->formula + " = " + value;
}

std::vector<std::pair<std::string, double>> thresholdLines(
    const std::optional<StabilityThreshold>& threshold, double lr) {
  std::string label = thresholdLabel(threshold, lr);
  if (label.empty()) return {};
  return {{std::move(label), threshold->at(lr)}};
}

SpectrumData spectrumData(const SpectrumReport& report, const SpectrumRequest& request) {
  SpectrumData data;
  auto append = [&data](const Vec& values) {
    data.eigenvalues.insert(data.eigenvalues.end(), values.begin(), values.end());
  };
  if (report.method == SpectrumMethod::Dense) append(report.eigenvalues);
  if (report.method == SpectrumMethod::Lanczos) {
    append(report.bottom);
    if (request.count < report.dim) append(report.top);  // else the bottom holds every one
  }
  data.grid.assign(report.grid.begin(), report.grid.end());
  const double floor = 1e-6 * (report.density.size() > 0 ? report.density.maxCoeff() : 0.0);
  for (double v : report.density) data.density.push_back(std::max(v, floor));
  return data;
}

}  // namespace gradscape::plots
