#pragma once
// A fixed loss as a Problem: F(x, t) = grad f(x) for every t, curvature = its Hessian, drawn as
// its landscape. Final, and every call one forward to the objective, so the oracle's call through
// it costs what a call of the objective does (see ProblemOracle's fast path).
#include <memory>
#include <string>

#include "core/objectives/objective.h"
#include "core/problem/problem.h"

namespace gradscape {

class ObjectiveProblem final : public Problem {
 public:
  explicit ObjectiveProblem(std::shared_ptr<const Objective> objective, std::string title = {});

  int dim() const override { return objective_->dim(); }
  const std::string& title() const override { return title_; }
  double field(VecCRef x, int64_t /*t*/, VecRef g) const override {
    return objective_->valueAndGradient(x, g);
  }
  double value(VecCRef x, int64_t /*t*/) const override { return objective_->value(x); }
  int64_t sampleCount() const override { return objective_->sampleCount(); }
  double batchField(VecCRef x, int64_t /*t*/, std::span<const int> batch, VecRef g) const override {
    return objective_->batchValueAndGradient(x, batch, g);
  }
  Curvature curvature() const override { return Curvature::Hessian; }
  Mat hessian(VecCRef x, int64_t /*t*/) const override { return objective_->hessian(x); }
  void hessianVectorProduct(VecCRef x, int64_t /*t*/, VecCRef v, VecRef hv) const override {
    objective_->hessianVectorProduct(x, v, hv);
  }
  Box domain() const override { return objective_->domain(); }
  std::vector<Vec> solutions() const override { return objective_->minimizers(); }
  std::optional<double> solutionValue() const override { return objective_->minimumValue(); }
  Vec defaultStart(uint64_t seed) const override { return objective_->defaultStart(seed); }
  const Objective* objective() const override { return objective_.get(); }

  const std::shared_ptr<const Objective>& sharedObjective() const { return objective_; }

 private:
  std::shared_ptr<const Objective> objective_;
  std::string title_;
};

// The problem of a fixed loss (throws std::invalid_argument for a null objective).
std::shared_ptr<const Problem> lossProblem(std::shared_ptr<const Objective> objective,
                                           std::string title = {});

}  // namespace gradscape
