// gradscape-cli spectrum: the Hessian spectrum at one iterate of a scenario's run.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>

#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/text_table.h"
#include "core/analysis/iterate_spectrum.h"
#include "core/registry/params.h"
#include "core/scenario/scenario_json.h"

namespace gradscape::cli {

const char* const kSpectrumHelp =
    "usage: gradscape-cli spectrum SCENARIO.json [--run N] [--at final|ITER]\n"
    "                              [--method dense|lanczos|slq] [--out FILE.csv]\n"
    "\n"
    "Replays run N of the scenario to iteration ITER (or to its end) and writes the Hessian\n"
    "spectrum of the loss at that iterate as CSV:\n"
    "  dense    every eigenvalue (dimension <= 2000)       columns: index,eigenvalue\n"
    "  lanczos  the --count smallest and largest, from      columns: end,rank,eigenvalue\n"
    "           Hessian-vector products (any dimension)\n"
    "  slq      the eigenvalue density by stochastic Lanczos columns: eigenvalue,density\n"
    "           quadrature, Gaussian-broadened (any dimension)\n"
    "\n"
    "  --run N       run index, 0-based as in runs[N] (default 0)\n"
    "  --at WHEN     'final' (default) or an iteration number\n"
    "  --method M    default: dense up to 2000 dimensions, else lanczos\n"
    "  --out FILE    CSV file to write (default: standard output)\n"
    "  --count K     lanczos: eigenvalues from each end (default 5)\n"
    "  --steps M     slq: Lanczos steps per probe (default 100)\n"
    "  --probes P    slq: random probes (default 4)\n"
    "  --seed S      slq: probe seed (default 0)\n"
    "  --sigma S     slq: Gaussian broadening (default 1% of the spectrum's width)\n"
    "  -h, --help    this text\n"
    "\n"
    "A summary (largest and smallest eigenvalue, cost) goes to standard error when --out is\n"
    "not given, else to standard output. Ctrl-C cancels (exit 130). Exit codes: 0 ok, 1 the\n"
    "file could not be written, 2 bad input, 130 interrupted.\n";

namespace {

struct SpectrumOptions {
  std::string scenarioPath, outPath;
  size_t run = 0;
  std::optional<int64_t> at;
  std::optional<SpectrumMethod> method;
  SpectrumRequest request;
};

bool parseInteger(const std::string& text, int64_t min, int64_t& value) {
  try {
    size_t used = 0;
    const long long v = std::stoll(text, &used);
    if (used != text.size() || v < min) return false;
    value = v;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

int badArgument(const std::string& what) {
  std::cerr << "gradscape-cli spectrum: " << what << '\n';
  return kBadInput;
}

// Returns an exit code when the command should end now, else -1.
int parseSpectrumArgs(const Args& args, SpectrumOptions& o) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kSpectrumHelp;
      return kOk;
    }
    if (!a.empty() && a[0] == '-') {
      if (i + 1 >= args.size()) return badArgument(a + " needs a value");
      const std::string& v = args[++i];
      int64_t n = 0;
      if (a == "--out") {
        o.outPath = v;
      } else if (a == "--run") {
        if (!parseInteger(v, 0, n))
          return badArgument("--run: expected a run index, got '" + v + "'");
        o.run = static_cast<size_t>(n);
      } else if (a == "--at") {
        if (v == "final") {
          o.at.reset();
        } else if (parseInteger(v, 0, n)) {
          o.at = n;
        } else {
          return badArgument("--at: expected 'final' or an iteration, got '" + v + "'");
        }
      } else if (a == "--method") {
        SpectrumMethod m;
        if (!parseSpectrumMethod(v, m)) {
          return badArgument("--method: expected dense, lanczos or slq, got '" + v + "'");
        }
        o.method = m;
      } else if (a == "--count" || a == "--steps" || a == "--probes" || a == "--seed") {
        if (!parseInteger(v, a == "--seed" ? 0 : 1, n) || n > (int64_t{1} << 31)) {
          return badArgument(a + ": expected a " + (a == "--seed" ? "non-negative" : "positive") +
                             " whole number, got '" + v + "'");
        }
        if (a == "--count") o.request.count = static_cast<int>(n);
        if (a == "--steps") o.request.slq.steps = static_cast<int>(n);
        if (a == "--probes") o.request.slq.probes = static_cast<int>(n);
        if (a == "--seed") o.request.slq.seed = static_cast<uint64_t>(n);
      } else if (a == "--sigma") {
        try {
          o.request.sigma = std::stod(v);
        } catch (const std::exception&) {
          o.request.sigma = -1.0;
        }
        if (!(o.request.sigma > 0.0))
          return badArgument("--sigma: expected a positive number, got '" + v + "'");
      } else {
        std::cerr << "gradscape-cli spectrum: unknown option '" << a << "'\n" << kSpectrumHelp;
        return kBadInput;
      }
    } else if (o.scenarioPath.empty()) {
      o.scenarioPath = a;
    } else {
      return badArgument("more than one scenario given ('" + a + "')");
    }
  }
  if (o.scenarioPath.empty()) {
    std::cerr << "gradscape-cli spectrum: no scenario file given\n" << kSpectrumHelp;
    return kBadInput;
  }
  return -1;
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

int spectrumCommand(const Args& args) {
  SpectrumOptions o;
  if (const int code = parseSpectrumArgs(args, o); code >= 0) return code;
  std::atomic<bool>& interrupted = installInterruptFlag();
  const bool toStdout = o.outPath.empty();
  std::ostream& info = toStdout ? std::cerr : std::cout;
  const bool showProgress = isatty(STDERR_FILENO) != 0;
  AnalysisControl control;
  control.cancel = &interrupted;
  if (showProgress) {
    control.progress = [](double f) {
      std::fprintf(stderr, "\ranalysing... %3d%%\x1b[K", static_cast<int>(100.0 * f));
    };
  }
  try {
    const Scenario scenario = loadScenarioFile(o.scenarioPath);
    const ReplayedIterate it = replayToIteration(scenario, o.run, o.at, &interrupted);
    const auto objective = makeObjective(scenario.objective);
    o.request.method = o.method.value_or(
        objective->dim() <= kMaxDenseHessianDim ? SpectrumMethod::Dense : SpectrumMethod::Lanczos);
    const auto t0 = std::chrono::steady_clock::now();
    const SpectrumReport r = analyseSpectrum(*objective, it.x, o.request, control);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (showProgress) std::cerr << "\r\x1b[K" << std::flush;
    if (toStdout) {
      writeCsv(r, std::cout);
    } else {
      std::ofstream out(o.outPath, std::ios::binary | std::ios::trunc);
      if (out) writeCsv(r, out);
      if (!out) {
        std::cerr << "gradscape-cli: cannot write " << o.outPath << '\n';
        return kFailure;
      }
    }
    info << "Hessian spectrum of run " << o.run << " (" << scenario.runs[o.run].label
         << ") at iteration " << it.iteration << " (" << it.status << "), " << r.dim
         << " dimensions, " << spectrumMethodName(r.method) << '\n'
         << "  largest eigenvalue   " << shortNumber(r.largest) << '\n'
         << "  smallest eigenvalue  " << shortNumber(r.smallest) << '\n';
    if (r.method == SpectrumMethod::Slq) {
      info << "  trace (estimate)     " << shortNumber(quadratureMoment(r.nodes, 1) * r.dim) << '\n'
           << "  broadening sigma     " << shortNumber(r.sigma) << '\n';
    }
    if (r.products > 0) info << "  Hessian-vector products " << r.products << '\n';
    info << "  analysis time        " << shortNumber(seconds) << " s\n";
    if (!toStdout) info << "written to " << o.outPath << '\n';
    return kOk;
  } catch (const AnalysisCancelled&) {
    std::cerr << "\ngradscape-cli: interrupted; nothing written\n";
    return kInterrupted;
  } catch (const std::exception& e) {
    if (showProgress) std::cerr << "\r\x1b[K";
    std::cerr << "gradscape-cli: " << e.what() << '\n';
    return kBadInput;
  }
}

}  // namespace gradscape::cli
