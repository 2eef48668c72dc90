#pragma once
// The edge of stability: the largest Hessian eigenvalue for which an optimizer's fixed-step
// iteration on a quadratic is stable (Cohen et al. 2021, "Gradient descent on neural networks
// typically occurs at the edge of stability").
#include <optional>
#include <string>

#include "core/registry/params.h"

namespace gradscape {

// The threshold as constant / lr - shift for the optimizer's settings, or nullopt for methods
// whose threshold depends on a preconditioner (Adam, RMSprop, ...) or that have none (Newton).
// From the eigenvalues of the iteration on f = lambda x^2 / 2 with a = lr lambda:
//   GD                               a < 2
//   heavy ball (beta), torch SGD momentum mu (dampening tau: step lr (1 - tau))
//                                    a < 2 (1 + beta)
//   torch SGD Nesterov (mu)          a < (2 + 2 mu) / (1 + 2 mu)
// torch SGD's weight decay wd adds wd to every curvature: the threshold on lambda drops by wd.
struct StabilityThreshold {
  double constant = 2.0;  // threshold(lr) = constant / lr - shift
  double shift = 0.0;
  std::string formula;  // e.g. "2/lr", "2(1+β)/lr"
  double at(double lr) const { return constant / lr - shift; }
};

std::optional<StabilityThreshold> stabilityThreshold(const std::string& optimizer,
                                                     const ParamValues& params);

}  // namespace gradscape
