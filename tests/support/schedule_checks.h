#pragma once
// Helpers for schedule tests: build a registry schedule with some parameters overridden, and
// compare factor(t) with hand-computed values.
#include <QtTest>

#include <cmath>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/schedules/schedule_registry.h"

namespace gradscape::testing {

using FactorRows = std::vector<std::pair<int64_t, double>>;

// The defaults of the named schedule overridden by `values`. Unknown names throw, so a typo
// cannot silently test the defaults.
inline ParamValues scheduleParams(const char* name,
                                  std::initializer_list<std::pair<const char*, double>> values) {
  const auto* e = scheduleRegistry().find(name);
  if (!e) throw std::logic_error(std::string("no schedule ") + name);
  ParamValues p = ParamValues::defaults(e->params);
  for (const auto& [key, value] : values) {
    if (!findParam(e->params, key)) throw std::logic_error(std::string("no parameter ") + key);
    p.set(key, value);
  }
  return p;
}

// The named schedule built by its registry entry from scheduleParams(name, values).
inline std::unique_ptr<Schedule> buildSchedule(
    const char* name, std::initializer_list<std::pair<const char*, double>> values) {
  return scheduleRegistry().find(name)->make(scheduleParams(name, values));
}

// factor(t) == want to 1e-12 relative (1e-15 absolute near 0) for every row.
inline void expectFactors(const Schedule& s, const FactorRows& rows) {
  for (const auto& [t, want] : rows) {
    const double got = s.factor(t);
    QVERIFY2(
        std::abs(got - want) <= 1e-12 * std::abs(want) + 1e-15,
        qPrintable(
            QString("t = %1: got %2, want %3").arg(t).arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
  }
}

}  // namespace gradscape::testing
