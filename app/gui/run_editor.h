#pragma once
// Edits one run: label, optimizer (tooltip: its update rule) and its hyperparameters, schedule
// and its parameters with an optional linear warmup, gradient clipping, noise model and its
// parameters, minibatches (finite-sum objectives only), the seed, and curvature tracking.
// Start point and stop rules are edited by ObjectiveEditor.
// Switching the optimizer starts the new one from its own defaults (Adam's lr of 0.001 is no
// lr for Newton), unless this run already had values for it: the editor remembers, per
// optimizer, the values the run last had (given by setRunSpec or typed), so switching back
// restores them. Switching the schedule or noise model keeps the values of same-named
// parameters that are valid for the new method and resets the others to its defaults.
//
// Child objectNames, for tests:
//   "label" QLineEdit; "optimizer", "schedule", "noise" RegistryCombo (a QComboBox whose item
//   data is the registry name and item tooltip the help); "optimizerHelp", "scheduleHelp",
//   "noiseHelp" QLabel; "optimizerParams", "scheduleParams", "noiseParams" ParamForm;
//   "warmupParams" ParamForm with "warmup_steps" (Integer) and "warmup_start" (Real, the
//   start factor); "clipMode" QComboBox (none, norm, value); "clipParams" ParamForm with
//   "threshold", enabled unless the mode is none; "seed" QSpinBox (0 .. 2^31-1; a larger seed
//   from setRunSpec is kept until the box is edited); "minibatchSize" QSpinBox (0 = "full
//   batch", up to the sample count) and "minibatchReplacement" QCheckBox, both enabled only for
//   finite sums; "curvatureEvery" QSpinBox (0 = "off", up to 1,000,000) and "curvatureTrace"
//   QCheckBox, enabled while every > 0. A minibatch size or an interval from setRunSpec that
//   its box cannot show is kept until the box is edited. Sections: "optimizerGroup",
//   "scheduleGroup", "gradientGroup" (clipping, noise, minibatch, seed), "curvatureGroup"
//   QGroupBox.
#include <QWidget>
#include <map>
#include <memory>
#include <string>
#include "core/run/run_spec.h"

namespace gradscape::gui {

class RunEditor : public QWidget {
  Q_OBJECT
 public:
  explicit RunEditor(QWidget* parent = nullptr);
  ~RunEditor() override;
  // Per optimizer name, the hyperparameters a run last had for it.
  using ParamMemory = std::map<std::string, ParamValues>;
  // Shows a run (without emitting changed()) with the values it had for other optimizers
  // (the window keeps one memory per run; a run shown without one starts with none).
  void setRunSpec(const RunSpec& spec, ParamMemory memory = {});
  // The shown run's memory, with its current optimizer's values.
  const ParamMemory& paramMemory() const;
  // The edited run; start and stop rules are those passed to setRunSpec.
  RunSpec runSpec() const;
  // As tall as all rows need: in a scroll area the editor scrolls instead of squeezing its rows.
  QSize minimumSizeHint() const override;
  // The objective's sampleCount(): 0 (not a sum over samples) disables the minibatch controls,
  // N > 0 enables them with sizes up to N. Never emits changed().
  void setSampleCount(int64_t samples);

 signals:
  void changed();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
