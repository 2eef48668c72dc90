#pragma once
// Legend text of a run: its label and the hyperparameters that identify it, e.g.
// "Momentum 0.9 (lr=0.0005, momentum=0.9)". No VTK, no Qt.
#include <string>
#include <vector>
#include "core/registry/params.h"
#include "core/run/run_spec.h"

namespace gradscape::plots {

// A number as labels show it (core/registry/params.h): "0.03306", "1e-5", "2000".
using ::gradscape::labelNumber;

// The label, then lr and every optimizer parameter that differs from its default (at most
// `maxParams` of them; numbers with labelNumber, choices by their name), then the schedule name
// when it is not constant.
std::string legendLabel(const RunSpec& spec, int maxParams = 3);

// What the views call each run: `name` (its label, or its optimizer's title when it has none),
// unique among the runs given ("Adam", "Adam (2)", ...), and `label`, the legend text built on
// that name.
struct RunNames {
  std::string name, label;
};
std::vector<RunNames> runNames(const std::vector<RunSpec>& runs);

}  // namespace gradscape::plots
