#include "core/analysis/stability_threshold.h"

namespace gradscape {

std::optional<StabilityThreshold> stabilityThreshold(const std::string& optimizer,
                                                     const ParamValues& params) {
  auto get = [&](const char* name) { return params.has(name) ? params.get(name) : 0.0; };
  if (optimizer == "heavy_ball") {
    return StabilityThreshold{2.0 * (1.0 + get("beta")), 0.0, "2(1+β)/lr"};
  }
  if (optimizer != "sgd") return std::nullopt;
  const double mu = get("momentum");
  const double wd = get("weight_decay");
  if (mu == 0.0) return StabilityThreshold{2.0, wd, wd > 0.0 ? "2/lr - wd" : "2/lr"};
  if (params.has("nesterov") && params.flag("nesterov")) {
    return StabilityThreshold{(2.0 + 2.0 * mu) / (1.0 + 2.0 * mu), wd, "(2+2μ)/((1+2μ) lr)"};
  }
  // The momentum buffer's steady state takes steps lr (1 - tau) g.
  return StabilityThreshold{2.0 * (1.0 + mu) / (1.0 - get("dampening")), wd, "2(1+μ)/lr"};
}

}  // namespace gradscape
