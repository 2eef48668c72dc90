#pragma once
// A slider and an exact numeric entry side by side for one real parameter. The slider maps its
// positions linearly or logarithmically onto a range chosen from the parameter's spec; the
// entry accepts the whole valid range (values beyond the slider's range park the handle at an
// end). Child objectNames: "<name>.slider" (QSlider) and "<name>.entry" (NumberEntry), where
// <name> is passed to the constructor.
#include <QWidget>

#include "core/registry/params.h"

class QSlider;

namespace gradscape::gui {

class NumberEntry;

// Slider position p in [0, steps] <-> value:
//   linear: v = lo + (hi - lo) p / steps
//   log:    v = lo (hi / lo)^(p / steps), so the middle position is sqrt(lo hi).
struct SliderScale {
  double lo = 0.0;
  double hi = 1.0;
  bool log = false;
  int steps = 1000;

  // The range a slider for `spec` should cover. A log range spans at most 6 decades; wider (or
  // reaching 0) ones are cut to [default / 1000, default * 1000] within the valid range. A linear
  // range wider than 20 * max(|default|, 1) is cut to default +- 10 * max(|default|, 1).
  static SliderScale forSpec(const ParamSpec& spec, int steps = 1000);

  // The exact mapped value (no rounding).
  double valueAt(int position) const;
  // The nearest position; values outside [lo, hi] give an end.
  int positionOf(double value) const;
  // valueAt() rounded to a readable number: 3 significant digits on a log scale, the step's
  // decimal resolution on a linear one.
  double roundedValueAt(int position) const;
};

class LogSlider : public QWidget {
  Q_OBJECT
 public:
  explicit LogSlider(const ParamSpec& spec, const QString& objectNamePrefix,
                     QWidget* parent = nullptr);
  ~LogSlider() override;

  // Shows a value set elsewhere (never emits).
  void setValue(double value);
  double value() const { return value_; }
  const SliderScale& scale() const { return scale_; }
  QSlider* slider() const { return slider_; }
  NumberEntry* entry() const { return entry_; }

 signals:
  // The user moved the slider (on every position change while dragging) or committed a valid
  // typed value.
  void valueChanged(double value);

 private:
  void onSliderMoved(int position);
  void onEntryCommitted(double value);
  void placeHandle();

  ParamSpec spec_;
  SliderScale scale_;
  double value_ = 0.0;
  QSlider* slider_ = nullptr;
  NumberEntry* entry_ = nullptr;
};

}  // namespace gradscape::gui
