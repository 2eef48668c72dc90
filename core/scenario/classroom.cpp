#include "core/scenario/classroom.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/scenario/json_params.h"
#include "core/scenario/scenario.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape {

using json_detail::describe;
using nlohmann::json;

namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Every name a list may hold: "*", the sections and every registry parameter.
const std::set<std::string>& knownNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> all{"*"};
    for (const auto& s : classroomSections()) all.insert(s);
    for (const auto& e : objectiveRegistry().entries())
      for (const auto& p : e.params) all.insert(p.name);
    for (const auto& e : optimizerRegistry().entries())
      for (const auto& p : e.params) all.insert(p.name);
    for (const auto& e : scheduleRegistry().entries())
      for (const auto& p : e.params) all.insert(p.name);
    return all;
  }();
  return names;
}

std::vector<std::string> readNames(const json& j, const std::string& path) {
  if (!j.is_array())
    throw ScenarioError(path, "must be an array of control names, got " + describe(j));
  std::vector<std::string> names;
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    if (!j[i].is_string()) throw ScenarioError(at, "must be a string, got " + describe(j[i]));
    const std::string name = j[i].get<std::string>();
    if (!knownNames().count(name)) {
      std::string sections;
      for (const auto& s : classroomSections()) sections += (sections.empty() ? "" : ", ") + s;
      throw ScenarioError(at, "unknown control " + describe(j[i]) +
                                  "; expected \"*\", a section (" + sections +
                                  ") or a parameter name such as \"lr\"");
    }
    names.push_back(name);
  }
  return names;
}

}  // namespace

const std::vector<std::string>& classroomSections() {
  static const std::vector<std::string> sections{"objective", "start",    "stop",      "optimizer",
                                                 "schedule",  "gradient", "curvature", "runs"};
  return sections;
}

Classroom::Access Classroom::access(const std::string& control) const {
  const bool allowed = contains(allow, control);
  const auto named = [&](const std::vector<std::string>& list) {
    return contains(list, control) || (contains(list, "*") && !allowed);
  };
  if (named(hide)) return Access::Hidden;
  if (named(lock)) return Access::Locked;
  return Access::Open;
}

Classroom readClassroom(const json& j, const std::string& path) {
  if (!j.is_object()) throw ScenarioError(path, "must be an object, got " + describe(j));
  Classroom c;
  for (const auto& [key, value] : j.items()) {
    if (key == "hide") {
      c.hide = readNames(value, path + ".hide");
    } else if (key == "lock") {
      c.lock = readNames(value, path + ".lock");
    } else if (key == "allow") {
      c.allow = readNames(value, path + ".allow");
    } else {
      throw ScenarioError(path + "." + key, "unknown key; expected one of: hide, lock, allow");
    }
  }
  return c;
}

json classroomToJson(const Classroom& c) {
  json j = json::object();
  if (!c.hide.empty()) j["hide"] = c.hide;
  if (!c.lock.empty()) j["lock"] = c.lock;
  if (!c.allow.empty()) j["allow"] = c.allow;
  return j;
}

}  // namespace gradscape
