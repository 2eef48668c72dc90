#include "app/gui/path_pca_job.h"

#include <vector>

namespace gradscape::gui {

PathPcaJob::PathPcaJob(Scenario scenario, size_t run, Done done) {
  thread_ = std::thread([this, scenario = std::move(scenario), run, done = std::move(done)] {
    try {
      if (run >= scenario.runs.size()) throw std::invalid_argument("no such run");
      Run replay(makeObjective(scenario.objective), scenario.runs[run]);
      replay.runToEnd(&cancel_);
      if (cancel_.load()) return;
      const Trace& trace = replay.trace();
      std::vector<Vec> points;
      points.reserve(static_cast<size_t>(trace.pointCount()));
      for (int64_t i = 0; i < trace.pointCount(); ++i) points.emplace_back(trace.point(i));
      SlicePlane plane = trajectoryPcaPlane(points, replay.point());
      plane.description = "the first two principal components of " + scenario.runs[run].label +
                          "'s path, through its final iterate";
      done(std::move(plane), "");
    } catch (const std::exception& e) {
      if (!cancel_.load()) done(std::nullopt, e.what());
    }
  });
}

PathPcaJob::~PathPcaJob() {
  cancel_.store(true);
  if (thread_.joinable()) thread_.join();
}

}  // namespace gradscape::gui
