#pragma once
// The principal components of one run's path, computed off the GUI thread: the run is replayed
// from its scenario (runs are deterministic, so this is the path the views show) and its kept
// iterates span the slice, centred at its final iterate (Li et al. 2018). No Qt.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "core/analysis/slice_plane.h"
#include "core/scenario/scenario.h"

namespace gradscape::gui {

class PathPcaJob {
 public:
  // Called once on the job's thread: the plane, or an empty plane and why not.
  using Done = std::function<void(std::optional<SlicePlane> plane, std::string error)>;

  // Starts at once.
  PathPcaJob(Scenario scenario, size_t run, Done done);
  // Cancels (the replay checks every 1024 steps) and joins; `done` is not called then.
  ~PathPcaJob();
  PathPcaJob(const PathPcaJob&) = delete;
  PathPcaJob& operator=(const PathPcaJob&) = delete;

 private:
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

}  // namespace gradscape::gui
