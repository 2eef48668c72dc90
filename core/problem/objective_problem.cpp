#include "core/problem/objective_problem.h"

#include <stdexcept>
#include <utility>

namespace gradscape {

ObjectiveProblem::ObjectiveProblem(std::shared_ptr<const Objective> objective, std::string title)
    : objective_(std::move(objective)), title_(std::move(title)) {
  if (!objective_) throw std::invalid_argument("ObjectiveProblem: no objective");
}

std::shared_ptr<const Problem> lossProblem(std::shared_ptr<const Objective> objective,
                                           std::string title) {
  return std::make_shared<ObjectiveProblem>(std::move(objective), std::move(title));
}

}  // namespace gradscape
