#pragma once
// How runs become what the views draw: a live run's RunView (its trace, and the iterate it
// stands at), and the names, legend labels, colours and visibility the views give them. The
// desktop program (app/gui) and the command line's `render` share these, so both draw the same
// labels and colours. No VTK, no Qt.
#include <cstdint>
#include <vector>

#include "core/analysis/slice_plane.h"
#include "core/run/run.h"
#include "core/run/run_spec.h"
#include "plots/run_view.h"

namespace gradscape::plots {

// At most `maxRows` rows of the run's trace (makeRunView), diverged and finished set from its
// status; a running run's trace ends at x_{k-1}, so its current iterate x_k is appended (when
// finite). No label or colour (see nameRunViews).
RunView liveRunView(const Run& run, int64_t maxRows, const PlaneProjector* projection = nullptr);

// Gives view i the unique name and legend label of specs[i] (runNames), runColor(i), and
// specs[i].visible. Views beyond the specs keep their label and stay visible.
void nameRunViews(std::vector<RunView>& views, const std::vector<RunSpec>& specs);

}  // namespace gradscape::plots
