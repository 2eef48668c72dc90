#pragma once
// f(x) = 1/2 sum_i c_i x_i^2 as an oracle, so optimizer tests can compute expected steps by
// hand: the gradient is just c_i x_i. Counts evaluations so tests can check call patterns.
#include <utility>

#include "core/oracles/gradient_oracle.h"

namespace gradscape::testing {

class DiagonalQuadratic final : public GradientOracle {
 public:
  explicit DiagonalQuadratic(Vec c) : c_(std::move(c)) {}
  int dim() const override { return static_cast<int>(c_.size()); }
  double evaluate(VecCRef x, VecRef g) override {
    ++evaluations;
    g = c_.cwiseProduct(x);
    return loss(x);
  }
  double loss(VecCRef x) override { return 0.5 * c_.dot(x.cwiseProduct(x)); }
  bool hessian(VecCRef /*x*/, Mat& h) override {
    h = c_.asDiagonal();
    return true;
  }
  int evaluations = 0;

 private:
  Vec c_;
};

inline Vec vec2(double a, double b) {
  Vec v(2);
  v << a, b;
  return v;
}

}  // namespace gradscape::testing
