#include "plots/run_label.h"

#include "core/optimizers/optimizer_registry.h"

namespace gradscape::plots {

std::string legendLabel(const RunSpec& spec, int maxParams) {
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
      append(name + "=" + (index < param->choices.size() ? param->choices[index] : "?"));
    } else if (param && param->kind == ParamKind::Boolean) {
      append(value != 0.0 ? name : "no " + name);
    } else {
      append(name + "=" + formatNumber(value));
    }
  }
  if (spec.schedule != "constant") append(spec.schedule);
  if (spec.noise != "none") append(spec.noise + " noise");
  const std::string label = spec.label.empty() && entry ? entry->title : spec.label;
  return details.empty() ? label : label + " (" + details + ")";
}

}  // namespace gradscape::plots
