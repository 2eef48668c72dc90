#pragma once
// A combo box listing the entries of a registry: the title is shown, the name is the item data
// (Qt::UserRole) and the help line is the item's tooltip (and the box's, for the current item).
#include <QComboBox>
#include <string>
#include <string_view>

#include "core/registry/registry.h"

namespace gradscape::gui {

class RegistryCombo : public QComboBox {
  Q_OBJECT
 public:
  explicit RegistryCombo(QWidget* parent = nullptr);
  ~RegistryCombo() override;

  template <class T>
  void setRegistry(const Registry<T>& registry) {
    clearEntries();
    for (const auto& e : registry.entries()) addEntry(e.name, e.title, e.help);
    finishEntries();
  }
  // One item; prefer setRegistry.
  void addEntry(const std::string& name, const std::string& title, const std::string& help);

  std::string currentName() const;
  std::string currentHelp() const;
  // Selects the entry with this name (without emitting nameChanged); false when there is none.
  bool setCurrentName(std::string_view name);

 signals:
  // The current entry changed, by the user or by a program (except setCurrentName).
  void nameChanged(const QString& name);

 private:
  void clearEntries();
  void finishEntries();
  void onIndexChanged(int index);
  bool quiet_ = false;
};

}  // namespace gradscape::gui
