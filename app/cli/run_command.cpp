#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/text_table.h"
#include "core/export/run_summary.h"
#include "core/export/trace_csv.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::cli {

const char* const kRunHelp =
    "usage: gradscape-cli run SCENARIO.json [--out DIR]\n"
    "\n"
    "Runs every run of the scenario, prints a summary table (run, optimizer, final loss,\n"
    "iterations, status, wall time), and writes one CSV trace per run plus summary.json.\n"
    "\n"
    "  --out DIR   where the CSV traces and summary.json go (default: gradscape-out);\n"
    "              created if missing\n"
    "  -h, --help  this text\n"
    "\n"
    "Ctrl-C (or SIGTERM) stops the run in progress; every run still gets its trace and a\n"
    "line in summary.json (status \"stopped\"), and the exit code is 130.\n"
    "\n"
    "Exit codes: 0 ok (a diverging run is a result, not an error), 1 output could not be\n"
    "written, 2 bad input (the message names the file, the JSON path and the value),\n"
    "130 interrupted.\n";

namespace {

// "Adam (lr=0.01)" -> "adam_lr_0_01": safe in file names everywhere.
std::string slug(const std::string& label) {
  std::string s;
  for (char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      s += static_cast<char>(std::tolower(u));
    } else if (!s.empty() && s.back() != '_') {
      s += '_';
    }
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  return s.empty() ? "run" : s.substr(0, 48);
}

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

}  // namespace

struct RunOptions {
  std::string scenarioPath;
  std::string outDir = "gradscape-out";
};

// Parses `run` arguments into o. Returns an exit code when the command should end now (help
// printed, or bad arguments), else -1.
static int parseRunArgs(const Args& args, RunOptions& o) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-h" || args[i] == "--help") {
      std::cout << kRunHelp;
      return kOk;
    }
    if (args[i] == "--out") {
      if (i + 1 >= args.size()) {
        std::cerr << "gradscape-cli run: --out needs a directory\n";
        return kBadInput;
      }
      o.outDir = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::cerr << "gradscape-cli run: unknown option '" << args[i] << "'\n" << kRunHelp;
      return kBadInput;
    } else if (o.scenarioPath.empty()) {
      o.scenarioPath = args[i];
    } else {
      std::cerr << "gradscape-cli run: more than one scenario given ('" << args[i] << "')\n";
      return kBadInput;
    }
  }
  if (o.scenarioPath.empty()) {
    std::cerr << "gradscape-cli run: no scenario file given\n" << kRunHelp;
    return kBadInput;
  }
  return -1;
}

int runCommand(const Args& args) {
  RunOptions o;
  if (const int code = parseRunArgs(args, o); code >= 0) return code;
  const std::string& scenarioPath = o.scenarioPath;
  const std::string& outDir = o.outDir;

  Scenario scenario;
  std::vector<std::unique_ptr<Run>> runs;
  try {
    scenario = loadScenarioFile(scenarioPath);
    runs = makeRuns(scenario);
  } catch (const std::exception& e) {
    std::cerr << "gradscape-cli: " << e.what() << '\n';
    return kBadInput;
  }

  std::error_code ec;
  std::filesystem::create_directories(outDir, ec);
  if (ec) {
    std::cerr << "gradscape-cli: cannot create output directory '" << outDir
              << "': " << ec.message() << '\n';
    return kFailure;
  }

  const auto fstar = makeObjective(scenario.objective)->minimumValue();
  std::cout << (scenario.name.empty() ? scenarioPath : scenario.name) << " — "
            << scenario.objective.type << ", " << runs.size() << " run(s)\n\n";
  // The f - f* column only when the objective's minimum is known.
  auto row = [&](std::vector<std::string> cells) {
    if (!fstar) cells.erase(cells.begin() + 4);
    return cells;
  };
  TextTable table(
      row({"#", "run", "optimizer", "final loss", "f - f*", "iterations", "status", "wall time"}));
  // Set by SIGINT/SIGTERM; runs poll it (Run::runToEnd checks every 1024 steps).
  std::atomic<bool>& interrupted = installInterruptFlag();
  const bool showProgress = isatty(STDERR_FILENO) != 0;
  std::vector<std::string> traceFiles;
  for (size_t i = 0; i < runs.size(); ++i) {
    Run& run = *runs[i];
    if (showProgress) {
      std::cerr << "\r[" << i + 1 << "/" << runs.size() << "] " << run.spec().label << "...\x1b[K"
                << std::flush;
    }
    if (interrupted.load()) {
      run.stop();  // not started: ends at its start point, still reported
    } else {
      run.runToEnd(&interrupted);
    }
    const std::string file = "run" + std::to_string(i) + "_" + slug(run.spec().label) + ".csv";
    if (!writeTraceCsvFile(run.trace(), (std::filesystem::path(outDir) / file).string())) {
      std::cerr << "gradscape-cli: cannot write " << (std::filesystem::path(outDir) / file) << '\n';
      return kFailure;
    }
    traceFiles.push_back(file);
    table.addRow(
        row({std::to_string(i), run.spec().label, run.spec().optimizer,
             shortNumber(run.finalLoss()), fstar ? shortNumber(run.finalLoss() - *fstar) : "",
             std::to_string(run.iterations()), run.statusText(), wallTime(run.wallSeconds())}));
  }
  if (showProgress) std::cerr << "\r\x1b[K" << std::flush;
  if (fstar) {
    table.print(std::cout, {0, 3, 4, 5, 7});
  } else {
    table.print(std::cout, {0, 3, 4, 6});
  }

  const auto summaryPath = std::filesystem::path(outDir) / "summary.json";
  std::ofstream summary(summaryPath, std::ios::trunc);
  summary << runSummaryJson(scenario, runs, traceFiles).dump(2) << '\n';
  if (!summary) {
    std::cerr << "gradscape-cli: cannot write " << summaryPath << '\n';
    return kFailure;
  }
  std::cout << "\ntraces and summary.json written to " << outDir << '\n';
  if (interrupted.load()) {
    std::cerr << "gradscape-cli: interrupted; the run in progress and those after it are marked "
                 "stopped\n";
    return kInterrupted;
  }
  return kOk;
}

}  // namespace gradscape::cli
