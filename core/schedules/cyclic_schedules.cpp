#include "core/schedules/cyclic_schedules.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

namespace gradscape {

CosineSchedule::CosineSchedule(int64_t tMax, double minFactor) : tMax_(tMax), min_(minFactor) {
  requireOption(tMax_ >= 1, "t_max", "must be >= 1");
}

double CosineSchedule::factor(int64_t t) const {
  if (t >= tMax_) return min_;
  const double p = static_cast<double>(t) / static_cast<double>(tMax_);
  return min_ + (1.0 - min_) * (1.0 + std::cos(std::numbers::pi * p)) / 2.0;
}

OneCycleSchedule::OneCycleSchedule(const OneCycleOptions& o) : cosine_(o.cosine) {
  requireOption(o.totalSteps >= 2, "total_steps", "must be >= 2");
  requireOption(o.pctStart > 0.0 && o.pctStart < 1.0, "pct_start", "must be in (0, 1)");
  requireOption(o.divFactor > 0.0, "div_factor", "must be > 0");
  requireOption(o.finalDivFactor > 0.0, "final_div_factor", "must be > 0");
  const double n = static_cast<double>(o.totalSteps);
  const double initial = 1.0 / o.divFactor;
  const double final = initial / o.finalDivFactor;
  const double e1 = o.pctStart * n - 1.0;
  last_ = n - 1.0;
  // Torch only fails when a phase has zero length (0/0); a positive rise is the sane reading.
  requireOption(e1 > 0.0, "pct_start",
                "pct_start * total_steps must be > 1 so the rise has a step");
  if (o.threePhase) {
    const double e2 = 2.0 * o.pctStart * n - 2.0;
    requireOption(e2 < last_, "pct_start",
                  "three_phase needs 2 * pct_start * total_steps - 2 < total_steps - 1");
    phases_ = {{{e1, initial, 1.0}, {e2, 1.0, initial}, {last_, initial, final}}};
    count_ = 3;
  } else {
    phases_ = {{{e1, initial, 1.0}, {last_, 1.0, final}, {last_, final, final}}};
    count_ = 2;
  }
}

double OneCycleSchedule::factor(int64_t t) const {
  // torch's get_lr with step_num = t, held at its value for step N - 1 afterwards.
  const double s = std::min(static_cast<double>(t), last_);
  double start = 0.0;
  for (size_t i = 0; i < static_cast<size_t>(count_); ++i) {
    const Phase& ph = phases_[i];
    if (s <= ph.end || i + 1 == static_cast<size_t>(count_)) {
      const double p = (s - start) / (ph.end - start);
      if (cosine_) return ph.to + (ph.from - ph.to) / 2.0 * (std::cos(std::numbers::pi * p) + 1.0);
      return (ph.to - ph.from) * p + ph.from;
    }
    start = ph.end;
  }
  return phases_[static_cast<size_t>(count_) - 1].to;  // not reached: the last phase matches
}

CyclicSchedule::CyclicSchedule(double baseFactor, int64_t stepSizeUp, int64_t stepSizeDown)
    : base_(baseFactor), up_(stepSizeUp), down_(stepSizeDown) {
  requireOption(up_ >= 1, "step_size_up", "must be >= 1");
  requireOption(down_ >= 1, "step_size_down", "must be >= 1");
}

double CyclicSchedule::factor(int64_t t) const {
  const int64_t period = up_ + down_;
  const int64_t s = t % period;
  const double rise = s <= up_ ? static_cast<double>(s) / static_cast<double>(up_)
                               : static_cast<double>(period - s) / static_cast<double>(down_);
  return base_ + (1.0 - base_) * rise;
}

WsdSchedule::WsdSchedule(const WsdOptions& options) : o_(options) {
  requireOption(o_.warmupSteps >= 0, "warmup_steps", "must be >= 0");
  requireOption(o_.stableSteps >= 0, "stable_steps", "must be >= 0");
  requireOption(o_.decaySteps >= 0, "decay_steps", "must be >= 0");
}

double WsdSchedule::factor(int64_t t) const {
  const double m = o_.minFactor;
  if (t < o_.warmupSteps) {
    return m + (1.0 - m) * static_cast<double>(t) / static_cast<double>(o_.warmupSteps);
  }
  const int64_t decayStart = o_.warmupSteps + o_.stableSteps;
  if (t < decayStart) return 1.0;
  if (t >= decayStart + o_.decaySteps) return m;
  const double p = static_cast<double>(t - decayStart) / static_cast<double>(o_.decaySteps);
  double shape = 1.0 - p;
  if (o_.decay == WsdDecay::Cosine) shape = (1.0 + std::cos(std::numbers::pi * p)) / 2.0;
  if (o_.decay == WsdDecay::OneMinusSqrt) shape = 1.0 - std::sqrt(p);
  return m + (1.0 - m) * shape;
}

RegistryEntry<Schedule> cosineScheduleEntry() {
  return {"cosine",
          "Cosine annealing",
          "lr(t) = lr * (m + (1 - m)(1 + cos(pi t/T))/2) for t <= T, lr * m after   (torch "
          "CosineAnnealingLR)",
          {ParamSpec::integer("t_max", 1000, 1, 1e9, "steps T of the anneal"),
           ParamSpec::real("min_factor", 0.0, 0.0, 1.0, "floor m = eta_min / lr")},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            return std::make_unique<CosineSchedule>(p.integer("t_max"), p.get("min_factor"));
          }};
}

