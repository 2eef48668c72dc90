// SGD-momentum and Adam steps at n = 10^6 against a plain loop that streams the same arrays.
// Budget: Optimizer::step at most 2x the plain loop (compare the medians of one run).
//   build/release/tests/bench/bench_streaming_steps --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
//
// Both sides compute the gradient of f = 1/2 ||x||^2 (g = x) and do the same update; the
// engine goes through the oracle, the gradient norm and the optimizer's update as separate
// passes, the plain loop fuses everything into one pass.
#include <benchmark/benchmark.h>

#include <cmath>

#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/gradient_oracle.h"

namespace {

using namespace gradscape;

constexpr Eigen::Index kN = 1'000'000;

// g = x, loss 1/2 ||x||^2, in one pass.
class HalfSquaredNorm final : public GradientOracle {
 public:
  int dim() const override { return static_cast<int>(kN); }
  double evaluate(VecCRef x, VecRef g) override {
    double loss = 0.0;
    for (Eigen::Index i = 0; i < kN; ++i) {
      g[i] = x[i];
      loss += 0.5 * x[i] * x[i];
    }
    return loss;
  }
  double loss(VecCRef x) override { return 0.5 * x.squaredNorm(); }
};

void engineStep(benchmark::State& state, const char* name, ParamValues params) {
  const auto* entry = optimizerRegistry().find(name);
  ParamValues p = ParamValues::defaults(entry->params);
  for (const auto& [k, v] : params.items()) p.set(k, v);
  auto opt = entry->make(p);
  opt->reset(static_cast<int>(kN));
  HalfSquaredNorm oracle;
  Vec x = Vec::Constant(kN, 1.0);
  for (auto _ : state) {
    // lr tiny and positive: x stays O(1) for the whole benchmark.
    opt->step(oracle, x, 1e-9);
    benchmark::DoNotOptimize(x.data());
  }
  state.SetBytesProcessed(state.iterations() * kN * static_cast<int64_t>(sizeof(double)));
}

void BM_EngineSgdMomentum(benchmark::State& state) {
  ParamValues p;
  p.set("momentum", 0.9);
  engineStep(state, "sgd", p);
}

void BM_EngineAdam(benchmark::State& state) {
  engineStep(state, "adam", {});
}

void BM_PlainLoopSgdMomentum(benchmark::State& state) {
  Vec x = Vec::Constant(kN, 1.0), g(kN), b = Vec::Zero(kN);
  const double lr = 1e-9, mu = 0.9;
  for (auto _ : state) {
    double loss = 0.0;
    for (Eigen::Index i = 0; i < kN; ++i) {
      const double gi = x[i];
      g[i] = gi;
      loss += 0.5 * gi * gi;
      b[i] = mu * b[i] + gi;
      x[i] -= lr * b[i];
    }
    benchmark::DoNotOptimize(loss);
    benchmark::DoNotOptimize(x.data());
  }
  state.SetBytesProcessed(state.iterations() * kN * static_cast<int64_t>(sizeof(double)));
}

void BM_PlainLoopAdam(benchmark::State& state) {
  Vec x = Vec::Constant(kN, 1.0), g(kN), m = Vec::Zero(kN), v = Vec::Zero(kN);
  const double lr = 1e-9, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  int64_t t = 0;
  for (auto _ : state) {
    ++t;
    const double c1 = 1.0 - std::pow(b1, static_cast<double>(t));
    const double c2 = std::sqrt(1.0 - std::pow(b2, static_cast<double>(t)));
    double loss = 0.0;
    for (Eigen::Index i = 0; i < kN; ++i) {
      const double gi = x[i];
      g[i] = gi;
      loss += 0.5 * gi * gi;
      m[i] = b1 * m[i] + (1.0 - b1) * gi;
      v[i] = b2 * v[i] + (1.0 - b2) * gi * gi;
      x[i] -= (lr / c1) * m[i] / (std::sqrt(v[i]) / c2 + eps);
    }
    benchmark::DoNotOptimize(loss);
    benchmark::DoNotOptimize(x.data());
  }
  state.SetBytesProcessed(state.iterations() * kN * static_cast<int64_t>(sizeof(double)));
}

}  // namespace

BENCHMARK(BM_PlainLoopSgdMomentum)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EngineSgdMomentum)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PlainLoopAdam)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EngineAdam)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
