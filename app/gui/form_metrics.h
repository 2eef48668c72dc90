#pragma once
// Sizes shared by the editor widgets so that rows of different panels line up in a sidebar of
// 270 to 380 px: a fixed label column, a stretching control and a fixed numeric entry.

namespace gradscape::gui::form_metrics {

inline constexpr int kLabelWidth = 86;     // parameter names longer than this wrap
inline constexpr int kEntryWidth = 72;     // numeric entries beside sliders
inline constexpr int kRowSpacing = 3;      // vertical gap between rows
inline constexpr int kColumnSpacing = 6;   // gap between label, control and entry
inline constexpr int kSliderSteps = 1000;  // positions of every parameter slider

}  // namespace gradscape::gui::form_metrics
