#include "plots/run_label.h"

#include <set>

#include "core/optimizers/optimizer_registry.h"

namespace gradscape::plots {

namespace {
std::string labelWithDetails(const RunSpec& spec, const std::string& title, int maxParams) {
  std::string details;
  auto append = [&details](const std::string& text) {
    if (!details.empty()) details += ", ";
    details += text;
  };
  const auto* entry = optimizerRegistry().find(spec.optimizer);
  int shown = 0;
  for (const auto& [name, value] : spec.optimizerParams.items()) {
    const ParamSpec* param = entry ? findParam(entry->params, name) : nullptr;
    const bool isDefault = param && param->defaultValue == value;
    if (name != "lr" && isDefault) continue;
    if (shown++ >= maxParams) break;
    if (param && param->kind == ParamKind::Choice) {
      const auto index = static_cast<size_t>(value);
      // The choice's own name says what it is ("strong_wolfe"), and keeps the label short.
      append(index < param->choices.size() ? param->choices[index] : name + "=?");
    } else if (param && param->kind == ParamKind::Boolean) {
      append(value != 0.0 ? name : "no " + name);
    } else {
      append(name + "=" + labelNumber(value));
    }
  }
  if (spec.schedule != "constant") append(spec.schedule);
  if (spec.noise != "none") append(spec.noise + " noise");
  return details.empty() ? title : title + " (" + details + ")";
}
}  // namespace

std::string legendLabel(const RunSpec& spec, int maxParams) {
  const auto* entry = optimizerRegistry().find(spec.optimizer);
  return labelWithDetails(spec, spec.label.empty() && entry ? entry->title : spec.label, maxParams);
}

std::vector<RunNames> runNames(const std::vector<RunSpec>& runs) {
  std::vector<RunNames> out;
  out.reserve(runs.size());
  std::set<std::string> taken;
  for (const auto& run : runs) {
    const auto* entry = optimizerRegistry().find(run.optimizer);
    const std::string base = run.label.empty() && entry ? entry->title : run.label;
    std::string name = base;
    for (int k = 2; taken.count(name) > 0; ++k) name = base + " (" + std::to_string(k) + ")";
    taken.insert(name);
    out.push_back({name, labelWithDetails(run, name, 3)});
  }
  return out;
}

}  // namespace gradscape::plots
