#pragma once
// What an autosave holds: the scenario being edited, where it came from, whether it differs
// from that file, and the window's view state (core/scenario/view_state.h: which views, cameras,
// colour scale, chart quantity and axes, active tab, selected run, slice). Written as JSON; reading
// one that is damaged throws SessionError with the reason, never crashes.
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <stdexcept>

#include "core/scenario/scenario.h"

namespace gradscape::gui {

struct Session {
  Scenario scenario;
  QString filePath;  // empty: untitled
  bool modified = true;
  ViewState view;
  QDateTime savedAt;  // when the autosave was written (UTC)
};

class SessionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

QByteArray sessionToJson(const Session& session);
// Throws SessionError naming what is wrong (not JSON, not a session, a bad scenario).
Session sessionFromJson(const QByteArray& text);

}  // namespace gradscape::gui
