#pragma once
// Gradient clipping applied to every gradient an optimizer receives, as
// torch.nn.utils.clip_grad_norm_ / clip_grad_value_ do before optimizer.step().
#include <string>

#include "core/types.h"

namespace gradscape {

struct Clipping {
  enum class Mode { None, Norm, Value };
  Mode mode = Mode::None;
  // Norm: g <- g * min(1, threshold / ||g||_2).  Value: g_i <- clamp(g_i, -threshold, threshold).
  double threshold = 1.0;

  bool operator==(const Clipping&) const = default;
};

// Clips g in place.
void clipGradient(const Clipping& clip, VecRef g);

const char* clippingModeName(Clipping::Mode mode);  // "none", "norm", "value"
// Parses "none" / "norm" / "value"; returns false for anything else.
bool parseClippingMode(const std::string& name, Clipping::Mode& mode);

}  // namespace gradscape
