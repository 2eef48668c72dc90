#pragma once
// Monotone decays of the step-size factor, each the closed form of a torch.optim.lr_scheduler
// class (or a textbook decay torch lacks), with t = number of scheduler.step() calls so far.
// Constructors throw std::invalid_argument naming the field for values that would make the
// factor non-finite; the registry's ParamSpecs give the full ranges.
#include <cstdint>
#include <vector>

#include "core/registry/registry.h"
#include "core/schedules/schedule.h"

namespace gradscape {

// torch StepLR: gamma^floor(t / step_size).
class StepSchedule final : public Schedule {
 public:
  StepSchedule(int64_t stepSize, double gamma);
  double factor(int64_t t) const override;

 private:
  int64_t stepSize_;
  double gamma_;
};

// torch MultiStepLR: gamma^(number of milestones m with m <= t). A milestone listed twice
// counts twice (torch keeps a Counter); order does not matter.
class MultiStepSchedule final : public Schedule {
 public:
  MultiStepSchedule(std::vector<int64_t> milestones, double gamma);
  double factor(int64_t t) const override;

 private:
  std::vector<int64_t> milestones_;
  double gamma_;
};

// torch ExponentialLR: gamma^t.
class ExponentialSchedule final : public Schedule {
 public:
  explicit ExponentialSchedule(double gamma);
  double factor(int64_t t) const override;

 private:
  double gamma_;
};

// Inverse time decay (Robbins-Monro style; TF InverseTimeDecay with decay_steps = 1):
// 1 / (1 + decay * t).
class InverseTimeSchedule final : public Schedule {
 public:
  explicit InverseTimeSchedule(double decay);
  double factor(int64_t t) const override;

 private:
  double decay_;
};

// Inverse square root decay (the "rsqrt" schedule of Transformer training, shifted so that
// factor(0) = 1): 1 / sqrt(1 + t / scale). The factor halves at t = 3 * scale.
class InverseSqrtSchedule final : public Schedule {
 public:
  explicit InverseSqrtSchedule(double scale);
  double factor(int64_t t) const override;

 private:
  double scale_;
};

// torch PolynomialLR: (1 - min(t, T) / T)^power; exactly 0 from t = T on.
class PolynomialSchedule final : public Schedule {
 public:
  PolynomialSchedule(int64_t totalIters, double power);
  double factor(int64_t t) const override;

 private:
  int64_t totalIters_;
  double power_;
};

// torch LinearLR: start + (end - start) * min(t, T) / T; holds `end` from t = T on.
class LinearSchedule final : public Schedule {
 public:
  LinearSchedule(double startFactor, double endFactor, int64_t totalIters);
  double factor(int64_t t) const override;

 private:
  double start_;
  double end_;
  int64_t totalIters_;
};

RegistryEntry<Schedule> stepScheduleEntry();
RegistryEntry<Schedule> multiStepScheduleEntry();
RegistryEntry<Schedule> exponentialScheduleEntry();
RegistryEntry<Schedule> inverseTimeScheduleEntry();
RegistryEntry<Schedule> inverseSqrtScheduleEntry();
RegistryEntry<Schedule> polynomialScheduleEntry();
RegistryEntry<Schedule> linearScheduleEntry();

}  // namespace gradscape
