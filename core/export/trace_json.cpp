#include "core/export/trace_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/export/trace_table.h"
#include "core/io/atomic_file.h"
#include "core/registry/params.h"
#include "core/scenario/scenario_json.h"
#include "core/version.h"

namespace gradscape {

using nlohmann::json;

namespace {

// Compact JSON text; invalid UTF-8 in a label is replaced rather than refused.
std::string text(const json& j, int indent = -1) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// The shortest text that reads back to the same double; null when not finite.
void writeNumber(std::ostream& out, double v) {
  if (std::isfinite(v)) {
    out << formatNumber(v);
  } else {
    out << "null";
  }
}

void writeStrings(std::ostream& out, const std::vector<std::string>& names) {
  out << text(json(names));
}

// The run's spec as the scenario JSON writes a run, with what it takes from the scenario
// (start, stop rules, curvature tracking) written out: the entry defines the run alone.
json specJson(const Scenario& scenario, const RunSpec& spec) {
  Scenario one = scenario;
  one.start = spec.start;
  one.stop = spec.stop;
  one.curvature = spec.curvature;
  one.runs = {spec};
  const json whole = scenarioToJson(one);
  json run = whole["runs"][0];
  run["start"] = whole["start"];
  run["stop"] = whole["stop"];
  run["curvature"] = {{"every", spec.curvature.every},
                      {"trace", spec.curvature.trace},
                      {"trace_probes", spec.curvature.traceProbes}};
  return run;
}

void writeRows(std::ostream& out, const Trace& trace) {
  out << "[";
  bool first = true;
  forEachTraceRow(trace, [&](int64_t iteration, const TraceCells& cells) {
    out << (first ? "\n" : ",\n") << "        [" << iteration;
    first = false;
    for (const auto& cell : cells) {
      out << ',';
      if (cell) {
        writeNumber(out, *cell);
      } else {
        out << "null";
      }
    }
    out << ']';
  });
  out << (first ? "]" : "\n      ]");
}

void writeIterates(std::ostream& out, const Trace& trace) {
  out << "{\n        \"note\": " << text(json(iteratesNote(trace))) << ",\n        \"columns\": ";
  writeStrings(out, iterateColumns(trace));
  out << ",\n        \"rows\": [";
  for (int64_t i = 0; i < trace.pointCount(); ++i) {
    out << (i ? ",\n" : "\n") << "          [" << trace.pointIteration(i);
    const auto x = trace.point(i);
    for (int d = 0; d < trace.dim(); ++d) {
      out << ',';
      writeNumber(out, x[d]);
    }
    out << ']';
  }
  out << (trace.pointCount() > 0 ? "\n        ]\n      }" : "]\n      }");
}

}  // namespace

TracedRun tracedRun(const Run& run) {
  return {run.spec(),       run.status(), run.divergedAt(),
          run.iterations(), run.trace(),  run.evaluations()};
}

TracesJsonWriter::TracesJsonWriter(std::ostream& out, const Scenario& scenario)
    : out_(out), scenario_(scenario) {
  const auto minimum = makeObjective(scenario.objective)->minimumValue();
  const json objective = scenarioToJson(scenario)["objective"];
  out_ << "{\n  \"format\": \"gradscape-traces\",\n  \"format_version\": 1,\n"
       << "  \"program\": \"gradscape\",\n  \"version\": " << text(json(programVersion()))
       << ",\n  \"scenario\": " << text(json(scenario.name))
       << ",\n  \"objective\": " << text(objective) << ",\n  \"minimum_value\": ";
  writeNumber(out_, minimum ? *minimum : std::nan(""));
  out_ << ",\n  \"null\": \"a value that is not a finite number (NaN, an infinity), or a cell "
          "with nothing measured\",\n  \"runs\": [";
}

void TracesJsonWriter::add(const Run& run) {
  add(run.spec(), run.status(), run.divergedAt(), run.iterations(), run.trace(), run.evaluations());
}

void TracesJsonWriter::add(const RunSpec& spec, RunStatus status, int64_t divergedAt,
                           int64_t iterations, const Trace& trace,
                           const EvaluationCounts& evaluations) {
  const bool diverged = status == RunStatus::Diverged;
  out_ << (runs_ ? ",\n" : "\n") << "    {\n      \"index\": " << runs_
       << ",\n      \"label\": " << text(json(spec.label))
       << ",\n      \"spec\": " << text(specJson(scenario_, spec))
       << ",\n      \"status\": " << text(json(runStatusName(status)))
       << ",\n      \"diverged_at\": " << (diverged ? std::to_string(divergedAt) : "null")
       << ",\n      \"seed\": " << spec.seed << ",\n      \"iterations\": " << iterations
       << ",\n      \"evaluations\": {\"field\": " << evaluations.field
       << ", \"loss\": " << evaluations.loss
       << ", \"hessian_products\": " << evaluations.hessianProducts << "}"
       << ",\n      \"dimensions\": " << trace.dim() << ",\n      \"columns\": ";
  writeStrings(out_, traceColumns(trace));
  out_ << ",\n      \"rows\": ";
  writeRows(out_, trace);
  out_ << ",\n      \"iterates\": ";
  if (iteratesInRows(trace)) {
    out_ << "null";
  } else {
    writeIterates(out_, trace);
  }
  out_ << "\n    }";
  ++runs_;
}

void TracesJsonWriter::finish() {
  out_ << (runs_ ? "\n  ]\n}\n" : "]\n}\n");
}

void writeTracesJson(const Scenario& scenario, const std::vector<TracedRun>& runs,
                     std::ostream& out) {
  TracesJsonWriter writer(out, scenario);
  for (const auto& run : runs) writer.add(run);
  writer.finish();
}

std::string writeTracesJsonFile(const Scenario& scenario, const std::vector<TracedRun>& runs,
                                const std::string& path) {
  return writeFileAtomically(path,
                             [&](std::ostream& out) { writeTracesJson(scenario, runs, out); });
}

}  // namespace gradscape
