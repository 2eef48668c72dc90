#include "app/gui/session_state.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/scenario/scenario_json.h"

namespace gradscape::gui {

using nlohmann::json;

namespace {

// The format's name and version: a file without them is not an autosave of ours.
constexpr const char* kFormat = "gradscape-session";
constexpr int kVersion = 1;

// nlohmann's message without its "[json.exception.parse_error.101] " tag.
std::string reasonOf(const json::exception& e) {
  const std::string text = e.what();
  const size_t tag = text.rfind("] ", text.find(' '));
  return text.front() == '[' && tag != std::string::npos ? text.substr(tag + 2) : text;
}

// Autosaves of earlier versions named the analysis tab by its index.
json withTabName(json view) {
  static const char* const kTabs[] = {"convergence", "sharpness", "spectrum", "model", "update"};
  if (view.is_object() && view.contains("analysis_tab") &&
      view["analysis_tab"].is_number_integer()) {
    view["analysis_tab"] = kTabs[std::clamp(view["analysis_tab"].get<int>(), 0, 4)];
  }
  return view;
}

}  // namespace

QByteArray sessionToJson(const Session& session) {
  const json j = {{"format", kFormat},
                  {"version", kVersion},
                  {"saved_at", session.savedAt.toUTC().toString(Qt::ISODateWithMs).toStdString()},
                  {"file", session.filePath.toStdString()},
                  {"modified", session.modified},
                  {"view", viewStateToJson(session.view)},
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
  try {
    session.view = readViewState(withTabName(j.value("view", json::object())), "view",
                                 static_cast<int>(session.scenario.start.size()),
                                 session.scenario.runs.size());
  } catch (const std::exception& e) {
    throw SessionError(e.what());
  }
  return session;
}

}  // namespace gradscape::gui
