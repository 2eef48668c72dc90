#pragma once
// What an optimizer sees of a problem: a (possibly stochastic) gradient or vector field.
// Wrapping an Objective this way lets noise models, minibatches, time-varying losses and
// two-player games (fields that are no gradient) plug in without changing the optimizers.
#include "core/types.h"

namespace gradscape {

class GradientOracle {
 public:
  virtual ~GradientOracle() = default;
  virtual int dim() const = 0;
  // Writes the oracle's gradient (or field) at x into g and returns the loss at x. With
  // synthetic gradient noise the returned loss is the exact loss.
  virtual double evaluate(VecCRef x, VecRef g) = 0;
  // Exact loss at x (line searches, the final record).
  virtual double loss(VecCRef x) = 0;
  // Hessian of the loss at x for second-order methods. Returns false when the oracle has none.
  virtual bool hessian(VecCRef /*x*/, Mat& /*h*/) { return false; }
};

}  // namespace gradscape
