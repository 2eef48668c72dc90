#pragma once
// Schedules with phases: cosine annealing, one-cycle, cyclic (triangular) and
// warmup-stable-decay. Factors peak at 1 (the optimizer's lr is torch's max_lr); torch's
// absolute rates become fractions of it. Constructors throw std::invalid_argument naming the
// field when the phases would be empty or overlap.
#include <array>
#include <cstdint>

#include "core/registry/registry.h"
#include "core/schedules/schedule.h"

namespace gradscape {

// torch CosineAnnealingLR (closed form), eta_min = min_factor * lr:
//   m + (1 - m) (1 + cos(pi t / T)) / 2  for t <= T,  m from t = T on.
// Torch's recursion keeps following the cosine back up after T; here the floor is held, which
// is what "anneal over T steps" is used for (SGDR restarts are a different schedule).
class CosineSchedule final : public Schedule {
 public:
  CosineSchedule(int64_t tMax, double minFactor);
  double factor(int64_t t) const override;

 private:
  int64_t tMax_;
  double min_;
};

// torch OneCycleLR (Smith & Topin 2017, "Super-Convergence"), max_lr = lr. Phases end at
// torch's steps e1 = pct_start*N - 1, (three-phase: e2 = 2 pct_start*N - 2,) and N - 1:
//   two-phase:   1/div -> 1 on [0, e1],  1 -> 1/(div*final_div) on [e1, N-1]
//   three-phase: 1/div -> 1 on [0, e1],  1 -> 1/div on [e1, e2],  1/div -> final on [e2, N-1]
// each annealed by cos (end + (start-end)(1 + cos(pi p))/2) or linearly in p = progress.
// Torch raises after N steps; here the final factor is held from t = N - 1 on. Torch's
// momentum cycling (cycle_momentum) is not modelled: the schedule scales the lr only.
struct OneCycleOptions {
  int64_t totalSteps = 1000;    // N
  double pctStart = 0.3;        // fraction of N spent rising
  bool cosine = true;           // anneal_strategy: cos (true) or linear
  double divFactor = 25.0;      // initial factor = 1 / divFactor
  double finalDivFactor = 1e4;  // final factor = 1 / (divFactor * finalDivFactor)
  bool threePhase = false;      // fall back to 1/div before the final anneal
};

class OneCycleSchedule final : public Schedule {
 public:
  explicit OneCycleSchedule(const OneCycleOptions& options);
  double factor(int64_t t) const override;

 private:
  struct Phase {
    double end;  // last step of the phase (torch's end_step, may be fractional)
    double from;
    double to;
  };
  std::array<Phase, 3> phases_{};
  int count_;
  double last_;  // N - 1
  bool cosine_;
};

// torch CyclicLR, mode "triangular", max_lr = lr, base_lr = base_factor * lr: with
// period P = up + down and s = t mod P,
//   b + (1 - b) * (s <= up ? s / up : (P - s) / down).
// Torch's momentum cycling is not modelled.
class CyclicSchedule final : public Schedule {
 public:
  CyclicSchedule(double baseFactor, int64_t stepSizeUp, int64_t stepSizeDown);
  double factor(int64_t t) const override;

 private:
  double base_;
  int64_t up_;
  int64_t down_;
};

// Warmup-stable-decay (Hu et al. 2024, MiniCPM; Hagele et al. 2024), as HF transformers'
// get_wsd_schedule with linear warmup, m = min_factor, W/S/D the phase lengths:
//   m + (1 - m) t/W  for t < W;  1 for t < W + S;
//   m + (1 - m) shape(p), p = (t - W - S)/D, for t < W + S + D;  m afterwards;
// shape: linear 1 - p, cosine (1 + cos(pi p))/2, 1-sqrt 1 - sqrt(p).
enum class WsdDecay { Linear, Cosine, OneMinusSqrt };

struct WsdOptions {
  int64_t warmupSteps = 100;
  int64_t stableSteps = 700;
  int64_t decaySteps = 200;
  WsdDecay decay = WsdDecay::Cosine;
  double minFactor = 0.0;
};

class WsdSchedule final : public Schedule {
 public:
  explicit WsdSchedule(const WsdOptions& options);
  double factor(int64_t t) const override;

 private:
  WsdOptions o_;
};

RegistryEntry<Schedule> cosineScheduleEntry();
RegistryEntry<Schedule> oneCycleScheduleEntry();
RegistryEntry<Schedule> wsdScheduleEntry();
RegistryEntry<Schedule> cyclicScheduleEntry();

}  // namespace gradscape
