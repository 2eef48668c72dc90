#pragma once
// One step of an optimizer taken apart for display: the terms whose sum is the step
// x_{k+1} - x_k (one arrow each, drawn tip to tail from x_k), the numbers behind them at the
// current iterate, and the update rule they come from. Optimizer::explain (optimizer.h) fills it
// from a copy of the optimizer's state; step() never builds one.
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"

namespace gradscape {

// One additive term of the step.
struct UpdatePart {
  // What the term carries, shared across optimizers so views can colour by it:
  //   "gradient"        this step's gradient, scaled (-lr*g)
  //   "momentum"        what past steps carry into this one (a buffer, the last displacement)
  //   "preconditioned"  a step divided by per-coordinate scales (Adam's
  //   -lr*m_hat/(sqrt(v_hat)+eps)) "weight_decay"    the decay of x (coupled or decoupled) and a
  //   few a single method has ("bounds", "sign", "curvature_correction", "newton", ...).
  std::string name;
  std::string label;  // the term in Unicode as the formula writes it, e.g. "−lr·μ·bₜ₋₁"
  Vec vector;         // its displacement
};

// A number behind the step at the current iterate: per coordinate, or one scalar.
struct UpdateQuantity {
  std::string name;   // "g", "m", "v_hat", "lr", ...
  std::string label;  // Unicode, e.g. "v̂"
  Vec value;          // per coordinate; size 1 when scalar
  bool scalar = false;
};

struct UpdateParts {
  // The update rule as this optimizer is configured, in Unicode, one statement per line, with
  // torch's symbols (g, b, m, v, m̂, v̂, β₁, β₂, ε, λ, μ, τ) and x for the iterate.
  std::string formula;
  // The terms of x_{k+1} - x_k, in the formula's order. They sum to the step up to rounding.
  std::vector<UpdatePart> parts;
  // g (before clipping), clip(g) when clipping is on, lr, t, the method's state after this
  // step (m, v, ...), and "step" = x_{k+1} - x_k as the optimizer's own update computes it.
  std::vector<UpdateQuantity> quantities;
  // When clipping changed the gradient: the step the unclipped gradient would have taken from
  // the same state minus the actual step (what clipping took off; drawn from x_{k+1}). Empty
  // otherwise. Not one of the parts.
  Vec removedByClipping;
  // Why this step is not the method's usual one (L-BFGS declined to move, Newton had no
  // Hessian), or empty.
  std::string note;

  // The sum of the parts (zero, of the step's size, when there are none).
  Vec sum() const;
  // The part or quantity of that name, or nullptr.
  const UpdatePart* part(std::string_view name) const;
  const UpdateQuantity* quantity(std::string_view name) const;

  // Appending, for the optimizers' explanations.
  void addPart(std::string name, std::string label, Vec vector);
  void addVector(std::string name, std::string label, Vec value);
  void addScalar(std::string name, std::string label, double value);
};

}  // namespace gradscape
