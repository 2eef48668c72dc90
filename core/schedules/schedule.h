#pragma once
// Step-size schedules. A schedule is a pure function of the step: the learning rate of step t
// (t = 0 for the first step) is base_lr * factor(t), where base_lr is the optimizer's lr.
// Where torch.optim.lr_scheduler has the schedule, factor(t) equals torch's lr after t calls of
// scheduler.step(), divided by the optimizer's initial lr; torch's absolute rates (eta_min,
// base_lr of CyclicLR, ...) become fractions of base_lr here.
#include <cstdint>
#include <memory>

namespace gradscape {

class Schedule {
 public:
  virtual ~Schedule() = default;
  virtual double factor(int64_t t) const = 0;
};

class ConstantSchedule final : public Schedule {
 public:
  double factor(int64_t /*t*/) const override { return 1.0; }
};

// Linear warmup in front of any schedule (torch: SequentialLR(LinearLR(start, 1, W), inner,
// milestones=[W])): factor(t) = start + (1 - start) * t / W for t < W, else inner(t - W).
class WarmupSchedule final : public Schedule {
 public:
  WarmupSchedule(std::unique_ptr<Schedule> inner, int64_t steps, double startFactor)
      : inner_(std::move(inner)), steps_(steps), start_(startFactor) {}
  double factor(int64_t t) const override {
    if (t < steps_) {
      return start_ + (1.0 - start_) * static_cast<double>(t) / static_cast<double>(steps_);
    }
    return inner_->factor(t - steps_);
  }

 private:
  std::unique_ptr<Schedule> inner_;
  int64_t steps_;
  double start_;
};

}  // namespace gradscape
