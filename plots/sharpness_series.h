#pragma once
// The sharpness chart's series for runs, from their views (the GUI's sharpness panel and the
// command line's `render --view sharpness` draw the same). No VTK, no Qt.
#include <vector>

#include "core/run/run_spec.h"
#include "plots/run_view.h"
#include "plots/sharpness_chart.h"

namespace gradscape::plots {

// The chart's series for runs: samples from their views, thresholds c / lr_k - shift along each
// row of a run whose optimizer has one.
std::vector<SharpnessSeries> sharpnessSeries(const std::vector<RunSpec>& specs,
                                             const std::vector<RunView>& views);

}  // namespace gradscape::plots
