#pragma once
// Edits what all runs share: the objective (picker from the registry, its parameters), the
// start point (typed; the views set it by clicking) and the stop rules (max iterations, gradient
// tolerance, optional target loss, divergence bound).
//
// Child objectNames, for tests: "objective" RegistryCombo, "objectiveHelp" QLabel,
// "objectiveParams" ParamForm (reset to the defaults when the type changes); "startX",
// "startY" NumberEntry (6 significant digits shown, the exact value kept); "maxIterations"
// QSpinBox (1 .. 100,000,000; a larger limit from setScenario is kept until edited); "gradTol"
// NumberEntry (>= 0); "targetLossEnabled" QCheckBox and "targetLoss" NumberEntry;
// "divergenceBound" NumberEntry (> 0). Sections: "objectiveGroup", "stopGroup" QGroupBox.
#include <QWidget>
#include <memory>
#include "core/scenario/scenario.h"

namespace gradscape::gui {

class ObjectiveEditor : public QWidget {
  Q_OBJECT
 public:
  explicit ObjectiveEditor(QWidget* parent = nullptr);
  ~ObjectiveEditor() override;
  // Shows the objective, start and stop rules of a scenario (without emitting signals).
  void setScenario(const Scenario& scenario);
  ObjectiveSpec objective() const;
  Vec start() const;
  StopRules stopRules() const;
  // Shows a start point set elsewhere (a click on a view), without emitting startChanged().
  void setStart(double x, double y);
  // N-D problems start at their seeded initialisation: the typed start is then disabled.
  void setStartEditable(bool editable);

 signals:
  void objectiveChanged();  // the type or a parameter
  void startChanged();
  void stopRulesChanged();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
