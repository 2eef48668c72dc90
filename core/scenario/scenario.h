#pragma once
// A scenario: one objective, a start, stop rules and the runs that race on it. The same JSON
// format serves the CLI, the GUI's open/save and the scenario library.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/objectives/objective.h"
#include "core/registry/params.h"
#include "core/run/run.h"
#include "core/run/run_spec.h"

namespace gradscape {

struct ObjectiveSpec {
  std::string type = "rosenbrock";
  ParamValues params;
  bool operator==(const ObjectiveSpec&) const = default;
};

struct Scenario {
  std::string name;
  std::string description;
  ObjectiveSpec objective;
  Vec start;                    // default start of every run
  uint64_t seed = 0;            // run i's noise seed defaults to seed + i
  StopRules stop;               // default stop rules of every run
  CurvatureTracking curvature;  // default curvature tracking of every run
  std::vector<RunSpec> runs;    // fully resolved: start, stop and seed filled in
  bool operator==(const Scenario&) const = default;
};

// A bad scenario: what() reads "[<file>: ]<json path>: <message>", e.g.
// "runs[1].optimizer.lr: must be > 0, got -0.1". path() is empty for whole-file problems.
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(const std::string& path, const std::string& message, const std::string& file = "")
      : std::runtime_error(compose(file, path, message)), path_(path), message_(message) {}
  const std::string& path() const { return path_; }
  const std::string& message() const { return message_; }
  // The same error, located in a file.
  ScenarioError inFile(const std::string& file) const { return {path_, message_, file}; }

 private:
  static std::string compose(const std::string& file, const std::string& path,
                             const std::string& message) {
    std::string out = file.empty() ? "" : file + ": ";
    if (!path.empty()) out += path + ": ";
    return out + message;
  }
  std::string path_, message_;
};

// Builds the objective a scenario names (validated parameters).
std::shared_ptr<const Objective> makeObjective(const ObjectiveSpec& spec);
// Builds every run of the scenario on one shared objective instance.
std::vector<std::unique_ptr<Run>> makeRuns(const Scenario& scenario,
                                           int64_t traceCapacity = Trace::kDefaultCapacity);

}  // namespace gradscape
