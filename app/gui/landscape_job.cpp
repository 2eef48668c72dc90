#include "app/gui/landscape_job.h"

#include <chrono>
#include <utility>

namespace gradscape::gui {

LandscapeJob::LandscapeJob(LandscapeRequest request, Progress progress, Done done) {
  thread_ = std::thread(
      [this, request = std::move(request), progress = std::move(progress), done = std::move(done)] {
        using Clock = std::chrono::steady_clock;
        auto told = Clock::now() - std::chrono::seconds(1);
        BuiltLandscape built = buildLandscape(request, [&](double share) {
          if (cancel_.load(std::memory_order_relaxed)) return false;
          const auto now = Clock::now();
          if (progress && (share >= 1.0 || now - told >= std::chrono::milliseconds(33))) {
            told = now;
            progress(share);
          }
          return true;
        });
        if (cancel_.load()) built.cancelled = true;
        if (!destroying_.load()) done(std::move(built));
      });
}

LandscapeJob::~LandscapeJob() {
  destroying_.store(true);
  cancel_.store(true);
  if (thread_.joinable()) thread_.join();
}

}  // namespace gradscape::gui
