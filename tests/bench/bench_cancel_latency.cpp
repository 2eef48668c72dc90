// Cancel-to-return latency of Run::runToEnd (issue 11, defect 5; budget 0.5 s): what Ctrl-C in
// `gradscape-cli run` waits for before the traces can be written. Each iteration builds the runs
// of an example (untimed), runs them one after another on a thread as the CLI does (runs not
// started when the flag is set are stopped at their start), sets the flag after a warm-up, and
// reports the time from setting it to the thread's return as the iteration's (manual) time.
// The examples are those of the issue (an MLP of width 512, with and without curvature tracking
// every 10 steps; matrix sensing with a 200 x 200 factor, tracked every 10 steps) and every
// shipped scenario, with its runs lengthened to 10^9 steps (no gradient or target stop) so that
// the flag always lands in a running run. Counters: steps taken before the flag per run (the
// step cost is warm_up / steps), and whether the runs had finished before it.
//   build/release/tests/bench/bench_cancel_latency --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
// runToEnd_steps/* is the price of the polling itself: ns per GD step on 2-D Rosenbrock through
// runToEnd with and without a cancel flag.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/objectives/rosenbrock.h"
#include "core/run/run.h"
#include "core/scenario/scenario_json.h"

namespace {

using namespace gradscape;
using Clock = std::chrono::steady_clock;
constexpr auto kWarmUp = std::chrono::milliseconds(300);

// Two-spirals MLP of width 512 on 1000 points (dim 2562; ~15-25 ms a GD step here, like the
// issue's example, which took 15.8 s to stop with polling every 1024 steps).
std::string mlpScenario(int curvatureEvery) {
  return R"({"version": 1, "name": "MLP width 512",
    "objective": {"type": "mlp", "dataset": "two_spirals", "samples": 1000, "width": 512},
    "stop": {"max_iterations": 1000000000, "grad_tol": 0},
    "curvature": {"every": )" +
         std::to_string(curvatureEvery) + R"(},
    "runs": [{"optimizer": {"type": "sgd", "lr": 0.5}}, {"optimizer": {"type": "adam", "lr": 0.001}}]
  })";
}

// Matrix factorization with X of 200 x 200 (dim 40000), rank-2 target, tracked every 10 steps.
const char* kMatrixSensing = R"({"version": 1, "name": "matrix sensing 200 x 200",
  "objective": {"type": "matrix_sensing", "size": 200, "rank": 2, "width": 200},
  "stop": {"max_iterations": 1000000000, "grad_tol": 0},
  "curvature": {"every": 10},
  "runs": [{"optimizer": {"type": "sgd", "lr": 0.05}}, {"optimizer": {"type": "sgd", "lr": 0.1}}]
})";

Scenario lengthened(Scenario scenario) {
  for (RunSpec& run : scenario.runs) {
    run.stop.maxIterations = 1'000'000'000;
    run.stop.gradTol = 0.0;
    run.stop.targetLoss.reset();
  }
  return scenario;
}

void cancelLatency(benchmark::State& state, const Scenario& scenario) {
  double steps = 0.0, finishedEarly = 0.0;
  for (auto _ : state) {
    auto runs = makeRuns(scenario);
    std::atomic<bool> cancel{false};
    Clock::time_point returned;
    std::thread worker([&] {
      for (auto& run : runs) {
        if (cancel.load()) {
          run->stop();
        } else {
          run->runToEnd(&cancel);
        }
      }
      returned = Clock::now();
    });
    std::this_thread::sleep_for(kWarmUp);
    const auto set = Clock::now();
    cancel = true;
    worker.join();
    const double seconds = std::chrono::duration<double>(returned - set).count();
    if (seconds < 0.0) finishedEarly += 1.0;
    state.SetIterationTime(std::max(seconds, 0.0));
    for (const auto& run : runs) steps += static_cast<double>(run->iterations());
  }
  state.counters["steps"] = benchmark::Counter(steps, benchmark::Counter::kAvgIterations);
  state.counters["finished_early"] =
      benchmark::Counter(finishedEarly, benchmark::Counter::kAvgIterations);
}

void runToEndSteps(benchmark::State& state, bool withFlag) {
  const auto objective = std::make_shared<Rosenbrock>();
  RunSpec spec;
  spec.optimizerParams.set("lr", 1e-4);
  spec.start = Vec(2);
  spec.start << -1.5, 2.0;
  spec.stop.maxIterations = int64_t{1} << 20;
  spec.stop.gradTol = 0.0;
  const std::atomic<bool> cancel{false};
  for (auto _ : state) {
    state.PauseTiming();
    Run run(objective, spec);
    state.ResumeTiming();
    run.runToEnd(withFlag ? &cancel : nullptr);
    benchmark::DoNotOptimize(run.point().data());
  }
  state.counters["ns_per_step"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(spec.stop.maxIterations),
      benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
}

void registerAll() {
  auto add = [](const std::string& name, Scenario scenario) {
    benchmark::RegisterBenchmark(("cancel_latency/" + name).c_str(),
                                 [scenario = lengthened(std::move(scenario))](
                                     benchmark::State& state) { cancelLatency(state, scenario); })
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
  };
  add("mlp_width512", parseScenario(mlpScenario(0)));
  add("mlp_width512_tracking10", parseScenario(mlpScenario(10)));
  add("matrix_sensing_200x200_tracking10", parseScenario(kMatrixSensing));
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(GRADSCAPE_SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    add("shipped/" + file.stem().string(), loadScenarioFile(file.string()));
  }
  benchmark::RegisterBenchmark("runToEnd_steps/with_flag",
                               [](benchmark::State& s) { runToEndSteps(s, true); });
  benchmark::RegisterBenchmark("runToEnd_steps/without_flag",
                               [](benchmark::State& s) { runToEndSteps(s, false); });
}

}  // namespace

int main(int argc, char** argv) {
  registerAll();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
