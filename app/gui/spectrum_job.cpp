#include "app/gui/spectrum_job.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace gradscape::gui {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Thins progress calls to one per 33 ms (~30 a second), letting the first and the final
// one through.
class ThrottledProgress {
 public:
  explicit ThrottledProgress(SpectrumJob::Progress progress) : progress_(std::move(progress)) {}
  void operator()(SpectrumJob::Stage stage, double fraction) {
    if (!progress_) return;
    const auto now = Clock::now();
    const bool first = !last_ || stage != stage_;
    if (!first && fraction < 1.0 && now - *last_ < std::chrono::milliseconds(33)) return;
    last_ = now;
    stage_ = stage;
    progress_(stage, fraction);
  }

 private:
  SpectrumJob::Progress progress_;
  std::optional<Clock::time_point> last_;
  SpectrumJob::Stage stage_ = SpectrumJob::Stage::Replaying;
};

// Four significant digits: "1002", "0.399", "1.5e+04".
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

std::string duration(double seconds) {
  if (seconds < 0.0005) return "< 1 ms";
  if (seconds < 1.0) return std::to_string(std::lround(1000.0 * seconds)) + " ms";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", seconds);
  return text;
}

std::string methodText(const SpectrumReport& r, const SpectrumRequest& request) {
  switch (r.method) {
    case SpectrumMethod::Dense:
      return "exact";
    case SpectrumMethod::Lanczos:
      return (request.count >= r.dim ? "Lanczos, all " + std::to_string(r.dim)
                                     : "Lanczos, " + std::to_string(request.count) + " + " +
                                           std::to_string(request.count) + " extremes") +
             " (" + std::to_string(r.products) + " products)";
    case SpectrumMethod::Slq:
      return "SLQ, " + std::to_string(request.slq.probes) + " probes × " +
             std::to_string(std::min(request.slq.steps, r.dim)) + " steps";
  }
  return "?";
}

}  // namespace

std::string spectrumSummary(const SpectrumJobResult& result) {
  if (!result.report) return result.error;
  const SpectrumReport& r = *result.report;
  std::string text;
  if (r.method == SpectrumMethod::Slq) {
    // tr(H) = n E[v' H v] over the probes: n times the first quadrature moment.
    const double trace = r.dim * quadratureMoment(r.nodes, 1);
    text = "largest ≈ " + number(r.largest) + ", smallest ≈ " + number(r.smallest) + ", trace ≈ " +
           number(trace);
  } else {
    text = "largest " + number(r.largest) + ", smallest " + number(r.smallest);
  }
  text += " · " + std::to_string(r.dim) + (r.dim == 1 ? " dim" : " dims");
  text += " · " + methodText(r, result.request) + " · " + duration(result.analysisSeconds);
  if (result.replaySeconds >= 0.05) text += " (replay " + duration(result.replaySeconds) + ")";
  const std::string threshold = plots::thresholdLabel(result.threshold, result.iterate.lr);
  if (!threshold.empty()) {
    text += " · " + threshold;
    if (r.largest > result.threshold->at(result.iterate.lr)) text += " < λmax";
  }
  return text;
}

SpectrumJob::SpectrumJob(SpectrumJobInput input, Progress progress, Done done)
    : thread_(&SpectrumJob::work, this, std::move(input), std::move(progress), std::move(done)) {}

SpectrumJob::~SpectrumJob() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void SpectrumJob::cancel() {
  cancel_.store(true, std::memory_order_relaxed);
}

