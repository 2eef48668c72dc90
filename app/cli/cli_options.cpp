#include "app/cli/cli_options.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <CLI/CLI.hpp>

#include "core/io/printable_text.h"
#include "core/version.h"

namespace gradscape::cli {

namespace {

const char* const kRunFooter =
    "Runs every run of the scenario, prints a summary table (run, optimizer, final loss,\n"
    "iterations, status, wall time), and writes one CSV trace per run plus summary.json\n"
    "(runs beyond 16 dimensions whose iterates the trace keeps apart get a second CSV,\n"
    "RUN_iterates.csv). --json FILE also writes every run (spec, status, seed, trace) in one\n"
    "JSON file.\n"
    "Each file is written whole or not at all (a temporary name, then a rename); a second\n"
    "gradscape-cli writing to the same directory is refused while the first runs.\n"
    "\n"
    "Ctrl-C (or SIGTERM, SIGHUP) stops the run in progress; every run still gets its trace and\n"
    "a line in summary.json (status \"stopped\"), and the exit code is 130.\n"
    "\n"
    "Exit codes: 0 ok (a diverging run is a result, not an error), 1 output could not be\n"
    "written (the message says why) or memory ran out, 2 bad input (the message names the\n"
    "file, the JSON path and the value), 130 interrupted.";

const char* const kListFooter =
    "Lists every objective, optimizer, schedule and noise model with its parameters, their\n"
    "defaults and valid ranges: the names scenario files use. Without an argument, all four.";

const char* const kValidateFooter =
    "Checks scenario files without running them: whatever `run` would refuse, `validate`\n"
    "refuses. Prints 'ok' per file, or the problem with its JSON path.\n"
    "\n"
    "Exit codes: 0 every file is valid, 2 a file is bad (each one is named with its problem),\n"
    "130 interrupted.";

const char* const kSpectrumFooter =
    "Replays run N of the scenario to iteration ITER (or to its end) and writes the Hessian\n"
    "spectrum of the loss at that iterate as CSV:\n"
    "  dense    every eigenvalue (dimension <= 2000)        columns: index,eigenvalue\n"
    "  lanczos  the --count smallest and largest, from      columns: end,rank,eigenvalue\n"
    "           Hessian-vector products (any dimension)\n"
    "  slq      the eigenvalue density by stochastic Lanczos columns: eigenvalue,density\n"
    "           quadrature, Gaussian-broadened (any dimension)\n"
    "\n"
    "A summary (largest and smallest eigenvalue, cost) goes to standard error when --out is\n"
    "not given, else to standard output. Ctrl-C cancels (exit 130). Exit codes: 0 ok, 1 the\n"
    "file could not be written, 2 bad input, 130 interrupted.";

const char* const kRenderFooter =
    "Runs every run of the scenario (to its end, or to iteration ITER with --at: the paths and\n"
    "curves up to there) and writes a picture or a video of a view, drawn as the desktop program\n"
    "draws it (same titles, run labels, colours and colour scale):\n"
    "  map          the contour map with the runs' paths          default 1024x800\n"
    "  surface      the 3-D surface with the paths                default 1024x800\n"
    "  convergence  loss against iteration, log y                 default 1024x640\n"
    "  sharpness    top Hessian eigenvalue and 2/lr (runs that    default 1024x640\n"
    "               track curvature)\n"
    "  spectrum     Hessian spectrum at the selected run's        default 1024x640\n"
    "               iterate\n"
    "  window       map and surface side by side over the         default 1280x800\n"
    "               convergence chart\n"
    "The scenario's saved \"view\" is applied as the desktop program applies it: the map's zoom\n"
    "box, the surface's camera, the chart's quantity and log axes, the log colour scale and\n"
    "gradient arrows, the selected run (spectrum), the slice of an N-D problem, the layout\n"
    "(window). Without one, the defaults above.\n"
    "\n"
    "--out's extension picks the format:\n"
    "  .png              every view. --scale S draws it S times larger (text and lines too),\n"
    "                    so --size 640x400 --scale 2 is a 1280x800 picture of a 640x400 view.\n"
    "  .svg              the charts (convergence, sharpness, spectrum): lines as paths, text\n"
    "                    as text. Not the map or the surface (their landscape can only be an\n"
    "                    image, which Debian's gl2ps cannot put into SVG: write .pdf or .png).\n"
    "  .pdf              the charts as vectors; the map and the surface with the landscape as\n"
    "                    an image under vector text. One point per view pixel of --size;\n"
    "                    --scale is refused (vectors scale without it: zoom in the viewer).\n"
    "  .mp4 .webm .gif   the playback from iteration 0 to the last (--at) over --seconds S\n"
    "                    (default 10, at most 600) at --fps F (1 to 60, default 30): every\n"
    "                    view but the spectrum, default size 1280x720 (MP4 and WebM need an\n"
    "                    even width and height after --scale); --orbit turns the surface once\n"
    "                    around. Needs ffmpeg. Progress goes to standard error.\n"
    "The window view is a composite of separately drawn views: .png or a video only.\n"
    "\n"
    "Needs an X display for OpenGL: without a usable DISPLAY, a private Xvfb is started for the\n"
    "command and stopped after it (install the Debian package xvfb). The file is written whole\n"
    "or not at all; Ctrl-C stops the work and writes nothing (exit 130).\n"
    "\n"
    "Exit codes: 0 ok, 1 the picture could not be drawn or written (no Xvfb, no ffmpeg or codec,\n"
    "no permission, a build without the renderer), 2 bad input (the message names the option or\n"
    "the file), 130 interrupted.";

// A positive, finite number (CLI11's PositiveNumber lets infinity through).
const CLI::Validator kPositiveFinite(
    [](std::string& text) -> std::string {
      double v = 0.0;
      if (!CLI::detail::lexical_cast(text, v) || !std::isfinite(v) || v <= 0.0) {
        return "must be a positive finite number, got " + text;
      }
      return {};
    },
    "POSITIVE");

// "final" or an iteration >= 0.
const CLI::Validator kIteration(
    [](std::string& text) -> std::string {
      int64_t v = 0;
      if (text == "final" || (CLI::detail::lexical_cast(text, v) && v >= 0)) return {};
      return "expected 'final' or an iteration number >= 0, got " + text;
    },
    "final|ITER");

// Frames per second of a video, 1 to 60.
const CLI::Validator kFps(
    [](std::string& text) -> std::string {
      double v = 0.0;
      if (CLI::detail::lexical_cast(text, v) && std::isfinite(v) && v >= 1.0 && v <= 60.0) {
        return {};
      }
      return "expected 1 to 60 frames per second, got " + text;
    },
    "F");

// A video's length: more than 0 and at most 600 seconds.
const CLI::Validator kSeconds(
    [](std::string& text) -> std::string {
      double v = 0.0;
      if (CLI::detail::lexical_cast(text, v) && std::isfinite(v) && v > 0.0 && v <= 600.0) {
        return {};
      }
      return "expected a length of more than 0 and at most 600 seconds, got " + text;
    },
    "S");

// "WxH", each side 16 to 8192 pixels.
bool parseSize(const std::string& text, int& width, int& height) {
  const auto x = text.find('x');
  if (x == std::string::npos) return false;
  int64_t w = 0, h = 0;
  if (!CLI::detail::lexical_cast(text.substr(0, x), w) ||
      !CLI::detail::lexical_cast(text.substr(x + 1), h)) {
    return false;
  }
  if (w < 16 || h < 16 || w > 8192 || h > 8192) return false;
  width = static_cast<int>(w);
  height = static_cast<int>(h);
  return true;
}

const CLI::Validator kSize(
    [](std::string& text) -> std::string {
      int w = 0, h = 0;
      if (parseSize(text, w, h)) return {};
      return "expected WIDTHxHEIGHT with each side 16 to 8192 pixels, got " + text;
    },
    "WxH");

void addScenario(CLI::App* command, std::string& path) {
  command->add_option("scenario", path, "the scenario file (JSON)")
      ->required()
      ->type_name("SCENARIO.json");
}

struct Parser {
  CLI::App app{"Runs Gradscape scenarios headless, for batch work and reproducibility.",
               "gradscape-cli"};
  CLI::App* run = nullptr;
  CLI::App* list = nullptr;
  CLI::App* validate = nullptr;
  CLI::App* spectrum = nullptr;
  CLI::App* render = nullptr;
  CLI::App* help = nullptr;
  std::string helpTopic, at = "final", method, renderAt = "final", renderSize, renderFps,
                         renderSeconds;

