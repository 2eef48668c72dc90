#pragma once
// Reading a scenario file's text, safely: a directory, a device that never ends (/dev/zero) or
// a pipe nobody writes to gives a message instead of a misleading parse error, an exhausted
// memory or a hang.
#include <string>

namespace gradscape {

// The whole text of `path` (a regular file, or a pipe such as <(command)), at most
// kMaxScenarioBytes. Throws ScenarioError naming the file and the reason.
std::string readScenarioText(const std::string& path);

}  // namespace gradscape