void SpectrumJob::work(SpectrumJobInput input, Progress progress, const Done& done) {
  SpectrumJobResult result;
  ThrottledProgress report(std::move(progress));
  try {
    // The objective first: a request it cannot serve fails before a long replay.
    const auto objective = makeObjective(input.scenario.objective);
    result.request = spectrumRequestFor(input.choice, objective->dim());
    if (result.request.method == SpectrumMethod::Dense && objective->dim() > kMaxDenseHessianDim) {
      throw std::invalid_argument(
          "Exact spectra form the dense Hessian, limited to " +
          std::to_string(kMaxDenseHessianDim) + " dimensions; this objective has " +
          std::to_string(objective->dim()) + " (choose Auto, Lanczos or SLQ)");
    }
    if (input.run < input.scenario.runs.size()) {
      const RunSpec& spec = input.scenario.runs[input.run];
      result.threshold = stabilityThreshold(spec.optimizer, spec.optimizerParams);
    }

    const auto replayStart = Clock::now();
    if (input.replayed && input.replayed->iteration == input.iteration) {
      result.iterate = std::move(*input.replayed);
    } else {
      report(Stage::Replaying, -1.0);
      result.iterate =
          replayToIteration(input.scenario, input.run, input.iteration, &cancel_,
                            [&report](double fraction) { report(Stage::Replaying, fraction); });
    }
    result.replaySeconds = secondsSince(replayStart);

    const auto analysisStart = Clock::now();
    report(Stage::Analysing, 0.0);
    AnalysisControl control;
    control.cancel = &cancel_;
    control.progress = [&report](double fraction) { report(Stage::Analysing, fraction); };
    result.report = analyseSpectrum(*objective, result.iterate.x, result.request, control);
    result.analysisSeconds = secondsSince(analysisStart);
  } catch (const AnalysisCancelled&) {
    result.report.reset();
    result.cancelled = true;
    result.error = "cancelled";
  } catch (const std::exception& e) {
    result.report.reset();
    result.error = e.what();
  } catch (...) {
    result.report.reset();
    result.error = "the analysis failed with an unknown error";
  }
  if (cancel_.load(std::memory_order_relaxed) && !result.report) {
    result.cancelled = true;
    result.error = "cancelled";
  }
  done(std::move(result));
}

SpectrumWorker::SpectrumWorker(Post post) : post_(std::move(post)) {}

SpectrumWorker::~SpectrumWorker() {
  jobs_.clear();  // each cancels and joins
}

void SpectrumWorker::start(SpectrumJobInput input, SpectrumJob::Progress progress,
                           SpectrumJob::Done done) {
  cancel();
  Remembered asked;
  if (input.run < input.scenario.runs.size()) {
    asked = {input.scenario.objective, input.scenario.runs[input.run], input.run, {}};
    const auto& m = remembered_;
    if (m && m->index == input.run && m->iterate.iteration == input.iteration &&
        m->objective == asked.objective && m->run == asked.run) {
      input.replayed = m->iterate;
    }
  }
  const uint64_t generation = ++generation_;
  auto toOwner = [this, generation, progress = std::move(progress)](SpectrumJob::Stage stage,
                                                                    double fraction) {
    post_([this, generation, progress, stage, fraction] {
      if (running_ == generation && progress) progress(stage, fraction);
    });
  };
  auto doneToOwner = [this, generation, asked = std::move(asked),
                      done = std::move(done)](SpectrumJobResult result) {
    post_([this, generation, asked, done, r = std::move(result)]() mutable {
      finished(generation, asked, r, done);
    });
  };
  jobs_.emplace_back(generation,
                     std::make_unique<SpectrumJob>(std::move(input), toOwner, doneToOwner));
  running_ = generation;
}

bool SpectrumWorker::cancel() {
  if (!running_) return false;
  for (auto& [generation, job] : jobs_) {
    if (generation == *running_) job->cancel();
  }
  running_.reset();
  return true;
}

void SpectrumWorker::finished(uint64_t generation, Remembered asked, SpectrumJobResult& result,
                              const SpectrumJob::Done& done) {
  // The job has handed over its result: joining it waits only for its thread to return.
  std::erase_if(jobs_, [generation](const auto& job) { return job.first == generation; });
  if (running_ != generation) return;  // superseded or cancelled
  running_.reset();
  if (result.report) {
    asked.iterate = result.iterate;
    remembered_ = std::move(asked);
  }
  if (done) done(std::move(result));
}

}  // namespace gradscape::gui
