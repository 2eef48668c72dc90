#include "app/gui/session_state.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/scenario/scenario_json.h"

namespace gradscape::gui {

using nlohmann::json;

namespace {

// The format's name and version: a file without them is not an autosave of ours.
constexpr const char* kFormat = "gradscape-session";
constexpr int kVersion = 1;

// Enumerations are written by name, so a reordered enum never restores the wrong view.
constexpr std::array<std::string_view, 3> kLayouts = {"contour", "surface", "both"};
constexpr std::array<std::string_view, 5> kQuantities = {"loss", "gap", "grad_norm",
                                                         "learning_rate", "step_norm"};

template <size_t N>
int indexOf(const std::array<std::string_view, N>& names, const std::string& name,
            const char* key) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    throw SessionError(std::string("view.") + key + ": unknown \"" + name + "\"");
  return int(it - names.begin());
}

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string reasonOf(const json::exception& e) {
  const std::string text = e.what();
  const size_t tag = text.rfind("] ", text.find(' '));
  return text.front() == '[' && tag != std::string::npos ? text.substr(tag + 2) : text;
}

template <typename T>
T read(const json& object, const char* key, T fallback) {
  const auto it = object.find(key);
  return it == object.end() ? fallback : it->get<T>();
}

json viewToJson(const ViewState& v) {
  return {{"layout", kLayouts[size_t(v.layout)]},
          {"log_colour_scale", v.logColourScale},
          {"gradient_arrows", v.gradientArrows},
          {"quadratic_model", v.quadraticModel},
          {"newton_steps", v.newtonSteps},
          {"analysis_tab", v.analysisTab},
          {"chart_quantity", kQuantities[size_t(v.chartQuantity)]},
          {"chart_log_x", v.chartLogX},
          {"chart_log_y", v.chartLogY},
          {"selected_run", v.selectedRun},
          {"live_mode", v.liveMode}};
}

// Missing keys keep their defaults: the view state is a convenience, the scenario is the work.
ViewState viewFromJson(const json& j) {
  ViewState v;
  if (!j.is_object()) return v;
  if (j.contains("layout")) {
    v.layout = ViewState::Layout(indexOf(kLayouts, j["layout"].get<std::string>(), "layout"));
  }
  v.logColourScale = read(j, "log_colour_scale", v.logColourScale);
  v.gradientArrows = read(j, "gradient_arrows", v.gradientArrows);
  v.quadraticModel = read(j, "quadratic_model", v.quadraticModel);
  v.newtonSteps = read(j, "newton_steps", v.newtonSteps);
  v.analysisTab = std::clamp(read(j, "analysis_tab", v.analysisTab), 0, 3);
  if (j.contains("chart_quantity")) {
    v.chartQuantity = ViewState::Quantity(
        indexOf(kQuantities, j["chart_quantity"].get<std::string>(), "chart_quantity"));
  }
  v.chartLogX = read(j, "chart_log_x", v.chartLogX);
  v.chartLogY = read(j, "chart_log_y", v.chartLogY);
  v.selectedRun = std::max(read(j, "selected_run", v.selectedRun), 0);
  v.liveMode = read(j, "live_mode", v.liveMode);
  return v;
}

}  // namespace

QByteArray sessionToJson(const Session& session) {
  const json j = {{"format", kFormat},
                  {"version", kVersion},
                  {"saved_at", session.savedAt.toUTC().toString(Qt::ISODateWithMs).toStdString()},
                  {"file", session.filePath.toStdString()},
                  {"modified", session.modified},
                  {"view", viewToJson(session.view)},
                  {"scenario", scenarioToJson(session.scenario)}};
  return QByteArray::fromStdString(j.dump(1) + '\n');
}

Session sessionFromJson(const QByteArray& text) {
  json j;
  try {
    j = json::parse(text.constData(), text.constData() + text.size());
  } catch (const json::exception& e) {
    throw SessionError(text.isEmpty() ? "the file is empty" : "not JSON: " + reasonOf(e));
  }
  Session session;
  try {
    if (!j.is_object() || j.value("format", "") != kFormat) {
      throw SessionError("not a Gradscape session");
    }
    if (j.value("version", 0) != kVersion) {
      throw SessionError("session format version " + j["version"].dump() + ", expected " +
                         std::to_string(kVersion));
    }
    if (!j.contains("scenario")) throw SessionError("it holds no scenario");
    session.filePath = QString::fromStdString(j.value("file", ""));
    session.modified = j.value("modified", true);
    session.view = viewFromJson(j.value("view", json::object()));
    session.savedAt =
        QDateTime::fromString(QString::fromStdString(j.value("saved_at", "")), Qt::ISODateWithMs);
  } catch (const json::exception& e) {
    throw SessionError(reasonOf(e));
  }
  try {
    session.scenario = scenarioFromJson(j["scenario"]);
  } catch (const std::exception& e) {
    throw SessionError(std::string("its scenario: ") + e.what());
  }
  return session;
}

}  // namespace gradscape::gui
