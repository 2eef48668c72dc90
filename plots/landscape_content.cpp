#include "plots/landscape_content.h"

namespace gradscape::plots {

LandscapeContent makeLandscapeContent(const Objective& objective, const std::string& title,
                                      const LandscapeStyle& style, int samples,
                                      const SamplingProgress& progress) {
  LandscapeContent content;
  const Box box = objective.domain();
  content.grid = sampleLandscape(objective, box, samples, samples, progress);
  content.style = style;
  content.title = title;
  if (content.grid.nx == 0) return content;  // stopped
  if (style.gradientArrows) content.arrows = negativeGradientField(objective, box);
  for (const Vec& m : objective.minimizers()) {
    if (m.size() < 2) continue;
    const bool inside = m[0] >= box.lower[0] && m[0] <= box.upper[0] && m[1] >= box.lower[1] &&
                        m[1] <= box.upper[1];
    if (inside) content.minima.push_back({m[0], m[1]});
  }
  return content;
}

}  // namespace gradscape::plots
