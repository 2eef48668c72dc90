// gradscape-cli: runs Gradscape scenarios headless, for batch work and reproducibility.
#include <iostream>
#include <string>

#include "app/cli/commands.h"

namespace {

const char* const kUsage =
    "usage: gradscape-cli <command> [arguments]\n"
    "\n"
    "Commands:\n"
    "  run SCENARIO.json [--out DIR]   run a scenario, print a summary, write CSV traces\n"
    "  list [CATEGORY]                 objectives, optimizers, schedules, noise models\n"
    "  validate SCENARIO.json...       check scenario files without running them\n"
    "  spectrum SCENARIO.json [...]    Hessian spectrum at an iterate of a run (CSV)\n"
    "  help [COMMAND]                  help for a command\n"
    "\n"
    "Options: -h, --help (also after a command), --version\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace gradscape::cli;
  Args args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return kBadInput;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "-h" || command == "--help") {
    std::cout << kUsage;
    return kOk;
  }
  if (command == "--version") {
    std::cout << "gradscape-cli 0.1.0\n";
    return kOk;
  }
  if (command == "help") {
    const std::string topic = args.empty() ? "" : args.front();
    if (topic == "run")
      std::cout << kRunHelp;
    else if (topic == "list")
      std::cout << kListHelp;
    else if (topic == "validate")
      std::cout << kValidateHelp;
    else if (topic == "spectrum")
      std::cout << kSpectrumHelp;
    else
      std::cout << kUsage;
    return kOk;
  }
  try {
    if (command == "run") return runCommand(args);
    if (command == "list") return listCommand(args);
    if (command == "validate") return validateCommand(args);
    if (command == "spectrum") return spectrumCommand(args);
  } catch (const std::exception& e) {
    // Anything that escapes a command is a bug; still leave with a message, not an abort.
    std::cerr << "gradscape-cli: internal error: " << e.what() << '\n';
    return kFailure;
  }
  std::cerr << "gradscape-cli: unknown command '" << command << "'\n" << kUsage;
  return kBadInput;
}
