#pragma once
// Small two-layer MLP classifiers for the MLP suites (test_mlp_classifier*.cpp): options for a
// 40-sample network, the loss written as plain loops (independent of the matrix-product
// implementation), and random points away from ReLU's kink.
#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/objectives/mlp_classifier.h"
#include "support/random_vectors.h"

namespace gradscape::testing {

// The hidden pre-activation W1 p + b1 of unit j at sample p, read straight from the layout.
inline double preActivation(const Vec& x, Eigen::Index width, Eigen::Index j, double p0,
                            double p1) {
  return x[2 * j] * p0 + x[2 * j + 1] * p1 + x[2 * width + j];
}

// The loss written as plain loops, independent of the matrix-product implementation.
inline double loopLoss(const Vec& x, const LabeledData& d, int width, bool relu, double l2) {
  const int c = d.classes;
  double total = 0.0;
  for (Eigen::Index n = 0; n < d.size(); ++n) {
    std::vector<double> h(static_cast<size_t>(width)), z(static_cast<size_t>(c));
    for (int j = 0; j < width; ++j) {
      const double a = preActivation(x, width, j, d.features(n, 0), d.features(n, 1));
      h[static_cast<size_t>(j)] = relu ? std::max(a, 0.0) : std::tanh(a);
    }
    double zmax = -1e300;
    for (int k = 0; k < c; ++k) {
      double s = x[3 * width + c * width + k];
      for (int j = 0; j < width; ++j) s += x[3 * width + k * width + j] * h[static_cast<size_t>(j)];
      z[static_cast<size_t>(k)] = s;
      zmax = std::max(zmax, s);
    }
    double sum = 0.0;
    for (const double s : z) sum += std::exp(s - zmax);
    total += zmax + std::log(sum) - z[static_cast<size_t>(d.labels[static_cast<size_t>(n)])];
  }
  return total / static_cast<double>(d.size()) + 0.5 * l2 * x.squaredNorm();
}

// A random point whose hidden pre-activations all stay `margin` away from ReLU's kink, so
// finite differences do not straddle it (any point for tanh).
inline Vec smoothPoint(std::mt19937_64& rng, const MlpClassifier& f, double margin) {
  for (;;) {
    Vec x = randomVector(rng, f.dim());
    if (f.activation() == MlpActivation::Tanh) return x;
    double closest = 1e300;
    for (Eigen::Index n = 0; n < f.data().size(); ++n) {
      for (int j = 0; j < f.width(); ++j) {
        closest = std::min(closest, std::abs(preActivation(x, f.width(), j, f.data().features(n, 0),
                                                           f.data().features(n, 1))));
      }
    }
    if (closest > margin) return x;
  }
}

inline MlpClassifierOptions small(ToyDataset dataset, int classes, bool relu, double l2 = 0.0) {
  MlpClassifierOptions o;
  o.dataset = dataset;
  o.samples = 40;
  o.classes = classes;
  o.noise = 0.2;
  o.width = 5;
  o.activation = relu ? MlpActivation::Relu : MlpActivation::Tanh;
  o.l2 = l2;
  o.seed = 3;
  return o;
}

// Random points each derivative check tries.
inline constexpr int kPoints = 8;

}  // namespace gradscape::testing
