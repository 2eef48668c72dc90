#include "core/scenario/scenario_json.h"

#include <cmath>

#include "core/objectives/objective_registry.h"
#include "core/optimizers/optimizer_registry.h"
#include "core/oracles/noise_model.h"
#include "core/scenario/json_params.h"
#include "core/scenario/json_text_checks.h"
#include "core/scenario/scenario_file.h"
#include "core/schedules/schedule_registry.h"

namespace gradscape {

using json_detail::describe;
using nlohmann::json;

namespace {

void requireObject(const json& j, const std::string& path) {
  if (!j.is_object()) throw ScenarioError(path, "must be an object, got " + describe(j));
}

void rejectUnknownKeys(const json& j, const std::string& path,
                       std::initializer_list<const char*> allowed) {
  for (const auto& [key, value] : j.items()) {
    bool ok = false;
    std::string names;
    for (const char* a : allowed) {
      ok = ok || key == a;
      names += (names.empty() ? "" : ", ") + std::string(a);
    }
    if (!ok) {
      throw ScenarioError(path.empty() ? key : path + "." + key,
                          "unknown key; expected one of: " + names);
    }
  }
}

double readNumber(const json& j, const std::string& path, double min, bool minInclusive,
                  double max = 1e300) {
  if (!j.is_number()) throw ScenarioError(path, "must be a number, got " + describe(j));
  const double v = j.get<double>();
  if (!std::isfinite(v)) throw ScenarioError(path, "must be finite, got " + describe(j));
  if (minInclusive ? v < min : v <= min) {
    throw ScenarioError(path, std::string("must be ") + (minInclusive ? ">= " : "> ") +
                                  formatNumber(min) + ", got " + describe(j));
  }
  if (v > max) {
    throw ScenarioError(path, "must be <= " + formatNumber(max) + ", got " + describe(j));
  }
  return v;
}

int64_t readInteger(const json& j, const std::string& path, int64_t min, int64_t max) {
  const double v = readNumber(j, path, static_cast<double>(min), true, static_cast<double>(max));
  if (v != std::floor(v)) throw ScenarioError(path, "must be a whole number, got " + describe(j));
  return static_cast<int64_t>(v);
}

std::string readString(const json& j, const std::string& path) {
  if (!j.is_string()) throw ScenarioError(path, "must be a string, got " + describe(j));
  return j.get<std::string>();
}

Vec readPoint(const json& j, const std::string& path, int dim) {
  if (!j.is_array() || static_cast<int>(j.size()) != dim) {
    throw ScenarioError(
        path, "must be an array of " + std::to_string(dim) + " numbers, got " + describe(j));
  }
  Vec x(dim);
  for (int i = 0; i < dim; ++i) {
    x[i] =
        readNumber(j[static_cast<size_t>(i)], path + "[" + std::to_string(i) + "]", -1e300, true);
  }
  return x;
}

StopRules readStop(const json& j, const std::string& path, StopRules rules) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"max_iterations", "grad_tol", "target_loss", "divergence_bound"});
  if (j.contains("max_iterations")) {
    rules.maxIterations =
        readInteger(j["max_iterations"], path + ".max_iterations", 1, 1'000'000'000'000);
  }
  if (j.contains("grad_tol"))
    rules.gradTol = readNumber(j["grad_tol"], path + ".grad_tol", 0.0, true);
  if (j.contains("target_loss")) {
    if (j["target_loss"].is_null()) {
      rules.targetLoss.reset();
    } else {
      rules.targetLoss = readNumber(j["target_loss"], path + ".target_loss", -1e300, true);
    }
  }
  if (j.contains("divergence_bound")) {
    rules.divergenceBound =
        readNumber(j["divergence_bound"], path + ".divergence_bound", 0.0, false);
  }
  return rules;
}

// Runs a method's own cross-field checks (its factory throws "field: message") and returns what
// `make` built.
template <class Make>
auto checkBuildable(const Make& make, const std::string& path) {
  try {
    return make();
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    const auto colon = what.find(": ");
    if (colon != std::string::npos && what.find(' ') > colon) {
      throw ScenarioError(path + "." + what.substr(0, colon), what.substr(colon + 2));
    }
    throw ScenarioError(path, what);
  }
}

Clipping readClip(const json& j, const std::string& path) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"type", "threshold"});
  Clipping c;
  const std::string mode = j.contains("type") ? readString(j["type"], path + ".type") : "norm";
  if (!parseClippingMode(mode, c.mode)) {
    throw ScenarioError(path + ".type",
                        "must be one of: none, norm, value, got " + describe(j["type"]));
  }
  if (j.contains("threshold"))
    c.threshold = readNumber(j["threshold"], path + ".threshold", 0.0, false);
  return c;
}

bool readFlag(const json& j, const std::string& path) {
  if (!j.is_boolean()) throw ScenarioError(path, "must be true or false, got " + describe(j));
  return j.get<bool>();
}

