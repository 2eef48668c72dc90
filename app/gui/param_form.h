#pragma once
// Controls generated from a registry's parameter list: per parameter a label (tooltip: its help
// and valid range), a slider (logarithmic when the spec says so) and an exact numeric entry
// beside it; integers get a spin box, flags a check box, choices a combo box. Invalid typed
// values are marked and named in the tooltip and never emitted.
//
// Child objectNames, for tests and style sheets (<name> is the parameter's name):
//   "param.<name>.label"   QLabel, tooltip "<name> — <help>. Range: ..."
//   "param.<name>.slider"  QSlider (Real), 1000 steps, log or linear (see log_slider.h)
//   "param.<name>.entry"   NumberEntry, a QLineEdit (Real)
//   "param.<name>.spin"    QSpinBox (Integer)
//   "param.<name>.check"   QCheckBox (Boolean)
//   "param.<name>.combo"   QComboBox (Choice, value = index)
#include <QWidget>
#include <memory>
#include <vector>
#include "core/registry/params.h"

namespace gradscape::gui {

class ParamForm : public QWidget {
  Q_OBJECT
 public:
  explicit ParamForm(QWidget* parent = nullptr);
  ~ParamForm() override;
  // Rebuilds the controls. `values` may be partial: missing ones show the defaults.
  void setSpecs(const std::vector<ParamSpec>& specs, const ParamValues& values);
  // Updates the shown values without rebuilding (and without emitting valuesChanged).
  void setValues(const ParamValues& values);
  // Every parameter's current (valid) value.
  ParamValues values() const;
  const std::vector<ParamSpec>& specs() const;

 signals:
  // After a slider move, a committed numeric entry, a toggle or a choice. `name` names the
  // parameter that changed.
  void valuesChanged(const QString& name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gradscape::gui
