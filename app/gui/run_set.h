#pragma once
// The runs of one scenario as the engine thread holds them, and the snapshot they make. Not
// thread-safe: only the run controller's worker thread touches a RunSet once it is handed over.
#include <cstdint>
#include <memory>
#include <vector>

#include "app/gui/engine_snapshot.h"
#include "core/analysis/slice_plane.h"
#include "core/scenario/scenario.h"

namespace gradscape::gui {

// Rows per run in a snapshot: enough for any display, and a bound on the copy made ~60 times a
// second.
inline constexpr int64_t kSnapshotRows = int64_t{1} << 17;

struct RunSet {
  Scenario scenario;  // kept for reset()
  // Where snapshots place N-D iterates: their coordinates on the landscape's slice (null for
  // 2-D objectives: the iterate itself).
  std::shared_ptr<const PlaneProjector> projection;
  std::vector<std::unique_ptr<Run>> runs;

  // Fresh runs at iteration 0. Throws ScenarioError or std::invalid_argument like makeRuns.
  static RunSet build(const Scenario& scenario,
                      std::shared_ptr<const PlaneProjector> projection = nullptr);

  bool allFinished() const;
  // Up to n iterations of every unfinished run, run after run: between calls all unfinished runs
  // stand at the same iteration.
  void step(int64_t n);
  // Ends every unfinished run as Stopped.
  void stop();
  EngineSnapshot snapshot(uint64_t generation, int64_t maxRows = kSnapshotRows) const;
  // Fills every unfinished run's nextUpdate in `snapshot` (made by snapshot()). Costs about a
  // step of each run; leaves the runs' state and random draws untouched.
  void explainNextSteps(EngineSnapshot& snapshot);

 private:
  RunSnapshot runSnapshot(size_t i, int64_t maxRows) const;
};

}  // namespace gradscape::gui
