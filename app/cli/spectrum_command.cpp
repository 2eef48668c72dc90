// gradscape-cli spectrum: the Hessian spectrum at one iterate of a scenario's run.
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/progress_bar.h"
#include "app/cli/text_table.h"
#include "core/analysis/iterate_spectrum.h"
#include "core/io/atomic_file.h"
#include "core/io/printable_text.h"
#include "core/registry/params.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::cli {

namespace {

// "count: ..." -> "--count: ...": a refused request named by the option that asked for it.
std::string asOption(const std::string& message) {
  const auto colon = message.find(": ");
  if (colon == std::string::npos || message.find(' ') < colon) return message;
  std::string field = message.substr(0, colon);
  if (field == "iteration") field = "at";
  if (field == "dim") field = "method";
  return "--" + field + message.substr(colon);
}

void writeCsv(const SpectrumReport& r, std::ostream& out) {
  switch (r.method) {
    case SpectrumMethod::Dense:
      out << "index,eigenvalue\n";
      for (Eigen::Index i = 0; i < r.eigenvalues.size(); ++i) {
        out << i << ',' << formatNumber(r.eigenvalues[i]) << '\n';
      }
      break;
    case SpectrumMethod::Lanczos:
      out << "end,rank,eigenvalue\n";
      for (Eigen::Index i = 0; i < r.bottom.size(); ++i) {
        out << "smallest," << i + 1 << ',' << formatNumber(r.bottom[i]) << '\n';
      }
      for (Eigen::Index i = 0; i < r.top.size(); ++i) {
        out << "largest," << i + 1 << ',' << formatNumber(r.top[i]) << '\n';
      }
      break;
    case SpectrumMethod::Slq:
      out << "eigenvalue,density\n";
      for (Eigen::Index i = 0; i < r.grid.size(); ++i) {
        out << formatNumber(r.grid[i]) << ',' << formatNumber(r.density[i]) << '\n';
      }
      break;
  }
}

}  // namespace

int spectrumCommand(const SpectrumOptions& options) {
  SpectrumOptions o = options;
  std::atomic<bool>& interrupted = installInterruptHandlers();
  const bool toStdout = o.outPath.empty();
  std::ostream& info = toStdout ? std::cerr : std::cout;
  ProgressBar progress;
  AnalysisControl control;
  control.cancel = &interrupted;
  if (progress.enabled()) {
    control.progress = [&progress](double f) { progress.update(f, "analysing"); };
  }
  Scenario scenario;
  if (const int code = loadScenario(o.scenarioPath, scenario); code != kOk) return code;
  // Replaying and analysing may take long: a signal now cancels them cleanly.
  setExitOnInterrupt(false);
  try {
    std::function<void(double)> replayed;
    if (progress.enabled()) {
      replayed = [&progress](double f) { progress.update(f, "replaying the run"); };
    }
    const ReplayedIterate it = replayToIteration(scenario, o.run, o.at, &interrupted, replayed);
    const auto objective = makeObjective(scenario.objective);
    o.request.method = o.method.value_or(
        objective->dim() <= kMaxDenseHessianDim ? SpectrumMethod::Dense : SpectrumMethod::Lanczos);
    const auto t0 = std::chrono::steady_clock::now();
    const SpectrumReport r = analyseSpectrum(*objective, it.x, o.request, control);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    progress.clear();
    if (toStdout) {
      writeCsv(r, std::cout);
    } else if (std::string error =
                   writeFileAtomically(o.outPath, [&r](std::ostream& out) { writeCsv(r, out); });
               !error.empty()) {
      std::cerr << "gradscape-cli: " << error << '\n';
      return kFailure;
    }
    info << "Hessian spectrum of run " << o.run << " ("
         << printableText(scenario.runs[o.run].label, 60) << ") at iteration " << it.iteration
         << " (" << it.status << "), " << r.dim << " dimensions, " << spectrumMethodName(r.method)
         << '\n'
         << "  largest eigenvalue   " << shortNumber(r.largest) << '\n'
         << "  smallest eigenvalue  " << shortNumber(r.smallest) << '\n';
    if (r.method == SpectrumMethod::Slq) {
      info << "  trace (estimate)     " << shortNumber(quadratureMoment(r.nodes, 1) * r.dim) << '\n'
           << "  broadening sigma     " << shortNumber(r.sigma) << '\n';
    }
    if (r.products > 0) info << "  Hessian-vector products " << r.products << '\n';
    info << "  analysis time        " << shortNumber(seconds) << " s\n";
    if (!toStdout) info << "written to " << printableText(o.outPath) << '\n';
    return kOk;
  } catch (const AnalysisCancelled&) {
    progress.clear();
    std::cerr << "gradscape-cli: interrupted; nothing written\n";
    return kInterrupted;
  } catch (const std::invalid_argument& e) {
    // A request the scenario cannot serve ("count: ...", "run: ..."): named like the option.
    progress.clear();
    std::cerr << "gradscape-cli spectrum: " << asOption(e.what()) << '\n';
    return kBadInput;
  }
}

}  // namespace gradscape::cli
