#include "app/gui/registry_combo.h"

namespace gradscape::gui {

RegistryCombo::RegistryCombo(QWidget* parent) : QComboBox(parent) {
  // Long titles must not widen a narrow sidebar; the popup still shows them whole.
  setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  setMinimumContentsLength(8);
  connect(this, &QComboBox::currentIndexChanged, this, &RegistryCombo::onIndexChanged);
}

RegistryCombo::~RegistryCombo() = default;

void RegistryCombo::addEntry(const std::string& name, const std::string& title,
                             const std::string& help) {
  const bool first = count() == 0;
  if (first) quiet_ = true;  // adding the first item selects it: not a user's choice
  addItem(QString::fromStdString(title), QString::fromStdString(name));
  setItemData(count() - 1, QString::fromStdString(help), Qt::ToolTipRole);
  if (first) {
    quiet_ = false;
    setToolTip(QString::fromStdString(help));
  }
}

std::string RegistryCombo::currentName() const {
  return currentData().toString().toStdString();
}

std::string RegistryCombo::currentHelp() const {
  return currentIndex() < 0 ? std::string()
                            : itemData(currentIndex(), Qt::ToolTipRole).toString().toStdString();
}

bool RegistryCombo::setCurrentName(std::string_view name) {
  const int index = findData(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
  if (index < 0) return false;
  quiet_ = true;
  setCurrentIndex(index);
  quiet_ = false;
  setToolTip(QString::fromStdString(currentHelp()));
  return true;
}

void RegistryCombo::clearEntries() {
  quiet_ = true;
  clear();
  quiet_ = false;
}

void RegistryCombo::finishEntries() {
  setToolTip(QString::fromStdString(currentHelp()));
}

void RegistryCombo::onIndexChanged(int index) {
  setToolTip(QString::fromStdString(currentHelp()));
  if (quiet_ || index < 0) return;
  emit nameChanged(currentData().toString());
}

}  // namespace gradscape::gui
