#pragma once
// A scenario: one objective, a start, stop rules and the runs that race on it. The same JSON
// format serves the CLI, the GUI's open/save and the scenario library.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/io/printable_text.h"
#include "core/objectives/objective.h"
#include "core/registry/params.h"
#include "core/run/run.h"
#include "core/run/run_spec.h"
#include "core/scenario/classroom.h"
#include "core/scenario/view_state.h"

namespace gradscape {

struct ObjectiveSpec {
  std::string type = "rosenbrock";
  ParamValues params;
  bool operator==(const ObjectiveSpec&) const = default;
};

struct Scenario {
  std::string name;
  std::string description;  // one paragraph: what the scenario shows
  std::string notes;        // Markdown: what to look for, a question, the paper (may be empty)
  ObjectiveSpec objective;
  Vec start;                    // default start of every run
  uint64_t seed = 0;            // run i's noise seed defaults to seed + i
  StopRules stop;               // default stop rules of every run
  CurvatureTracking curvature;  // default curvature tracking of every run
  std::vector<RunSpec> runs;    // fully resolved: start, stop and seed filled in
  Classroom classroom;          // what students see and may change (classroom.h)
  // How the desktop program showed it when saved (view_state.h); none: its defaults.
  std::optional<ViewState> view;
  bool operator==(const Scenario&) const = default;
};

// A bad scenario: what() reads "[<file>: ]<json path>: <message>", e.g.
// "runs[1].optimizer.lr: must be > 0, got -0.1". path() is empty for whole-file problems.
// what() is always printable: control characters (a NUL, terminal escapes) in a key, a value or
// a file name are shown escaped, and each part is cut to a readable length.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(const std::string& path, const std::string& message, const std::string& file = "")
      : std::runtime_error(compose(file, path, message)),
        path_(printableText(path)),
        message_(printableText(message, 1000)) {}
  // Both printable (printableText), as what() is: safe to show anywhere.
  const std::string& path() const { return path_; }
  const std::string& message() const { return message_; }
  // The same error, located in a file.
  ScenarioError inFile(const std::string& file) const { return {path_, message_, file}; }

 private:
  static std::string compose(const std::string& file, const std::string& path,
                             const std::string& message) {
    std::string out = file.empty() ? "" : printableText(file) + ": ";
    if (!path.empty()) out += printableText(path) + ": ";
    return out + printableText(message, 1000);
  }
  std::string path_, message_;
};

// Builds the objective a scenario names (validated parameters). The last one built is kept and
// returned again for an equal spec (objectives are immutable and thread-safe to share).
std::shared_ptr<const Objective> makeObjective(const ObjectiveSpec& spec);
// Builds every run of the scenario on one shared objective instance.
std::vector<std::unique_ptr<Run>> makeRuns(const Scenario& scenario,
                                           int64_t traceCapacity = Trace::kDefaultCapacity);

}  // namespace gradscape
