#pragma once
// The landscape the views draw, built from an objective: for a 2-D objective its own grid, for
// a many-dimensional one a slice (whose plane may take a Lanczos solve) sampled point by point,
// where one sample of a 10^6-dimensional problem costs milliseconds. `buildLandscape` does the
// work where it is called; `LandscapeJob` does it on a thread of its own, cancellable, with
// progress. No Qt: the window turns the callbacks into queued calls.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "app/gui/landscape_source.h"
#include "plots/landscape_content.h"

namespace gradscape::gui {

struct LandscapeRequest {
  std::shared_ptr<const Objective> objective;
  Vec start;
  std::string title;
  double minHalfWidth = 1.0;        // of the slice's box (landscapeSource)
  std::optional<SlicePlane> plane;  // the chosen slice; default: landscapeSource's
  plots::LandscapeStyle style;
};

struct BuiltLandscape {
  LandscapeSource source;
  plots::LandscapeContent content;
  std::string error;  // why no landscape could be built ("" on success)
  bool cancelled = false;
};

// Builds the landscape here. `progress` is told the sampled share and may stop the work
// (returns false): the result is then `cancelled`.
BuiltLandscape buildLandscape(const LandscapeRequest& request,
                              const plots::SamplingProgress& progress = {});

// The window's landscape request in flight: what it was built for and what follows it.
struct LandscapeWait {
  uint64_t request = 0;
  std::shared_ptr<const Objective> objective;
  unsigned followUps = 0;
};

class LandscapeJob {
 public:
  // On the job's thread: the share done, at most ~30 times a second (the last call is 1).
  using Progress = std::function<void(double fraction)>;
  // On the job's thread, exactly once, also after cancel() (then `cancelled`); not after the
  // destructor has begun.
  using Done = std::function<void(BuiltLandscape result)>;

  // Starts at once.
  LandscapeJob(LandscapeRequest request, Progress progress, Done done);
  // Cancels and joins (a sample in progress finishes first).
  ~LandscapeJob();
  LandscapeJob(const LandscapeJob&) = delete;
  LandscapeJob& operator=(const LandscapeJob&) = delete;

  // Asks the work to stop after the sample in progress; does not wait.
  void cancel() { cancel_.store(true); }

 private:
  std::atomic<bool> cancel_{false};
  std::atomic<bool> destroying_{false};
  std::thread thread_;
};

}  // namespace gradscape::gui
