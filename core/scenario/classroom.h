#pragma once
// What a student sees and may change of a scenario handed out in class, read from
// "classroom": {"hide": [...], "lock": [...], "allow": [...]}. A name is
//   a section: "objective" (the landscape picker), "start" (also dragging it on the map),
//     "stop", "optimizer" (a run's method picker), "schedule", "gradient" (clipping, noise,
//     minibatch, seed), "curvature", "runs" (adding, duplicating, removing and renaming runs);
//   a parameter of the objective, an optimizer or a schedule ("lr", "momentum", "b");
//   or "*": every control. "allow" names controls a "*" leaves open, so
//   {"lock": ["*"], "allow": ["lr", "momentum"]} hands out a file where only the learning rate
//   and the momentum can be changed. A hidden control is not shown; a locked one is shown and
//   cannot be changed. Hidden wins over locked.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace gradscape {

struct Classroom {
  std::vector<std::string> hide, lock, allow;

  enum class Access { Open, Locked, Hidden };
  Access access(const std::string& control) const;
  bool empty() const { return hide.empty() && lock.empty() && allow.empty(); }
  bool operator==(const Classroom&) const = default;
};

// The sections a classroom list may name (parameter names come from the registries).
const std::vector<std::string>& classroomSections();

// Reads "classroom" at `path`; throws ScenarioError naming the entry of an unknown name.
Classroom readClassroom(const nlohmann::json& j, const std::string& path);
nlohmann::json classroomToJson(const Classroom& classroom);

}  // namespace gradscape