Minibatch readMinibatch(const json& j, const std::string& path, const Objective& objective) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"size", "replacement"});
  Minibatch m;
  const int64_t samples = objective.sampleCount();
  if (samples == 0) {
    throw ScenarioError(path, "this objective is not a sum over samples, so it has no minibatches");
  }
  if (!j.contains("size")) throw ScenarioError(path, "missing \"size\"");
  m.size = readInteger(j["size"], path + ".size", 1, samples);
  if (j.contains("replacement")) m.replacement = readFlag(j["replacement"], path + ".replacement");
  return m;
}

CurvatureTracking readCurvature(const json& j, const std::string& path, CurvatureTracking t) {
  requireObject(j, path);
  rejectUnknownKeys(j, path, {"every", "trace", "trace_probes"});
  if (j.contains("every")) t.every = readInteger(j["every"], path + ".every", 0, int64_t{1} << 40);
  if (j.contains("trace")) t.trace = readFlag(j["trace"], path + ".trace");
  if (j.contains("trace_probes")) {
    t.traceProbes =
        static_cast<int>(readInteger(j["trace_probes"], path + ".trace_probes", 1, 10000));
  }
  return t;
}

// The loss at the last start checked (runs usually share one start; a model's loss over 10^5
// samples is then computed once).
struct StartLoss {
  Vec x;
  double f = 0.0;
};

// Rejects a start that Run would count as diverged before its first step: a coordinate or the
// loss there beyond the divergence bound.
void checkStartInBounds(const Objective& objective, const RunSpec& r, const std::string& path,
                        StartLoss& memo) {
  const double bound = r.stop.divergenceBound;
  const std::string why = " is beyond the divergence bound " + formatNumber(bound) +
                          " (stop.divergence_bound): the run would end before its first step";
  for (Eigen::Index i = 0; i < r.start.size(); ++i) {
    if (!(std::abs(r.start[i]) <= bound)) {
      throw ScenarioError(path + "[" + std::to_string(i) + "]",
                          "the coordinate " + formatNumber(r.start[i]) + why);
    }
  }
  if (memo.x.size() != r.start.size() || memo.x != r.start) {
    memo.x = r.start;
    memo.f = objective.value(r.start);
  }
  if (!(std::abs(memo.f) <= bound)) {
    throw ScenarioError(path, "the loss there, " + formatNumber(memo.f) + "," + why);
  }
}

// Defaults as JSON values, referred to rather than copied with what the file gives (a copy of a
// parsed value is recursive).
const json kConstantName = "constant";
const json kNoneName = "none";

RunSpec readRun(const json& j, const std::string& path, const Scenario& s, size_t index,
                const Objective& objective, StartLoss& startLoss) {
  requireObject(j, path);
  rejectUnknownKeys(j, path,
                    {"label", "visible", "optimizer", "schedule", "warmup", "clip", "noise",
                     "minibatch", "curvature", "seed", "start", "stop"});
  RunSpec r;
  if (!j.contains("optimizer")) throw ScenarioError(path, "missing \"optimizer\"");
  auto opt = json_detail::readMethod(j["optimizer"], path + ".optimizer", optimizerRegistry(),
                                     "optimizer");
  const auto optimizer = checkBuildable(
      [&] { return optimizerRegistry().find(opt.type)->make(opt.params); }, path + ".optimizer");
  if (optimizer->usesHessian() && objective.dim() > kMaxDenseHessianDim) {
    throw ScenarioError(path + ".optimizer.type",
                        optimizerRegistry().find(opt.type)->title +
                            " forms the dense Hessian, which is limited to " +
                            std::to_string(kMaxDenseHessianDim) +
                            " dimensions; this objective has " + std::to_string(objective.dim()));
  }
  r.optimizer = opt.type;
  r.optimizerParams = opt.params;
  if (j.contains("label")) r.label = readString(j["label"], path + ".label");
  if (r.label.empty()) r.label = optimizerRegistry().find(r.optimizer)->title;
  if (j.contains("visible")) r.visible = readFlag(j["visible"], path + ".visible");
  auto sched = json_detail::readMethod(j.contains("schedule") ? j["schedule"] : kConstantName,
                                       path + ".schedule", scheduleRegistry(), "schedule");
  checkBuildable([&] { return scheduleRegistry().find(sched.type)->make(sched.params); },
                 path + ".schedule");
  r.schedule = sched.type;
  r.scheduleParams = sched.params;
  if (j.contains("warmup")) {
    const auto& w = j["warmup"];
    const std::string wp = path + ".warmup";
    requireObject(w, wp);
    rejectUnknownKeys(w, wp, {"steps", "start_factor"});
    if (w.contains("steps"))
      r.warmupSteps = readInteger(w["steps"], wp + ".steps", 0, 1'000'000'000);
    if (w.contains("start_factor")) {
      r.warmupStartFactor = readNumber(w["start_factor"], wp + ".start_factor", 0.0, true, 1.0);
    }
  }
  if (j.contains("clip")) r.clipping = readClip(j["clip"], path + ".clip");
  auto noise = json_detail::readMethod(j.contains("noise") ? j["noise"] : kNoneName,
                                       path + ".noise", noiseRegistry(), "noise model");
  r.noise = noise.type;
  r.noiseParams = noise.params;
  if (j.contains("minibatch")) {
    r.minibatch = readMinibatch(j["minibatch"], path + ".minibatch", objective);
  }
  r.curvature = j.contains("curvature")
                    ? readCurvature(j["curvature"], path + ".curvature", s.curvature)
                    : s.curvature;
  r.seed = j.contains("seed")
               ? static_cast<uint64_t>(readInteger(j["seed"], path + ".seed", 0, int64_t{1} << 53))
               : s.seed + index;
  r.start = j.contains("start")
                ? readPoint(j["start"], path + ".start", static_cast<int>(s.start.size()))
                : s.start;
  r.stop = j.contains("stop") ? readStop(j["stop"], path + ".stop", s.stop) : s.stop;
  checkStartInBounds(objective, r, j.contains("start") ? path + ".start" : "start", startLoss);
  return r;
}

}  // namespace

