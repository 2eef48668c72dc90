#pragma once
// A differentiable loss landscape with its known answer.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/types.h"

namespace gradscape {

// Axis-aligned box used for plotting and for sampling test points.
struct Box {
  Vec lower;
  Vec upper;
};

class Objective {
 public:
  virtual ~Objective() = default;

  virtual int dim() const = 0;
  virtual double value(VecCRef x) const = 0;
  // Writes the gradient at x into g (g has size dim()).
  virtual void gradient(VecCRef x, VecRef g) const = 0;
  // Value and gradient together; override when sharing work is cheaper.
  virtual double valueAndGradient(VecCRef x, VecRef g) const {
    gradient(x, g);
    return value(x);
  }
  // Exact Hessian (small dimension only).
  virtual Mat hessian(VecCRef x) const = 0;
  // Hessian-vector product H(x) v; the default forms the dense Hessian.
  virtual void hessianVectorProduct(VecCRef x, VecCRef v, VecRef hv) const { hv = hessian(x) * v; }

  // Default plotting domain.
  virtual Box domain() const = 0;
  // Known global minimizers (empty when unknown or unbounded below).
  virtual std::vector<Vec> minimizers() const { return {}; }
  // Known global minimum value, if any.
  virtual std::optional<double> minimumValue() const { return std::nullopt; }

  // Where a run starts when the scenario names no start. The default is a point in the
  // lower-left part of the plotting domain, away from typical minima; models on data override
  // it with a seeded initialisation (e.g. Glorot weights).
  virtual Vec defaultStart(uint64_t seed) const;

  // Ranges of x that are "filters" (one neuron's incoming weights) for filter-wise normalised
  // random slices (Li et al. 2018); coordinates in no range (biases) are not perturbed. Empty
  // (the default): the whole vector is one filter.
  struct ParameterRange {
    int offset, size;
  };
  virtual std::vector<ParameterRange> filters() const { return {}; }

  // Finite sums f(x) = (1/N) sum_i f_i(x) + r(x) (models fitted to N samples or measurements)
  // return N here and implement batchValueAndGradient; other objectives return 0.
  virtual int64_t sampleCount() const { return 0; }
  // Mean loss and gradient over the samples in `batch` (indices in [0, sampleCount()), repeats
  // allowed), plus the regulariser r: (1/|B|) sum_{i in B} f_i(x) + r(x). With every index
  // once this equals valueAndGradient. Throws std::logic_error when sampleCount() is 0.
  virtual double batchValueAndGradient(VecCRef x, std::span<const int> batch, VecRef g) const;
};

// The largest dimension for which dense Hessians are formed (Newton steps, exact spectra,
// curvature tracking); beyond it only Hessian-vector products are used.
inline constexpr int kMaxDenseHessianDim = 2000;

// The dense Hessian assembled column by column from hessianVectorProduct with unit vectors
// (n products): how N-D objectives without a cheaper closed form implement hessian().
Mat hessianFromProducts(const Objective& objective, VecCRef x);

}  // namespace gradscape
