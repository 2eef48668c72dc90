// Curvature analysis costs (issue 4). Run:
//   build/release/tests/bench/bench_curvature --benchmark_repetitions=5
//     --benchmark_report_aggregates_only=true
// Budget: an MLP Hessian-vector product costs at most 3x a gradient (compare the medians of
// BM_MlpHessianVectorProduct and BM_MlpGradient with the same arguments, in one run).
#include <benchmark/benchmark.h>

#include <random>

#include "core/curvature/dense_spectrum.h"
#include "core/curvature/lanczos.h"
#include "core/curvature/slq.h"
#include "core/curvature/symmetric_operator.h"
#include "core/objectives/mlp_classifier.h"
#include "core/objectives/spectrum_quadratic.h"

namespace {

using namespace gradscape;

Vec gaussian(Eigen::Index n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  Vec x(n);
  for (Eigen::Index i = 0; i < n; ++i) x[i] = normal(rng);
  return x;
}

// All eigenvalues of a dense symmetric n x n matrix (Eigen's self-adjoint solver).
void BM_DenseEigenvalues(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const Mat g = Eigen::Map<const Mat>(gaussian(n * n, 1).data(), n, n);
  const Mat a = 0.5 * (g + g.transpose());
  for (auto _ : state) {
    const Eigenpairs e = denseEigenpairs(a, false);
    benchmark::DoNotOptimize(e.values.data());
  }
}
BENCHMARK(BM_DenseEigenvalues)->Arg(1000)->Unit(benchmark::kMillisecond);

// A rotated quadratic in n dimensions with a log-uniform spectrum (condition 1000): only
// Hessian-vector products, never a matrix.
SpectrumQuadratic largeQuadratic(int n) {
  SpectrumQuadraticOptions o;
  o.dim = n;
  o.condition = 1000.0;
  o.distribution = SpectrumDistribution::LogUniform;
  return SpectrumQuadratic(o);
}

void BM_LanczosTop5(benchmark::State& state) {
  const auto q = largeQuadratic(static_cast<int>(state.range(0)));
  const HessianOperator op(q, Vec::Zero(q.dim()));
  LanczosOptions o;
  o.count = 5;
  int64_t products = 0;
  for (auto _ : state) {
    const LanczosResult r = lanczosExtremes(op, o);
    products = r.products;
    benchmark::DoNotOptimize(r.values.data());
  }
  state.counters["hvp"] = static_cast<double>(products);
}
BENCHMARK(BM_LanczosTop5)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_SlqDensity(benchmark::State& state) {
  const auto q = largeQuadratic(static_cast<int>(state.range(0)));
  const HessianOperator op(q, Vec::Zero(q.dim()));
  SlqOptions o;
  o.steps = 100;
  o.probes = 4;
  const Vec grid = Vec::LinSpaced(400, 0.0, 1.1);
  for (auto _ : state) {
    const QuadratureNodes nodes = stochasticLanczosQuadrature(op, o);
    const Vec density = spectralDensity(nodes, grid, 0.01);
    benchmark::DoNotOptimize(density.data());
  }
}
BENCHMARK(BM_SlqDensity)->Arg(100000)->Unit(benchmark::kMillisecond);

// The MLP of the issue: width and samples as arguments, tanh (0) or ReLU (1).
MlpClassifier mlp(const benchmark::State& state) {
  MlpClassifierOptions o;
  o.width = static_cast<int>(state.range(0));
  o.samples = static_cast<int>(state.range(1));
  o.activation = state.range(2) == 0 ? MlpActivation::Tanh : MlpActivation::Relu;
  return MlpClassifier(o);
}

void BM_MlpGradient(benchmark::State& state) {
  const MlpClassifier f = mlp(state);
  const Vec x = f.defaultStart(1);
  Vec g(f.dim());
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.valueAndGradient(x, g));
    benchmark::ClobberMemory();
  }
}

void BM_MlpHessianVectorProduct(benchmark::State& state) {
  const MlpClassifier f = mlp(state);
  const Vec x = f.defaultStart(1);
  const Vec v = gaussian(f.dim(), 2);
  Vec hv(f.dim());
  for (auto _ : state) {
    f.hessianVectorProduct(x, v, hv);
    benchmark::DoNotOptimize(hv.data());
    benchmark::ClobberMemory();
  }
}

void mlpArgs(benchmark::internal::Benchmark* b) {
  b->ArgNames({"width", "samples", "relu"});
  for (int relu : {0, 1}) {
    b->Args({16, 200, relu});    // the default scenario's network
    b->Args({128, 2000, relu});  // a wider one on more data
  }
  b->Unit(benchmark::kMicrosecond);
}
BENCHMARK(BM_MlpGradient)->Apply(mlpArgs);
BENCHMARK(BM_MlpHessianVectorProduct)->Apply(mlpArgs);

}  // namespace

BENCHMARK_MAIN();
