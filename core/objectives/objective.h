#pragma once
// A differentiable loss landscape with its known answer.
#include <optional>
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
};

}  // namespace gradscape
