#include "core/schedules/decay_schedules.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <utility>

namespace gradscape {

StepSchedule::StepSchedule(int64_t stepSize, double gamma) : stepSize_(stepSize), gamma_(gamma) {
  requireOption(stepSize_ >= 1, "step_size", "must be >= 1");
}

double StepSchedule::factor(int64_t t) const {
  // floor(t / step_size): the integer division is the formula.
  return std::pow(gamma_, static_cast<double>(t / stepSize_));  // NOLINT(bugprone-integer-division)
}

MultiStepSchedule::MultiStepSchedule(std::vector<int64_t> milestones, double gamma)
    : milestones_(std::move(milestones)), gamma_(gamma) {}

double MultiStepSchedule::factor(int64_t t) const {
  const auto passed =
      std::count_if(milestones_.begin(), milestones_.end(), [t](int64_t m) { return m <= t; });
  return std::pow(gamma_, static_cast<double>(passed));
}

ExponentialSchedule::ExponentialSchedule(double gamma) : gamma_(gamma) {}

double ExponentialSchedule::factor(int64_t t) const {
  return std::pow(gamma_, static_cast<double>(t));
}

InverseTimeSchedule::InverseTimeSchedule(double decay) : decay_(decay) {
  requireOption(decay_ >= 0.0, "decay", "must be >= 0");
}

double InverseTimeSchedule::factor(int64_t t) const {
  return 1.0 / (1.0 + decay_ * static_cast<double>(t));
}

InverseSqrtSchedule::InverseSqrtSchedule(double scale) : scale_(scale) {
  requireOption(scale_ > 0.0, "scale", "must be > 0");
}

double InverseSqrtSchedule::factor(int64_t t) const {
  return 1.0 / std::sqrt(1.0 + static_cast<double>(t) / scale_);
}

PolynomialSchedule::PolynomialSchedule(int64_t totalIters, double power)
    : totalIters_(totalIters), power_(power) {
  requireOption(totalIters_ >= 1, "total_iters", "must be >= 1");
}

double PolynomialSchedule::factor(int64_t t) const {
  const double done = static_cast<double>(std::min(t, totalIters_));
  return std::pow(1.0 - done / static_cast<double>(totalIters_), power_);
}

LinearSchedule::LinearSchedule(double startFactor, double endFactor, int64_t totalIters)
    : start_(startFactor), end_(endFactor), totalIters_(totalIters) {
  requireOption(totalIters_ >= 1, "total_iters", "must be >= 1");
}

double LinearSchedule::factor(int64_t t) const {
  const double done = static_cast<double>(std::min(t, totalIters_));
  return start_ + (end_ - start_) * done / static_cast<double>(totalIters_);
}

// torch has no default step_size (or ExponentialLR gamma); the defaults here keep the lr
// above 0 for 10^6 steps instead of underflowing (0.1^200 at step 10^6; 0.9995^1e6 = e^-500).
RegistryEntry<Schedule> stepScheduleEntry() {
  return {"step",
          "Step decay",
          "lr(t) = lr * gamma^floor(t / step_size)   (torch StepLR)",
          {ParamSpec::integer("step_size", 5000, 1, 1e9, "steps between decays"),
           ParamSpec::positive("gamma", 0.1, 1.0, "factor applied at each decay", false)},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            return std::make_unique<StepSchedule>(p.integer("step_size"), p.get("gamma"));
          }};
}

// ParamValues hold numbers only, so the milestone list is three optional slots.
RegistryEntry<Schedule> multiStepScheduleEntry() {
  return {"multi_step",
          "Multi-step decay",
          "lr(t) = lr * gamma^(number of milestones <= t), milestone 0 = unused   (torch "
          "MultiStepLR)",
          {ParamSpec::integer("milestone1", 1000, 0, 1e9, "first decay step (0 = unused)"),
           ParamSpec::integer("milestone2", 2000, 0, 1e9, "second decay step (0 = unused)"),
           ParamSpec::integer("milestone3", 0, 0, 1e9, "third decay step (0 = unused)"),
           ParamSpec::positive("gamma", 0.1, 1.0, "factor applied at each milestone", false)},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            std::vector<int64_t> milestones;
            for (const char* name : {"milestone1", "milestone2", "milestone3"}) {
              if (p.integer(name) > 0) milestones.push_back(p.integer(name));
            }
            return std::make_unique<MultiStepSchedule>(std::move(milestones), p.get("gamma"));
          }};
}

RegistryEntry<Schedule> exponentialScheduleEntry() {
  return {"exponential",
          "Exponential decay",
          "lr(t) = lr * gamma^t   (torch ExponentialLR)",
          {ParamSpec::positive("gamma", 0.9995, 1.0, "factor applied every step", false)},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            return std::make_unique<ExponentialSchedule>(p.get("gamma"));
          }};
}

RegistryEntry<Schedule> inverseTimeScheduleEntry() {
  return {"inverse_time",
          "Inverse time decay",
          "lr(t) = lr / (1 + decay * t)",
          {ParamSpec::positive("decay", 1e-3, 1e3, "decay rate; lr halves at t = 1/decay")},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            return std::make_unique<InverseTimeSchedule>(p.get("decay"));
          }};
}

RegistryEntry<Schedule> inverseSqrtScheduleEntry() {
  return {
      "inverse_sqrt",
      "Inverse square root decay",
      "lr(t) = lr / sqrt(1 + t / scale)",
      {ParamSpec::positive("scale", 1000, 1e9, "time scale in steps; lr halves at t = 3 scale")},
      [](const ParamValues& p) -> std::unique_ptr<Schedule> {
        return std::make_unique<InverseSqrtSchedule>(p.get("scale"));
      }};
}

RegistryEntry<Schedule> polynomialScheduleEntry() {
  return {"polynomial",
          "Polynomial decay",
          "lr(t) = lr * (1 - min(t, T)/T)^power, 0 from t = T on   (torch PolynomialLR)",
          {ParamSpec::integer("total_iters", 1000, 1, 1e9, "steps T until the lr reaches 0"),
           ParamSpec::positive("power", 1.0, 10.0, "exponent of the decay", false)},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            return std::make_unique<PolynomialSchedule>(p.integer("total_iters"), p.get("power"));
          }};
}

RegistryEntry<Schedule> linearScheduleEntry() {
  return {"linear",
          "Linear decay",
          "lr(t) = lr * (start + (end - start) * min(t, T)/T)   (torch LinearLR)",
          {ParamSpec::positive("start_factor", 1.0, 1.0, "factor at t = 0", false),
           ParamSpec::real("end_factor", 0.0, 0.0, 1.0, "factor from t = T on"),
           ParamSpec::integer("total_iters", 1000, 1, 1e9, "steps T of the ramp")},
          [](const ParamValues& p) -> std::unique_ptr<Schedule> {
            return std::make_unique<LinearSchedule>(p.get("start_factor"), p.get("end_factor"),
                                                    p.integer("total_iters"));
          }};
}

}  // namespace gradscape