Scenario scenarioFromJson(const json& j) {
  requireObject(j, "");
  rejectUnknownKeys(j, "",
                    {"version", "name", "description", "notes", "objective", "start", "seed",
                     "stop", "curvature", "runs", "classroom", "view"});
  if (j.contains("version") &&
      (!j["version"].is_number_integer() || j["version"].get<int>() != 1)) {
    throw ScenarioError("version", "must be 1, got " + describe(j["version"]));
  }
  Scenario s;
  if (j.contains("name")) s.name = readString(j["name"], "name");
  if (j.contains("description")) s.description = readString(j["description"], "description");
  if (j.contains("notes")) s.notes = readString(j["notes"], "notes");
  if (j.contains("classroom")) s.classroom = readClassroom(j["classroom"], "classroom");
  if (!j.contains("objective")) throw ScenarioError("", "missing \"objective\"");
  auto obj = json_detail::readMethod(j["objective"], "objective", objectiveRegistry(), "objective");
  s.objective = {obj.type, obj.params};
  const auto objective = checkBuildable([&] { return makeObjective(s.objective); }, "objective");
  const int dim = objective->dim();
  if (j.contains("seed"))
    s.seed = static_cast<uint64_t>(readInteger(j["seed"], "seed", 0, int64_t{1} << 53));
  // Without a start, the objective's own (for models on data: a seeded initialisation).
  s.start =
      j.contains("start") ? readPoint(j["start"], "start", dim) : objective->defaultStart(s.seed);
  if (j.contains("stop")) s.stop = readStop(j["stop"], "stop", s.stop);
  if (j.contains("curvature"))
    s.curvature = readCurvature(j["curvature"], "curvature", s.curvature);
  if (!j.contains("runs")) throw ScenarioError("", "missing \"runs\"");
  const json& runs = j["runs"];
  if (!runs.is_array() || runs.empty()) {
    throw ScenarioError("runs", "must be a non-empty array of runs, got " + describe(runs));
  }
  StartLoss startLoss;
  for (size_t i = 0; i < runs.size(); ++i) {
    s.runs.push_back(
        readRun(runs[i], "runs[" + std::to_string(i) + "]", s, i, *objective, startLoss));
  }
  // Last: the view names runs and slices of this objective's dimension.
  if (j.contains("view")) s.view = readViewState(j["view"], "view", dim, s.runs.size());
  return s;
}

Scenario parseScenario(const std::string& text, const std::string& source) {
  json j;
  try {
    if (text.size() > kMaxScenarioBytes) {
      throw ScenarioError("", "the text is " + std::to_string(text.size() >> 20) +
                                  " MB; scenarios are limited to " +
                                  std::to_string(kMaxScenarioBytes >> 20) + " MB");
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw ScenarioError("", std::string(source.empty() ? "the text" : "the file") +
                                  " is empty; a scenario is a JSON object with \"objective\" and "
                                  "\"runs\"");
    }
    checkJsonText(text);
    j = json::parse(text);
  } catch (const ScenarioError& e) {
    throw e.inFile(source);
  } catch (const json::exception& e) {
    // nlohmann's parse errors name the line and column ("... at line 3, column 5: ...").
    std::string what = e.what();
    if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    throw ScenarioError("", "invalid JSON: " + what, source);
  }
  try {
    return scenarioFromJson(j);
  } catch (const ScenarioError& e) {
    if (source.empty()) throw;
    throw e.inFile(source);
  }
}

Scenario loadScenarioFile(const std::string& path) {
  return parseScenario(readScenarioText(path), path);
}

}  // namespace gradscape
