#pragma once
// Qt keys as the X11 key symbol names that VTK's interactor styles and widgets look for
// ("Left", "Prior", "plus", ...), and Qt key events as a VTK interactor's key information.
#include <string>

class QKeyEvent;
class vtkRenderWindowInteractor;

namespace gradscape::gui {

// The symbol of a non-printing key (arrows, function keys, modifiers...), or nullptr.
const char* specialKeySym(int key);
// The symbol of a printable ASCII character: itself for letters and digits, its X11 name for
// punctuation.
std::string charKeySym(char c);

// Gives the interactor the key of a Qt key event (character, symbol, modifiers, auto-repeat).
// Returns the character VTK's CharEvent carries, 0 for keys that type none.
char setKeyEventInformation(vtkRenderWindowInteractor* interactor, const QKeyEvent& event);

}  // namespace gradscape::gui
