#include "plots/sharpness_series.h"

#include "core/analysis/stability_threshold.h"

namespace gradscape::plots {

std::vector<SharpnessSeries> sharpnessSeries(const std::vector<RunSpec>& specs,
                                             const std::vector<RunView>& views) {
  std::vector<SharpnessSeries> series;
  for (size_t i = 0; i < views.size(); ++i) {
    const RunView& v = views[i];
    SharpnessSeries s;
    s.name = v.name.empty() ? v.label : v.name;
    s.color = v.color;
    s.visible = v.visible;
    s.iteration = v.curvatureIteration;
    s.top = v.sharpness;
    s.bottom = v.bottomEigenvalue;
    if (i < specs.size() && !s.iteration.empty()) {
      if (const auto t = stabilityThreshold(specs[i].optimizer, specs[i].optimizerParams)) {
        for (size_t k = 0; k < v.iteration.size() && k < v.lr.size(); ++k) {
          if (!(v.lr[k] > 0.0)) continue;
          s.thresholdIteration.push_back(v.iteration[k]);
          s.threshold.push_back(t->at(v.lr[k]));
        }
      }
    }
    series.push_back(std::move(s));
  }
  return series;
}

}  // namespace gradscape::plots
