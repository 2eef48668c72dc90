// The decision map's colours and its data sampled from an MLP classifier (no VTK here).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "core/objectives/mlp_classifier.h"
#include "plots/decision_map.h"

namespace gradscape::plots {

namespace {

// The data's bounding box padded by 10% of its extent on every side (1 where the extent is 0,
// or where there is no data).
void setBox(const MlpClassifier& model, DecisionMapData& out) {
  const Mat& f = model.data().features;
  std::array<double, 2> lo{0.0, 0.0}, hi{0.0, 0.0};
  if (f.rows() > 0) {
    for (int j = 0; j < 2; ++j) {
      lo[static_cast<size_t>(j)] = f.col(j).minCoeff();
      hi[static_cast<size_t>(j)] = f.col(j).maxCoeff();
    }
  }
  for (size_t j = 0; j < 2; ++j) {
    const double extent = hi[j] - lo[j];
    const double pad = extent > 0.0 ? 0.1 * extent : 1.0;
    lo[j] -= pad;
    hi[j] += pad;
  }
  out.xmin = lo[0];
  out.xmax = hi[0];
  out.ymin = lo[1];
  out.ymax = hi[1];
}

void setPoints(const MlpClassifier& model, DecisionMapData& out) {
  const LabeledData& data = model.data();
  const Mat& f = data.features;
  out.px.assign(f.col(0).data(), f.col(0).data() + f.rows());
  out.py.assign(f.col(1).data(), f.col(1).data() + f.rows());
  out.labels = data.labels;
}

}  // namespace

Rgb classColor(int c) {
  static constexpr std::array<Rgb, 10> kPalette{{
      {0.902, 0.624, 0.000},  // orange
      {0.337, 0.706, 0.914},  // sky blue
      {0.000, 0.620, 0.451},  // bluish green
      {0.800, 0.475, 0.655},  // reddish purple
      {0.835, 0.369, 0.000},  // vermillion
      {0.000, 0.447, 0.698},  // blue
      {0.941, 0.894, 0.259},  // yellow
      {0.400, 0.467, 0.600},  // grey blue
      {0.600, 0.400, 0.200},  // brown
      {0.937, 0.267, 0.467},  // rose
  }};
  const int n = static_cast<int>(kPalette.size());
  return kPalette[static_cast<size_t>(((c % n) + n) % n)];
}

Rgb regionColor(int c, double confidence) {
  const double t = std::isfinite(confidence) ? kRegionTint * std::clamp(confidence, 0.0, 1.0) : 0.0;
  const Rgb k = classColor(c);
  return {1.0 + t * (k.r - 1.0), 1.0 + t * (k.g - 1.0), 1.0 + t * (k.b - 1.0)};
}

double confidenceOf(double maxProbability, int classes) {
  if (classes <= 1) return 1.0;
  const double even = 1.0 / classes;
  return std::clamp((maxProbability - even) / (1.0 - even), 0.0, 1.0);
}

int predictedClass(const double* probabilities, int classes) {
  int best = 0;
  for (int c = 1; c < classes; ++c) {
    if (probabilities[c] > probabilities[best]) best = c;
  }
  return best;
}

DecisionMapData trainingDataMap(const MlpClassifier& model, const std::string& title) {
  DecisionMapData out;
  out.classes = model.classes();
  setBox(model, out);
  setPoints(model, out);
  out.title = title;
  return out;
}

DecisionMapData decisionMapData(const MlpClassifier& model, VecCRef x, int gridSize,
                                const std::string& title) {
  if (gridSize < 2) {
    throw std::invalid_argument("gridSize: must be >= 2, got " + std::to_string(gridSize));
  }
  if (x.size() != model.dim()) {
    throw std::invalid_argument("x: must have the model's " + std::to_string(model.dim()) +
                                " parameters, got " + std::to_string(x.size()));
  }
  DecisionMapData out = trainingDataMap(model, title);
  const int k = out.classes;
  out.nx = out.ny = gridSize;
  const Eigen::Index n = Eigen::Index{gridSize} * gridSize;
  Mat grid(n, 2);
  for (int iy = 0; iy < gridSize; ++iy) {
    const double y = out.ymin + (out.ymax - out.ymin) * iy / (gridSize - 1);
    for (int ix = 0; ix < gridSize; ++ix) {
      const Eigen::Index row = Eigen::Index{iy} * gridSize + ix;
      grid(row, 0) = out.xmin + (out.xmax - out.xmin) * ix / (gridSize - 1);
      grid(row, 1) = y;
    }
  }
  Mat p;
  model.classProbabilities(x, grid, p);
  out.probabilities.resize(static_cast<size_t>(n) * static_cast<size_t>(k));
  for (Eigen::Index row = 0; row < n; ++row) {
    for (int c = 0; c < k; ++c) {
      out.probabilities[static_cast<size_t>(row * k + c)] = p(row, c);
    }
  }

  const LabeledData& data = model.data();
  model.classProbabilities(x, data.features, p);
  const Eigen::Index m = data.features.rows();
  if (m > 0) {
    int64_t right = 0;
    std::vector<double> row(static_cast<size_t>(k));
    for (Eigen::Index i = 0; i < m; ++i) {
      for (int c = 0; c < k; ++c) row[static_cast<size_t>(c)] = p(i, c);
      const bool finite = p.row(i).allFinite();  // no prediction (diverged x) counts as wrong
      if (finite && predictedClass(row.data(), k) == data.labels[static_cast<size_t>(i)]) ++right;
    }
    out.accuracy = static_cast<double>(right) / static_cast<double>(m);
    std::array<char, 32> percent{};
    std::snprintf(percent.data(), percent.size(), "%.1f", 100.0 * out.accuracy);
    out.title += (out.title.empty() ? "" : " · ") + std::string(percent.data()) +
                 "% of training points right";
  }
  return out;
}

}  // namespace gradscape::plots
