#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_bar.h"
#include "app/cli/text_table.h"
#include "core/export/run_summary.h"
#include "core/export/trace_csv.h"
#include "core/export/trace_json.h"
#include "core/export/trace_table.h"
#include "core/io/atomic_file.h"
#include "core/io/printable_text.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::cli {

namespace {

// "0.512 ms", "1.25 s": three significant digits in a readable unit.
std::string wallTime(double seconds) {
  char buf[32];
  if (seconds < 1.0) {
    std::snprintf(buf, sizeof buf, "%.3g ms", seconds * 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%.3g s", seconds);
  }
  return buf;
}

// Takes the output directory for this process: creates it, locks it against a second writer,
// clears what killed writers left, and removes the previous summary.json so that a summary in
// the directory always describes a finished batch. Returns "" or why the directory is unusable.
std::string prepareOutputDirectory(const std::string& outDir, DirectoryLock& lock) {
  std::error_code ec;
  std::filesystem::create_directories(outDir, ec);
  if (ec) return "cannot create output directory '" + outDir + "': " + ec.message();
  if (std::string error = lock.acquire(outDir); !error.empty()) return error;
  lock.removeStaleTemporaries();
  std::filesystem::remove(std::filesystem::path(outDir) / "summary.json", ec);
  if (ec) return "cannot replace '" + outDir + "/summary.json': " + ec.message();
  return "";
}

int cannotWrite(const std::string& reason) {
  std::cerr << "gradscape-cli: " << reason << '\n';
  return kFailure;
}

}  // namespace

int runCommand(const RunOptions& o) {
  std::atomic<bool>& interrupted = installInterruptHandlers();
  Scenario scenario;
  if (const int code = loadScenario(o.scenarioPath, scenario); code != kOk) return code;
  const auto objective = makeObjective(scenario.objective);

  auto outPath = [&o](const std::string& file) {
    return (std::filesystem::path(o.outDir) / file).string();
  };
  DirectoryLock lock;
  if (std::string error = prepareOutputDirectory(o.outDir, lock); !error.empty()) {
    return cannotWrite(error);
  }
  // From here on a signal lets the run in progress end as stopped and everything be written.
  setExitOnInterrupt(false);

  const auto fstar = objective->minimumValue();
  std::cout << printableText(scenario.name.empty() ? o.scenarioPath : scenario.name) << " — "
            << scenario.objective.type << ", " << scenario.runs.size() << " run(s)\n"
            << std::endl;  // shown now, also in a log or pipe: the batch has its directory
  // The f - f* column only when the objective's minimum is known.
  auto row = [&](std::vector<std::string> cells) {
    if (!fstar) cells.erase(cells.begin() + 4);
    return cells;
  };
  TextTable table(
      row({"#", "run", "optimizer", "final loss", "f - f*", "iterations", "status", "wall time"}));
  ProgressBar progress;
  std::vector<RunRecord> records;
  records.reserve(scenario.runs.size());
  const auto total = static_cast<double>(scenario.runs.size());
  // Runs every run, writes its trace (and hands it to `jsonOut`, if any). Returns kOk, or kFailure
  // once a trace could not be written.
  auto runAll = [&](TracesJsonWriter* jsonOut) {
    for (size_t i = 0; i < scenario.runs.size(); ++i) {
      // One run (and its trace) in memory at a time: it is written and let go before the next.
      Run run(objective, scenario.runs[i]);
      const std::string label = "run " + std::to_string(i + 1) + "/" +
                                std::to_string(scenario.runs.size()) + " " + run.spec().label;
      progress.update(static_cast<double>(i) / total, label);
      if (interrupted.load()) {
        run.stop();  // not started: ends at its start point, still reported
      } else if (!progress.enabled()) {
        run.runToEnd(&interrupted);
      } else {
        // In slices of about a tenth of a second, so the bar moves within a long run too (its
        // share: iterations of the most allowed; a run that stops early jumps ahead).
        const auto most = static_cast<double>(std::max<int64_t>(1, run.spec().stop.maxIterations));
        int64_t slice = 1;
        for (;;) {
          const auto t0 = std::chrono::steady_clock::now();
          if (!run.runFor(slice, &interrupted)) break;
          const double took =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
          if (took < 0.05 && slice < (int64_t{1} << 40)) slice *= 2;
          const double within = std::min(1.0, static_cast<double>(run.iterations()) / most);
          progress.update((static_cast<double>(i) + within) / total, label);
        }
      }
      const std::string file = traceFileName(i, run.spec().label);
      std::string error = writeTraceCsvFile(run.trace(), outPath(file));
      // Iterates the trace keeps apart from its rows (many dimensions) get a file of their own.
      const bool apart = !iteratesInRows(run.trace());
      if (error.empty() && apart) {
        error = writeIteratesCsvFile(run.trace(), outPath(iteratesFileName(file)));
      }
      if (!error.empty()) {
        progress.clear();
        return cannotWrite(error);
      }
      if (jsonOut) jsonOut->add(run);
      records.push_back(recordOf(run, file, apart ? iteratesFileName(file) : ""));
      table.addRow(
          row({std::to_string(i), printableText(run.spec().label, 60), run.spec().optimizer,
               shortNumber(run.finalLoss()), fstar ? shortNumber(run.finalLoss() - *fstar) : "",
               std::to_string(run.iterations()), run.statusText(), wallTime(run.wallSeconds())}));
    }
    return int{kOk};
  };
  if (o.jsonPath.empty()) {
    if (const int code = runAll(nullptr); code != kOk) return code;
  } else {
    // The runs go straight into the JSON file's temporary, one at a time; it is renamed into
    // place only when every run is in it.
    struct Abandoned {};
    int code = kFailure;  // stays so when the file cannot even be created
    try {
      const std::string error = writeFileAtomically(o.jsonPath, [&](std::ostream& out) {
        TracesJsonWriter writer(out, scenario);
        code = runAll(&writer);
        if (code != kOk) throw Abandoned{};
        writer.finish();
      });
      if (!error.empty()) {
        progress.clear();
        return cannotWrite(error);
      }
    } catch (const Abandoned&) {
      return code;
    }
  }
  progress.clear();
  if (fstar) {
    table.print(std::cout, {0, 3, 4, 5, 7});
  } else {
    table.print(std::cout, {0, 3, 4, 6});
  }

  const auto summaryPath = (std::filesystem::path(o.outDir) / "summary.json").string();
  if (std::string error =
          writeFileAtomically(summaryPath, runSummaryJson(scenario, fstar, records).dump(2) + '\n');
      !error.empty()) {
    return cannotWrite(error);
  }
  std::cout << "\ntraces and summary.json written to " << o.outDir << '\n';
  if (!o.jsonPath.empty()) std::cout << "every run and its trace written to " << o.jsonPath << '\n';
  if (interrupted.load()) {
    std::cerr << "gradscape-cli: interrupted; the run in progress and those after it are marked "
                 "stopped\n";
    return kInterrupted;
  }
  return kOk;
}

}  // namespace gradscape::cli
