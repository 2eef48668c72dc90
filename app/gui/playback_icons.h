#pragma once
// The playback toolbar's icons, drawn in a given colour (the palette's button text) so that they
// stay visible in the light and the dark theme; the style's own media icons are dark pixmaps.
#include <QColor>
#include <QIcon>

namespace gradscape::gui {

enum class PlaybackIcon { Play, Pause, Step, Reset, RunToEnd, Stop };

QIcon playbackIcon(PlaybackIcon kind, const QColor& ink);

}  // namespace gradscape::gui