  explicit Parser(CommandLine& c) {
    app.set_version_flag("--version", std::string("gradscape-cli ") + programVersion());
    app.require_subcommand(1);
    app.fallthrough(false);

    run = app.add_subcommand("run", "run a scenario, print a summary, write CSV traces");
    addScenario(run, c.run.scenarioPath);
    run->add_option("-o,--out", c.run.outDir, "where the CSV traces and summary.json go")
        ->type_name("DIR")
        ->capture_default_str();
    run->add_option("--json", c.run.jsonPath,
                    "also write every run (spec, status, seed, trace) to this JSON file")
        ->type_name("FILE");
    run->footer(kRunFooter);

    list = app.add_subcommand("list", "objectives, optimizers, schedules, noise models");
    list->add_option("category", c.list.category, "what to list (default: all)")
        ->check(CLI::IsMember({"all", "objectives", "optimizers", "schedules", "noise"}));
    list->footer(kListFooter);

    validate = app.add_subcommand("validate", "check scenario files without running them");
    validate->add_option("scenarios", c.validate.paths, "scenario files")
        ->required()
        ->type_name("SCENARIO.json...");
    validate->footer(kValidateFooter);

    spectrum = app.add_subcommand("spectrum", "Hessian spectrum at an iterate of a run (CSV)");
    addScenario(spectrum, c.spectrum.scenarioPath);
    auto& s = c.spectrum;
    spectrum->add_option("--run", s.run, "run index, 0-based as in runs[N]")
        ->check(CLI::Range(size_t{0}, size_t{1} << 40))
        ->capture_default_str();
    spectrum->add_option("--at", at, "'final' or an iteration number")
        ->check(kIteration)
        ->capture_default_str();
    spectrum
        ->add_option("--method", method,
                     "dense|lanczos|slq (default: dense up to 2000 "
                     "dimensions, else lanczos)")
        ->check(CLI::IsMember({"dense", "lanczos", "slq"}));
    spectrum->add_option("--out", s.outPath, "CSV file to write (default: standard output)")
        ->type_name("FILE");
    spectrum->add_option("--count", s.request.count, "lanczos: eigenvalues from each end")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    spectrum->add_option("--steps", s.request.slq.steps, "slq: Lanczos steps per probe")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    spectrum->add_option("--probes", s.request.slq.probes, "slq: random probes")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    spectrum->add_option("--seed", s.request.slq.seed, "slq: probe seed")
        ->check(CLI::Range(uint64_t{0}, uint64_t{1} << 53))
        ->capture_default_str();
    spectrum
        ->add_option("--sigma", s.request.sigma,
                     "slq: Gaussian broadening (default: 1% of the spectrum's width)")
        ->check(kPositiveFinite);
    spectrum->footer(kSpectrumFooter);

    render = app.add_subcommand("render", "a picture or video of a view (map, charts, ...)");
    addScenario(render, c.render.scenarioPath);
    auto& r = c.render;
    render->add_option("--view", r.view, "map|surface|convergence|sharpness|spectrum|window")
        ->check(CLI::IsMember({"map", "surface", "convergence", "sharpness", "spectrum", "window"}))
        ->capture_default_str();
    render
        ->add_option("-o,--out", r.outPath,
                     "the file to write: .png, .svg, .pdf, .mp4, .webm or .gif")
        ->required()
        ->type_name("FILE");
    render->add_option("--size", renderSize, "the view's size in pixels (default: per view)")
        ->check(kSize);
    render
        ->add_option("--scale", r.scale,
                     "PNG and video: draw the view this many times larger, 0.25 to 8")
        ->check(CLI::Range(0.25, 8.0))
        ->capture_default_str();
    render->add_option("--at", renderAt, "'final' or the iteration the runs stop at")
        ->check(kIteration)
        ->capture_default_str();
    render->add_option("--theme", r.theme, "light|dark")
        ->check(CLI::IsMember({"light", "dark"}))
        ->capture_default_str();
    render->add_option("--fps", renderFps, "video: frames per second, 1 to 60 (default 30)")
        ->check(kFps);
    render->add_option("--seconds", renderSeconds, "video: its length, at most 600 (default 10)")
        ->check(kSeconds);
    render->add_flag("--orbit", r.orbit, "video of the surface: the camera turns once around");
    render->footer(kRenderFooter);

    help = app.add_subcommand("help", "help for a command");
    help->add_option("command", helpTopic, "run, list, validate, spectrum or render");
  }

