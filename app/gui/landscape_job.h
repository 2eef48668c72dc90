#pragma once
// The window's landscape on a thread of its own (plots::buildLandscape does the work),
// cancellable, with progress. No Qt: the window turns the callbacks into queued calls.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "plots/landscape_build.h"

namespace gradscape::gui {

using plots::buildLandscape;
using plots::BuiltLandscape;
using plots::LandscapeRequest;

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
