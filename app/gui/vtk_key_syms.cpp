#include "app/gui/vtk_key_syms.h"

#include <vtkRenderWindowInteractor.h>

#include <QKeyEvent>
#include <Qt>
#include <map>

namespace gradscape::gui {

// X11 key symbol names, the ones VTK's interactor styles and widgets look for.
const char* specialKeySym(int key) {
  static const std::map<int, const char*> kSyms{
      {Qt::Key_Backspace, "BackSpace"},
      {Qt::Key_Tab, "Tab"},
      {Qt::Key_Backtab, "Tab"},
      {Qt::Key_Return, "Return"},
      {Qt::Key_Enter, "KP_Enter"},
      {Qt::Key_Escape, "Escape"},
      {Qt::Key_Delete, "Delete"},
      {Qt::Key_Insert, "Insert"},
      {Qt::Key_Home, "Home"},
      {Qt::Key_End, "End"},
      {Qt::Key_Left, "Left"},
      {Qt::Key_Up, "Up"},
      {Qt::Key_Right, "Right"},
      {Qt::Key_Down, "Down"},
      {Qt::Key_PageUp, "Prior"},
      {Qt::Key_PageDown, "Next"},
      {Qt::Key_Shift, "Shift_L"},
      {Qt::Key_Control, "Control_L"},
      {Qt::Key_Alt, "Alt_L"},
      {Qt::Key_Meta, "Meta_L"},
      {Qt::Key_CapsLock, "Caps_Lock"},
      {Qt::Key_Pause, "Pause"},
      {Qt::Key_Print, "Print"},
      {Qt::Key_F1, "F1"},
      {Qt::Key_F2, "F2"},
      {Qt::Key_F3, "F3"},
      {Qt::Key_F4, "F4"},
      {Qt::Key_F5, "F5"},
      {Qt::Key_F6, "F6"},
      {Qt::Key_F7, "F7"},
      {Qt::Key_F8, "F8"},
      {Qt::Key_F9, "F9"},
      {Qt::Key_F10, "F10"},
      {Qt::Key_F11, "F11"},
      {Qt::Key_F12, "F12"},
  };
  const auto it = kSyms.find(key);
  return it == kSyms.end() ? nullptr : it->second;
}

// The key symbol of a printable ASCII character: itself for letters and digits, its X11 name
// for punctuation.
std::string charKeySym(char c) {
  static const std::map<char, const char*> kNames{
      {' ', "space"},      {'!', "exclam"},       {'"', "quotedbl"},    {'#', "numbersign"},
      {'$', "dollar"},     {'%', "percent"},      {'&', "ampersand"},   {'\'', "apostrophe"},
      {'(', "parenleft"},  {')', "parenright"},   {'*', "asterisk"},    {'+', "plus"},
      {',', "comma"},      {'-', "minus"},        {'.', "period"},      {'/', "slash"},
      {':', "colon"},      {';', "semicolon"},    {'<', "less"},        {'=', "equal"},
      {'>', "greater"},    {'?', "question"},     {'@', "at"},          {'[', "bracketleft"},
      {'\\', "backslash"}, {']', "bracketright"}, {'^', "asciicircum"}, {'_', "underscore"},
      {'`', "grave"},      {'{', "braceleft"},    {'|', "bar"},         {'}', "braceright"},
      {'~', "asciitilde"},
  };
  const auto it = kNames.find(c);
  return it == kNames.end() ? std::string(1, c) : std::string(it->second);
}

char setKeyEventInformation(vtkRenderWindowInteractor* interactor, const QKeyEvent& event) {
  const QString text = event.text();
  char code = 0;
  std::string sym;
  if (text.size() == 1 && text[0].unicode() >= 0x20 && text[0].unicode() < 0x7f) {
    code = static_cast<char>(text[0].unicode());
    sym = charKeySym(code);
  } else if (const char* special = specialKeySym(event.key())) {
    sym = special;
    if (event.key() == Qt::Key_Return || event.key() == Qt::Key_Enter) code = '\r';
    if (event.key() == Qt::Key_Escape) code = 27;
    if (event.key() == Qt::Key_Tab) code = '\t';
  } else if (text.size() == 1 && text[0].unicode() < 0x20) {
    code = static_cast<char>(text[0].unicode());  // Ctrl+letter
  }
  const auto mods = event.modifiers();
  interactor->SetKeyEventInformation(
      mods.testFlag(Qt::ControlModifier) ? 1 : 0, mods.testFlag(Qt::ShiftModifier) ? 1 : 0, code,
      event.isAutoRepeat() ? 1 : 0, sym.empty() ? nullptr : sym.c_str());
  interactor->SetAltKey(mods.testFlag(Qt::AltModifier) ? 1 : 0);
  if (sym.empty()) interactor->SetKeySym(nullptr);
  return code;
}

}  // namespace gradscape::gui
