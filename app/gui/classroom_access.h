#pragma once
// Applies a scenario's classroom settings (core/scenario/classroom.h) to the window's editors: the
// widgets of a hidden control are hidden, those of a locked one disabled, with a tooltip that
// says why. Widgets are found by objectName (the sections' group boxes and pickers, the
// parameter forms' "param.<name>.*" controls), so the window applies it again whenever an editor
// rebuilds a form; what an earlier application changed is put back first (a widget an editor had
// disabled for its own reasons stays disabled).
#include "core/scenario/classroom.h"

class QWidget;

namespace gradscape::gui {

void applyClassroom(QWidget* root, const Classroom& classroom);

// The tooltip a locked control shows.
inline constexpr const char* kLockedTip = "Locked by this scenario's classroom settings";

}  // namespace gradscape::gui
