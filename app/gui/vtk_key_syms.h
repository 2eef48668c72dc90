#pragma once
// Qt keys as the X11 key symbol names that VTK's interactor styles and widgets look for
// ("Left", "Prior", "plus", ...), for forwarding Qt key events to a VTK interactor.
#include <string>

namespace gradscape::gui {

// The symbol of a non-printing key (arrows, function keys, modifiers...), or nullptr.
const char* specialKeySym(int key);
// The symbol of a printable ASCII character: itself for letters and digits, its X11 name for
// punctuation.
std::string charKeySym(char c);

}  // namespace gradscape::gui
