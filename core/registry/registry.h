#pragma once
// A registry lists every method of one kind (objective, optimizer, schedule, noise model)
// with its parameters. Adding a method = one file that returns its RegistryEntry + one line
// in the kind's registry list.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry/params.h"

namespace gradscape {

template <class T>
struct RegistryEntry {
  std::string name;   // JSON / CLI key, lower_snake_case, e.g. "adam", "six_hump_camel"
  std::string title;  // human name, e.g. "Adam", "Six-hump camel"
  std::string help;   // one line; for optimizers the update rule
  std::vector<ParamSpec> params;
  // Builds an instance from values that have been validated against `params`.
  std::function<std::unique_ptr<T>(const ParamValues&)> make;
};

template <class T>
class Registry {
 public:
  explicit Registry(std::vector<RegistryEntry<T>> entries) : entries_(std::move(entries)) {}
  const std::vector<RegistryEntry<T>>& entries() const { return entries_; }
  const RegistryEntry<T>* find(std::string_view name) const {
    for (const auto& e : entries_) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  // Comma-separated names, for error messages ("expected one of: ...").
  std::string names() const {
    std::string out;
    for (const auto& e : entries_) {
      if (!out.empty()) out += ", ";
      out += e.name;
    }
    return out;
  }

 private:
  std::vector<RegistryEntry<T>> entries_;
};

}  // namespace gradscape
