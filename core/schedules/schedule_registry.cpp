#include "core/schedules/schedule_registry.h"

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
  });
  return registry;
}

}  // namespace gradscape
