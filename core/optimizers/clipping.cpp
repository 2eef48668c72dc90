#include "core/optimizers/clipping.h"

#include "core/optimizers/carried_norm.h"

namespace gradscape {

void clipGradient(const Clipping& clip, VecRef g) {
  switch (clip.mode) {
    case Clipping::Mode::None:
      return;
    case Clipping::Mode::Norm: {
      // torch: clip_coef = max_norm / (total_norm + 1e-6), applied when clip_coef < 1.
      // The norm from the carried square: g.norm() would be inf for ||g|| > 1.34e154 and clip
      // a finite gradient to zero.
      const double norm = normFromCarried(carriedSquaredNorm(g));
      const double coef = clip.threshold / (norm + 1e-6);
      if (coef < 1.0) g *= coef;
      return;
    }
    case Clipping::Mode::Value:
      g = g.cwiseMax(-clip.threshold).cwiseMin(clip.threshold);
      return;
  }
}

const char* clippingModeName(Clipping::Mode mode) {
  switch (mode) {
    case Clipping::Mode::Norm:
      return "norm";
    case Clipping::Mode::Value:
      return "value";
    case Clipping::Mode::None:
      break;
  }
  return "none";
}

bool parseClippingMode(const std::string& name, Clipping::Mode& mode) {
  if (name == "none")
    mode = Clipping::Mode::None;
  else if (name == "norm")
    mode = Clipping::Mode::Norm;
  else if (name == "value")
    mode = Clipping::Mode::Value;
  else
    return false;
  return true;
}

}  // namespace gradscape
