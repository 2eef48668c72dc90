#include "core/objectives/objective.h"

#include <stdexcept>

namespace gradscape {

Vec Objective::defaultStart(uint64_t /*seed*/) const {
  const Box b = domain();
  return b.lower + 0.15 * (b.upper - b.lower);
}

double Objective::batchValueAndGradient(VecCRef /*x*/, std::span<const int> /*batch*/,
                                        VecRef /*g*/) const {
  throw std::logic_error("batchValueAndGradient called on an objective that is not a finite sum");
}

Mat hessianFromProducts(const Objective& objective, VecCRef x) {
  const int n = objective.dim();
  Mat h(n, n);
  Vec e = Vec::Zero(n), hv(n);
  for (int j = 0; j < n; ++j) {
    e[j] = 1.0;
    objective.hessianVectorProduct(x, e, hv);
    h.col(j) = hv;
    e[j] = 0.0;
  }
  // Round-off can leave the assembled matrix a few ulps from symmetric; eigen-solvers and
  // tests expect the exact symmetry the true Hessian has.
  return 0.5 * (h + h.transpose());
}

}  // namespace gradscape
