#pragma once
// The spectrum panel's background work: replay a run to an iterate, then analyse the Hessian
// spectrum there, on a thread of its own, cancellable, with progress. No Qt: the panel turns
// the callbacks into queued calls.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/analysis/iterate_spectrum.h"
#include "core/analysis/stability_threshold.h"
#include "plots/spectrum_data.h"

namespace gradscape::gui {

// The method menu and the request it makes are the chart's (plots/spectrum_data.h, shared with
// `gradscape-cli render`).
using plots::kLanczosCount;
using plots::SpectrumChoice;
using plots::spectrumRequestFor;

struct SpectrumJobInput {
  Scenario scenario;
  size_t run = 0;
  int64_t iteration = 0;
  SpectrumChoice choice = SpectrumChoice::Auto;
  // The iterate, when an earlier job replayed the same run to the same iteration.
  std::optional<ReplayedIterate> replayed;
};

struct SpectrumJobResult {
  std::optional<SpectrumReport> report;  // empty when the job failed or was cancelled
  ReplayedIterate iterate;
  SpectrumRequest request;
  std::optional<StabilityThreshold> threshold;  // of the run's optimizer, when it has one
  std::string error;                            // why it failed ("" on success)
  bool cancelled = false;
  double replaySeconds = 0.0, analysisSeconds = 0.0;
};

// One line for the panel, e.g. "largest 10, smallest 1 · 2 dims · exact · 3 ms · 2/lr = 20"
// (with " < λmax" when the largest eigenvalue is beyond the threshold),
// or for SLQ "largest ≈ 1, smallest ≈ 0.01, trace ≈ 1.5e+03 · 3000 dims · SLQ …".
std::string spectrumSummary(const SpectrumJobResult& result);

class SpectrumJob {
 public:
  enum class Stage { Replaying, Analysing };
  // Both run on the job's thread. Progress calls are at most ~30 a second (the first of each
  // stage and the final 1 always pass); while replaying it is -1 until the replay reports a share.
  using Progress = std::function<void(Stage stage, double fraction)>;
  using Done = std::function<void(SpectrumJobResult result)>;

  // Starts the work at once. `done` is called exactly once, also after a cancel.
  SpectrumJob(SpectrumJobInput input, Progress progress, Done done);
  // Cancels and joins.
  ~SpectrumJob();
  SpectrumJob(const SpectrumJob&) = delete;
  SpectrumJob& operator=(const SpectrumJob&) = delete;

  // Asks the work to stop at its next check (replay: before every step; analysis: every
  // Hessian-vector product); does not wait.
  void cancel();

 private:
  void work(SpectrumJobInput input, Progress progress, const Done& done);

  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

// The panel's jobs, newest wins: starting a job cancels the running one, whose result is then
// dropped; cancelled jobs wind down on their own threads and are joined when they report (or
// in the destructor). Progress and results reach the owner's thread through `post` (the panel
// passes a queued Qt call). The newest replayed iterate is remembered: another method at the
// same iterate of the same run skips the replay.
class SpectrumWorker {
 public:
  // Runs a call on the owner's thread, later; called from job threads.
  using Post = std::function<void(std::function<void()>)>;

  explicit SpectrumWorker(Post post);
  // Cancels and joins every job.
  ~SpectrumWorker();
  SpectrumWorker(const SpectrumWorker&) = delete;
  SpectrumWorker& operator=(const SpectrumWorker&) = delete;

  // `progress` and `done` run on the owner's thread, only while this job is the newest.
  void start(SpectrumJobInput input, SpectrumJob::Progress progress, SpectrumJob::Done done);
  // Cancels the running job, whose result is dropped; false when none was running.
  bool cancel();
  bool busy() const { return running_.has_value(); }
  // Forgets the remembered iterate (the scenario changed).
  void forgetIterate() { remembered_.reset(); }

 private:
  struct Remembered {
    ObjectiveSpec objective;
    RunSpec run;
    size_t index = 0;
    ReplayedIterate iterate;
  };
  void finished(uint64_t generation, Remembered asked, SpectrumJobResult& result,
                const SpectrumJob::Done& done);

  Post post_;
  uint64_t generation_ = 0;
  std::optional<uint64_t> running_;  // the newest job, until it reports or is cancelled
  std::vector<std::pair<uint64_t, std::unique_ptr<SpectrumJob>>> jobs_;  // not yet joined
  std::optional<Remembered> remembered_;
};

}  // namespace gradscape::gui
