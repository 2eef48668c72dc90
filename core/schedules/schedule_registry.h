#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "core/registry/registry.h"
#include "core/schedules/schedule.h"

namespace gradscape {

// Every schedule, in the order the GUI and `gradscape-cli list` show them.
const Registry<Schedule>& scheduleRegistry();

// Builds the named schedule from values validated against its entry's params and, when
// warmupSteps > 0, puts a linear warmup from warmupStartFactor in front of it (the inner
// schedule then starts at t - warmupSteps). Throws std::invalid_argument for an unknown name.
std::unique_ptr<Schedule> makeSchedule(const std::string& name, const ParamValues& p,
                                       int64_t warmupSteps, double warmupStartFactor);

}  // namespace gradscape
