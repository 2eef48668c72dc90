#pragma once
// f(x) = 1/2 sum_i c_i x_i^2 as an Objective (for Run tests whose iterates are known in
// closed form: gradient descent multiplies x_i by (1 - lr c_i) each step).
#include <utility>

#include "core/objectives/objective.h"

namespace gradscape::testing {

class QuadraticObjective final : public Objective {
 public:
  explicit QuadraticObjective(Vec c) : c_(std::move(c)) {}
  int dim() const override { return static_cast<int>(c_.size()); }
  double value(VecCRef x) const override { return 0.5 * c_.dot(x.cwiseProduct(x)); }
  void gradient(VecCRef x, VecRef g) const override { g = c_.cwiseProduct(x); }
  Mat hessian(VecCRef /*x*/) const override { return c_.asDiagonal(); }
  Box domain() const override { return {Vec::Constant(dim(), -1.0), Vec::Constant(dim(), 1.0)}; }
  std::vector<Vec> minimizers() const override { return {Vec::Zero(dim())}; }
  std::optional<double> minimumValue() const override { return 0.0; }

 private:
  Vec c_;
};

}  // namespace gradscape::testing
