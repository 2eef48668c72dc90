#pragma once
// Where a run's path leaves the plotted box: the map clips paths at its frame, so without a
// sign a path that runs off the map looks as if it stopped there. Geometry only.
#include <cstddef>
#include <string>
#include <vector>

#include "plots/run_polylines.h"

namespace gradscape::plots {

struct PathExits {
  // The first exit: where the segment from iterate k - 1 to iterate k crosses the rectangle's
  // edge going out (Liang-Barsky's t1 < 1), its loss there, the segment's direction, and the
  // iteration number of iterate k.
  double x = 0.0, y = 0.0, f = 0.0, dx = 0.0, dy = 0.0, iteration = 0.0;
  size_t count = 0;  // how many segments leave the rectangle in all (0: the path stays inside)
};

// The run's exits from the placement's rectangle (segments with a non-finite end are skipped).
PathExits pathExits(const StoredRun& run, const RunPlacement& placement);

// The label at the first exit: "off map at k = 12", then ", +40 more" when it leaves again.
std::string exitLabel(const PathExits& exits);

}  // namespace gradscape::plots
