#include "core/optimizers/update_parts.h"

#include <utility>

namespace gradscape {

Vec UpdateParts::sum() const {
  const UpdateQuantity* step = quantity("step");
  Vec s = Vec::Zero(!parts.empty() ? parts.front().vector.size() : step ? step->value.size() : 0);
  for (const UpdatePart& p : parts) s += p.vector;
  return s;
}

const UpdatePart* UpdateParts::part(std::string_view name) const {
  for (const UpdatePart& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const UpdateQuantity* UpdateParts::quantity(std::string_view name) const {
  for (const UpdateQuantity& q : quantities) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

void UpdateParts::addPart(std::string name, std::string label, Vec vector) {
  parts.push_back({std::move(name), std::move(label), std::move(vector)});
}

void UpdateParts::addVector(std::string name, std::string label, Vec value) {
  quantities.push_back({std::move(name), std::move(label), std::move(value), false});
}

void UpdateParts::addScalar(std::string name, std::string label, double value) {
  quantities.push_back({std::move(name), std::move(label), Vec::Constant(1, value), true});
}

}  // namespace gradscape