  bool isCommand(const std::string& name) const {
    for (const CLI::App* command : {run, list, validate, spectrum, render, help}) {
      if (command->get_name() == name) return true;
    }
    return false;
  }

  // The help text of `topic`'s command, or of the program.
  std::string helpFor(const std::string& topic) const {
    for (CLI::App* command : {run, list, validate, spectrum, render}) {
      if (command->get_name() == topic) return command->help(app.get_name());
    }
    return app.help();
  }
};

}  // namespace

std::pair<int, int> renderDefaultSize(const std::string& view, bool video) {
  if (video) return {1280, 720};
  if (view == "map" || view == "surface") return {1024, 800};
  if (view == "window") return {1280, 800};
  return {1024, 640};
}

CommandLine parseCommandLine(const std::vector<std::string>& args, std::ostream& out,
                             std::ostream& err) {
  CommandLine c;
  // CLI11 keeps references into `c`, so the parser lives only inside this call.
  const auto parser = std::make_unique<Parser>(c);
  if (args.empty()) {
    err << parser->app.help();
    c.exitCode = kBadInput;
    return c;
  }
  const std::string& first = args.front();
  if (!first.empty() && first[0] != '-' && !parser->isCommand(first)) {
    err << "gradscape-cli: unknown command '" << printableText(first, 60)
        << "'; expected one of: run, list, validate, spectrum, render, help\n";
    c.exitCode = kBadInput;
    return c;
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  try {
    parser->app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    // -h after a command shows that command's help.
    std::string topic;
    for (CLI::App* command : parser->app.get_subcommands()) topic = command->get_name();
    out << parser->helpFor(topic);
    c.exitCode = kOk;
    return c;
  } catch (const CLI::CallForAllHelp&) {
    out << parser->app.help();
    c.exitCode = kOk;
    return c;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    c.exitCode = kOk;
    return c;
  } catch (const CLI::ParseError& e) {
    std::string where = "gradscape-cli";
    for (CLI::App* command : parser->app.get_subcommands()) where += " " + command->get_name();
    err << where << ": " << printableText(e.what(), 300) << "\n"
        << "run '" << where << " --help' for its options\n";
    c.exitCode = kBadInput;
    return c;
  }
  if (parser->help->parsed()) {
    out << parser->helpFor(parser->helpTopic);
    c.exitCode = kOk;
  } else if (parser->run->parsed()) {
    c.command = Command::Run;
  } else if (parser->list->parsed()) {
    c.command = Command::List;
  } else if (parser->validate->parsed()) {
    c.command = Command::Validate;
  } else if (parser->render->parsed()) {
    c.command = Command::Render;
    if (parser->renderAt != "final") c.render.at = std::stoll(parser->renderAt);
    if (!parser->renderSize.empty()) {
      parseSize(parser->renderSize, c.render.width, c.render.height);
    }
    double v = 0.0;  // both were checked by their validators
    if (!parser->renderFps.empty() && CLI::detail::lexical_cast(parser->renderFps, v)) {
      c.render.fps = v;
    }
    if (!parser->renderSeconds.empty() && CLI::detail::lexical_cast(parser->renderSeconds, v)) {
      c.render.seconds = v;
    }
  } else {
    c.command = Command::Spectrum;
    if (parser->at != "final") c.spectrum.at = std::stoll(parser->at);
    SpectrumMethod m{};
    if (!parser->method.empty() && parseSpectrumMethod(parser->method, m)) c.spectrum.method = m;
  }
  return c;
}

}  // namespace gradscape::cli
