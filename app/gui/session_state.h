#pragma once
// What an autosave holds: the scenario being edited, where it came from, whether it differs
// from that file, and the window's view state (which views, colour scale, chart quantity and
// axes, active tab, selected run). Written as JSON; reading one that is damaged throws
// SessionError with the reason, never crashes.
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <stdexcept>

#include "core/scenario/scenario.h"

namespace gradscape::gui {

struct ViewState {
  enum class Layout { Contour, Surface, Both };  // LandscapePanel::Layout's order
  enum class Quantity { Loss, Gap, GradNorm, LearningRate, StepNorm };  // ConvergenceQuantity's

  Layout layout = Layout::Both;
  bool logColourScale = true;
  bool gradientArrows = false;
  bool quadraticModel = false;
  bool newtonSteps = false;
  int analysisTab = 0;  // convergence, sharpness, spectrum, model
  Quantity chartQuantity = Quantity::Loss;
  bool chartLogX = false;
  bool chartLogY = true;
  int selectedRun = 0;
  bool liveMode = true;

  bool operator==(const ViewState&) const = default;
};

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
