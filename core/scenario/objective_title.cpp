#include "core/scenario/objective_title.h"

#include "core/objectives/objective_registry.h"
#include "core/registry/params.h"

namespace gradscape {

std::string objectiveTitle(const ObjectiveSpec& spec) {
  const auto* entry = objectiveRegistry().find(spec.type);
  std::string title = entry ? entry->title : spec.type;
  std::string params;
  if (entry) {
    const ParamValues values = ParamValues::withDefaults(entry->params, spec.params);
    const bool onlyChanged = entry->params.size() > 3;
    for (const auto& p : entry->params) {
      const double v = values.get(p.name);
      if (onlyChanged && v == p.defaultValue) continue;
      const auto choice = static_cast<size_t>(v);
      const std::string text = p.kind == ParamKind::Choice && choice < p.choices.size()
                                   ? p.choices[choice]
                                   : labelNumber(v);
      params += (params.empty() ? "" : ", ") + p.name + "=" + text;
    }
  }
  return params.empty() ? title : title + " (" + params + ")";
}

}  // namespace gradscape
