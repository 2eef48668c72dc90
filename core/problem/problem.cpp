#include "core/problem/problem.h"

#include <stdexcept>

namespace gradscape {

double Problem::batchField(VecCRef /*x*/, int64_t /*t*/, std::span<const int> /*batch*/,
                           VecRef /*g*/) const {
  throw std::logic_error("batchField called on a problem that is not a finite sum");
}

Mat Problem::hessian(VecCRef /*x*/, int64_t /*t*/) const {
  throw std::logic_error("hessian called on a problem without a Hessian");
}

void Problem::hessianVectorProduct(VecCRef /*x*/, int64_t /*t*/, VecCRef /*v*/,
                                   VecRef /*hv*/) const {
  throw std::logic_error("hessianVectorProduct called on a problem without a Hessian");
}

void Problem::jacobianVectorProduct(VecCRef x, int64_t t, VecCRef v, VecRef jv) const {
  if (curvature() != Curvature::Hessian) {
    throw std::logic_error("jacobianVectorProduct called on a problem without curvature");
  }
  hessianVectorProduct(x, t, v, jv);
}

void projectOntoBox(const Box& box, VecRef x) {
  x = x.cwiseMax(box.lower).cwiseMin(box.upper);
}

}  // namespace gradscape
