#pragma once
// Every run of a scenario in one JSON file: per run its spec (as the scenario JSON writes it,
// with its start, stop rules, curvature tracking and seed filled in), how it ended, its
// evaluation counts ("evaluations": field, loss, hessian_products), and its trace
// with the CSV's columns (trace_table.h), plus the program's version and the scenario's name.
// Numbers are written in full double precision (they read back to the same doubles); a value
// that is not finite (NaN, an infinity) is written as null, so Python's json.load reads the file.
// Written as a stream, one run at a time: a batch need not hold every trace at once.
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/run/run.h"
#include "core/scenario/scenario.h"

namespace gradscape {

// What the file holds of one run, by value (the desktop program copies it off its engine).
struct TracedRun {
  RunSpec spec;
  RunStatus status = RunStatus::Running;
  int64_t divergedAt = -1;  // when Diverged
  int64_t iterations = 0;   // steps taken
  Trace trace;
  EvaluationCounts evaluations;  // Run::evaluations()
};
TracedRun tracedRun(const Run& run);

class TracesJsonWriter {
 public:
  // Writes the head: format, program and version, scenario name, objective and its minimum.
  TracesJsonWriter(std::ostream& out, const Scenario& scenario);
  // Appends one run (the next index).
  void add(const TracedRun& run) {
    add(run.spec, run.status, run.divergedAt, run.iterations, run.trace, run.evaluations);
  }
  void add(const Run& run);
  void add(const RunSpec& spec, RunStatus status, int64_t divergedAt, int64_t iterations,
           const Trace& trace, const EvaluationCounts& evaluations);
  // Closes the runs and the file's object; nothing may be added after.
  void finish();

 private:
  std::ostream& out_;
  const Scenario& scenario_;
  int runs_ = 0;
};

void writeTracesJson(const Scenario& scenario, const std::vector<TracedRun>& runs,
                     std::ostream& out);
// Writes the file atomically (core/io/atomic_file.h). Returns "" on success, else the reason
// (then nothing is left behind and a file already there is as it was).
std::string writeTracesJsonFile(const Scenario& scenario, const std::vector<TracedRun>& runs,
                                const std::string& path);

}  // namespace gradscape
