#pragma once
// Reading and writing {"type": NAME, param: value, ...} objects against a registry.
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/registry/registry.h"
#include "core/scenario/scenario.h"

namespace gradscape::json_detail {

using nlohmann::json;

// A short rendering of a JSON value for messages ("got ..."): at most 60 characters and two
// levels deep, however large or deeply nested the value is.
std::string describe(const json& value);
// Reads one parameter value against its spec, or throws ScenarioError at `path`.
double readParam(const ParamSpec& spec, const json& value, const std::string& path);
// Writes one parameter value the way readParam reads it (true/false, choice names, numbers).
json writeParam(const ParamSpec& spec, double value);

struct Method {
  std::string type;
  ParamValues params;  // every parameter of the method, defaults filled in
};

// Reads a method object (or a bare "name" string meaning all defaults) against a registry.
template <class T>
Method readMethod(const json& j, const std::string& path, const Registry<T>& registry,
                  const char* kind) {
  Method m;
  if (j.is_string()) {
    m.type = j.get<std::string>();
  } else if (j.is_object()) {
    if (!j.contains("type"))
      throw ScenarioError(path, std::string("missing \"type\" (the ") + kind + ")");
    if (!j["type"].is_string())
      throw ScenarioError(path + ".type", "must be a string, got " + describe(j["type"]));
    m.type = j["type"].get<std::string>();
  } else {
    throw ScenarioError(path, std::string("must be an object with a \"type\" or a ") + kind +
                                  " name, got " + describe(j));
  }
  const auto* entry = registry.find(m.type);
  if (!entry) {
    throw ScenarioError(path + (j.is_object() ? ".type" : ""),
                        std::string("unknown ") + kind + " \"" + m.type +
                            "\"; expected one of: " + registry.names());
  }
  m.params = ParamValues::defaults(entry->params);
  if (!j.is_object()) return m;
  for (const auto& [key, value] : j.items()) {
    if (key == "type") continue;
    const ParamSpec* spec = findParam(entry->params, key);
    if (!spec) {
      std::string known;
      for (const auto& p : entry->params) known += (known.empty() ? "" : ", ") + p.name;
      throw ScenarioError(path + "." + key,
                          "unknown parameter of " + m.type +
                              (known.empty() ? " (it has none)" : "; expected one of: " + known));
    }
    m.params.set(key, readParam(*spec, value, path + "." + key));
  }
  return m;
}

template <class T>
json writeMethod(const std::string& type, const ParamValues& values, const Registry<T>& registry) {
  json j = {{"type", type}};
  const auto* entry = registry.find(type);
  if (!entry) return j;
  for (const auto& spec : entry->params) {
    if (values.has(spec.name)) j[spec.name] = writeParam(spec, values.get(spec.name));
  }
  return j;
}

}  // namespace gradscape::json_detail