RegistryEntry<Schedule> oneCycleScheduleEntry() {
  ParamSpec pct = ParamSpec::positive("pct_start", 0.3, 1.0, "fraction of steps rising", false);
  pct.maxInclusive = false;
  return {"one_cycle",
          "One-cycle",
          "lr: 1/div -> 1 at step pct_start*N - 1 -> 1/(div*final_div) at N - 1   (torch "
          "OneCycleLR, max_lr = lr)",
          {ParamSpec::integer("total_steps", 1000, 2, 1e9, "length N of the cycle"), pct,
           ParamSpec::choice("anneal_strategy", 0, {"cos", "linear"}, "shape of each phase"),
           ParamSpec::real("div_factor", 25.0, 1.0, 1e6, "initial factor = 1/div_factor", true),
           ParamSpec::real("final_div_factor", 1e4, 1.0, 1e9,
                           "final factor = 1/(div_factor*final_div_factor)", true),
           ParamSpec::flag("three_phase", false, "fall back to 1/div before the final anneal")},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            OneCycleOptions o;
            o.totalSteps = p.integer("total_steps");
            o.pctStart = p.get("pct_start");
            o.cosine = p.choice("anneal_strategy") == 0;
            o.divFactor = p.get("div_factor");
            o.finalDivFactor = p.get("final_div_factor");
            o.threePhase = p.flag("three_phase");
            return std::make_unique<OneCycleSchedule>(o);
          }};
}

RegistryEntry<Schedule> wsdScheduleEntry() {
  return {"wsd",
          "Warmup-stable-decay",
          "lr rises m -> 1 over W steps, holds 1 for S, decays to m over D, then holds m   (HF "
          "get_wsd_schedule)",
          {ParamSpec::integer("warmup_steps", 100, 0, 1e9, "linear warmup length W"),
           ParamSpec::integer("stable_steps", 700, 0, 1e9, "length S at the full lr"),
           ParamSpec::integer("decay_steps", 200, 0, 1e9, "decay length D"),
           ParamSpec::choice("decay_type", 1, {"linear", "cosine", "1-sqrt"},
                             "decay shape: 1-p, (1+cos(pi p))/2 or 1-sqrt(p)"),
           ParamSpec::real("min_factor", 0.0, 0.0, 1.0, "factor m at the start and the end")},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            WsdOptions o;
            o.warmupSteps = p.integer("warmup_steps");
            o.stableSteps = p.integer("stable_steps");
            o.decaySteps = p.integer("decay_steps");
            o.decay = static_cast<WsdDecay>(p.choice("decay_type"));
            o.minFactor = p.get("min_factor");
            return std::make_unique<WsdSchedule>(o);
          }};
}

RegistryEntry<Schedule> cyclicScheduleEntry() {
  return {"cyclic",
          "Cyclic (triangular)",
          "lr: b -> 1 over step_size_up steps, back to b over step_size_down, repeat   (torch "
          "CyclicLR triangular, max_lr = lr)",
          {ParamSpec::real("base_factor", 0.1, 0.0, 1.0, "lower factor b = base_lr / max_lr"),
           ParamSpec::integer("step_size_up", 2000, 1, 1e9, "steps of the rising half"),
           ParamSpec::integer("step_size_down", 0, 0, 1e9, "steps of the falling half (0 = up)")},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            const int64_t up = p.integer("step_size_up");
            const int64_t down = p.integer("step_size_down");
            return std::make_unique<CyclicSchedule>(p.get("base_factor"), up, down > 0 ? down : up);
          }};
}

}  // namespace gradscape
