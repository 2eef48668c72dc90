// Nanoseconds per step of every optimizer on 2-D Rosenbrock, through the real Run (oracle,
// schedule, stop checks, trace recording and evaluation counting included). Budget (issue 14):
// sgd <= 30 ns/step, adam <= 1.5x handfused/adam in the same run.
// Two reference loops (handfused/*) do the same GD and Adam steps, checks and recording as one
// scalar loop with no abstraction at all: the floor for this machine, to compare against in the
// same run. Adam's floor is set by the sqrt -> divide dependency chain of its update: on this
// machine (AMD EPYC, Zen 4) that chain alone, with nothing recorded, takes 26 ns per step.
//   build/release/tests/bench/bench_rosenbrock_steps --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <vector>

#include "core/objectives/rosenbrock.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/run/run.h"

namespace {

using namespace gradscape;

std::unique_ptr<Run> makeRun(const std::string& optimizer) {
  static const auto objective = std::make_shared<Rosenbrock>();
  RunSpec spec;
  spec.optimizer = optimizer;
  const auto* entry = optimizerRegistry().find(optimizer);
  spec.optimizerParams = ParamValues::defaults(entry->params);
  // Small enough that plain gradient descent stays finite on Rosenbrock.
  spec.optimizerParams.set("lr", optimizer == "sgd" || optimizer == "heavy_ball"
                                     ? 1e-4
                                     : spec.optimizerParams.get("lr"));
  spec.start = Vec(2);
  spec.start << -1.5, 2.0;
  spec.stop.maxIterations = int64_t{1} << 40;
  spec.stop.gradTol = 0.0;
  return std::make_unique<Run>(objective, spec);
}

void stepOptimizer(benchmark::State& state, const std::string& optimizer) {
  auto run = makeRun(optimizer);
  for (auto _ : state) {
    if (!run->step()) {
      // Converged to an exact zero gradient or left the bounds: start again, untimed.
      state.PauseTiming();
      run = makeRun(optimizer);
      state.ResumeTiming();
    }
  }
  state.counters["trace_rows"] = static_cast<double>(run->trace().size());
}

struct Row {
  int64_t iteration;
  double loss, gradNorm, stepNorm, lr;
};

// GD or Adam on Rosenbrock (a = 1, b = 100) written out by hand, recording like Trace does.
template <bool kAdam>
void handFused(benchmark::State& state) {
  double x = -1.5, y = 2.0, m0 = 0, m1 = 0, v0 = 0, v1 = 0, b1p = 1, b2p = 1;
  const double lr = kAdam ? 1e-3 : 1e-4, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  std::vector<Row> rows;
  std::vector<double> points;
  rows.reserve(1 << 18);
  points.reserve(1 << 19);
  int64_t k = 0;
  for (auto _ : state) {
    const double v = y - x * x, f = (1 - x) * (1 - x) + 100 * v * v;
    const double gx = -2 * (1 - x) - 400 * x * v, gy = 200 * v;
    const double gn = std::sqrt(gx * gx + gy * gy);
    double nx = x - lr * gx, ny = y - lr * gy;
    if constexpr (kAdam) {
      b1p *= b1;
      b2p *= b2;
      // The engine's form: sqrt(bc2) folded into the step size and eps.
      const double sb = std::sqrt(1 - b2p), step = lr * sb / (1 - b1p), epsHat = eps * sb;
      m0 = b1 * m0 + (1 - b1) * gx;
      m1 = b1 * m1 + (1 - b1) * gy;
      v0 = b2 * v0 + (1 - b2) * gx * gx;
      v1 = b2 * v1 + (1 - b2) * gy * gy;
      nx = x - step * m0 / (std::sqrt(v0) + epsHat);
      ny = y - step * m1 / (std::sqrt(v1) + epsHat);
    }
    if (!std::isfinite(f) || !std::isfinite(gn)) break;
    if (rows.size() < (1u << 18)) {
      rows.push_back({k, f, gn, std::hypot(nx - x, ny - y), lr});
      points.push_back(x);
      points.push_back(y);
    }
    x = nx;
    y = ny;
    ++k;
  }
  benchmark::DoNotOptimize(rows.data());
}

int registerAll() {
  benchmark::RegisterBenchmark("handfused/gd", handFused<false>);
  benchmark::RegisterBenchmark("handfused/adam", handFused<true>);
  for (const auto& entry : optimizerRegistry().entries()) {
    benchmark::RegisterBenchmark(
        ("rosenbrock_step/" + entry.name).c_str(),
        [name = entry.name](benchmark::State& s) { stepOptimizer(s, name); });
  }
  return 0;
}
const int registered = registerAll();

}  // namespace

BENCHMARK_MAIN();
