#pragma once
#include "core/registry/registry.h"
#include "core/schedules/schedule.h"

namespace gradscape {

// Every schedule, in the order the GUI and `gradscape-cli list` show them.
const Registry<Schedule>& scheduleRegistry();

}  // namespace gradscape
