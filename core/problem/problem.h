#pragma once
// What a run runs on: a field F(x, t) that an optimizer follows, for t = 0, 1, 2, ... the step
// index, with what is known about it (a loss, curvature, a feasible set, solutions) and what the
// views draw of it.
//
// Kinds (the first exists today; the others are what this interface is shaped for):
// - A fixed loss f (ObjectiveProblem, core/problem/objective_problem.h): F(x, t) = grad f(x),
//   value(x, t) = f(x), curvature = the Hessian of f. Drawn as its loss landscape.
// - An online loss f_t (Reddi, Kale & Kumar 2018): F(x, t) = grad f_t(x), value = f_t(x);
//   timeVarying() is true, so the oracle passes every call the run's current step t and the
//   views redraw the landscape as t moves.
// - A two-player game min_x max_y L(x, y) (x and y stacked in one vector): F = (grad_x L,
//   -grad_y L), which is no gradient. hasLoss() is false; value() returns the game's monitor
//   value (L(x, y)), recorded in the trace's loss column and tested for divergence like a
//   loss. Curvature::Jacobian: jacobianVectorProduct gives J_F(x) v (J_F is not symmetric, so
//   no hessian()). Drawn as a vector field.
// Constraints: a problem with a feasibleBox() has its iterates projected onto it after every
// step (projected gradient methods; the slot exists, the run does not project yet).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/objectives/objective.h"
#include "core/types.h"

namespace gradscape {

class Problem {
 public:
  virtual ~Problem() = default;

  virtual int dim() const = 0;
  // Shown in titles and legends ("Rosenbrock (a=1, b=100)"); may be empty.
  virtual const std::string& title() const = 0;

  // Writes the field F(x, t) into g (size dim()) and returns value(x, t). For a loss the field
  // is its gradient and both come from one evaluation. The per-step hot path.
  virtual double field(VecCRef x, int64_t t, VecRef g) const = 0;
  // The loss f_t(x) when hasLoss(), else the monitor value (see above). Line searches use it.
  virtual double value(VecCRef x, int64_t t) const = 0;
  virtual bool hasLoss() const { return true; }
  // Whether field and value depend on t (online losses). When false, t is ignored.
  virtual bool timeVarying() const { return false; }

  // Finite sums (1/N) sum_i f_i + r: N here (0 otherwise), and the mean field over `batch`
  // (indices in [0, N), repeats allowed) with the value of that batch.
  virtual int64_t sampleCount() const { return 0; }
  virtual double batchField(VecCRef x, int64_t t, std::span<const int> batch, VecRef g) const;

  // What is known of the field's derivative J_F: none, the Hessian of a loss (symmetric:
  // hessian and hessianVectorProduct), or a general Jacobian (jacobianVectorProduct only).
  enum class Curvature { None, Hessian, Jacobian };
  virtual Curvature curvature() const { return Curvature::None; }
  // The dense Hessian at (x, t) (dim() <= kMaxDenseHessianDim). Throws std::logic_error when
  // curvature() is not Hessian.
  virtual Mat hessian(VecCRef x, int64_t t) const;
  // hv = H(x, t) v; same precondition as hessian().
  virtual void hessianVectorProduct(VecCRef x, int64_t t, VecCRef v, VecRef hv) const;
  // jv = J_F(x, t) v; for Curvature::Hessian this is the Hessian-vector product. Throws
  // std::logic_error when curvature() is None.
  virtual void jacobianVectorProduct(VecCRef x, int64_t t, VecCRef v, VecRef jv) const;

  // The feasible set, when the problem is constrained (nullptr: all of R^n).
  virtual const Box* feasibleBox() const { return nullptr; }

  // What the map draws.
  enum class Drawing { LossLandscape, VectorField };
  virtual Drawing drawing() const { return Drawing::LossLandscape; }
  // Default plotting domain (the map's box; the box starts are drawn from).
  virtual Box domain() const = 0;
  // Known solutions (minimizers of a loss, equilibria of a game) and the value there.
  virtual std::vector<Vec> solutions() const { return {}; }
  virtual std::optional<double> solutionValue() const { return std::nullopt; }
  // Where a run starts when the scenario names none.
  virtual Vec defaultStart(uint64_t seed) const = 0;

  // The fixed loss f behind the problem, only when field(x, t) is f's valueAndGradient and
  // value(x, t) is f(x) for every t (nullptr otherwise): the oracle then calls f directly, and
  // the consumers that still sample an Objective (landscape, slices, spectra) use it.
  virtual const Objective* objective() const { return nullptr; }
};

// x clamped onto `box` (projected gradient methods' projection).
void projectOntoBox(const Box& box, VecRef x);

}  // namespace gradscape
