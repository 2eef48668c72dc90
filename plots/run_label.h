#pragma once
// Legend text of a run: its label and the hyperparameters that identify it, e.g.
// "Momentum 0.9 (lr=0.0005, momentum=0.9)". No VTK, no Qt.
#include <string>
#include "core/run/run_spec.h"

namespace gradscape::plots {

// The label, then lr and every optimizer parameter that differs from its default (at most
// `maxParams` of them), then the schedule name when it is not constant.
std::string legendLabel(const RunSpec& spec, int maxParams = 3);

}  // namespace gradscape::plots
