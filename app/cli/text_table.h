#pragma once
// A plain-text table with aligned columns, for terminal output.
#include <ostream>
#include <string>
#include <vector>

namespace gradscape::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void addRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Columns whose index is in `rightAligned` are right-aligned (numbers).
  void print(std::ostream& out, const std::vector<size_t>& rightAligned = {}) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// %.6g-style formatting for tables.
std::string shortNumber(double value);

}  // namespace gradscape::cli
