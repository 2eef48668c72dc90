#include "core/schedules/schedule_registry.h"

#include <stdexcept>

#include "core/schedules/cyclic_schedules.h"
#include "core/schedules/decay_schedules.h"

namespace gradscape {

namespace {
RegistryEntry<Schedule> constantEntry() {
  return {"constant", "Constant", "lr(t) = lr", {}, [](const ParamValues&) {
            return std::unique_ptr<Schedule>(std::make_unique<ConstantSchedule>());
          }};
}
}  // namespace

const Registry<Schedule>& scheduleRegistry() {
  static const Registry<Schedule> registry({
      constantEntry(),
      stepScheduleEntry(),
      multiStepScheduleEntry(),
      exponentialScheduleEntry(),
      inverseTimeScheduleEntry(),
      inverseSqrtScheduleEntry(),
      polynomialScheduleEntry(),
      cosineScheduleEntry(),
      linearScheduleEntry(),
      oneCycleScheduleEntry(),
      wsdScheduleEntry(),
      cyclicScheduleEntry(),
  });
  return registry;
}

std::unique_ptr<Schedule> makeSchedule(const std::string& name, const ParamValues& p,
                                       int64_t warmupSteps, double warmupStartFactor) {
  const auto* entry = scheduleRegistry().find(name);
  if (!entry) {
    throw std::invalid_argument("schedule: unknown name '" + name +
                                "', expected one of: " + scheduleRegistry().names());
  }
  auto schedule = entry->make(p);
  if (warmupSteps <= 0) return schedule;
  return std::make_unique<WarmupSchedule>(std::move(schedule), warmupSteps, warmupStartFactor);
}

}  // namespace gradscape
