#include "core/export/trace_csv.h"

#include <cctype>
#include <string>

#include "core/export/trace_table.h"
#include "core/io/atomic_file.h"
#include "core/registry/params.h"

namespace gradscape {

namespace {

void writeHeader(std::ostream& out, const std::vector<std::string>& columns) {
  for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << '\n';
}

}  // namespace

void writeTraceCsv(const Trace& trace, std::ostream& out) {
  writeHeader(out, traceColumns(trace));
  forEachTraceRow(trace, [&out](int64_t iteration, const TraceCells& cells) {
    out << iteration;
    for (const auto& cell : cells) {
      out << ',';
      if (cell) out << formatNumber(*cell);
    }
    out << '\n';
  });
}

void writeIteratesCsv(const Trace& trace, std::ostream& out) {
  writeHeader(out, iterateColumns(trace));
  for (int64_t i = 0; i < trace.pointCount(); ++i) {
    out << trace.pointIteration(i);
    const auto x = trace.point(i);
    for (int d = 0; d < trace.dim(); ++d) out << ',' << formatNumber(x[d]);
    out << '\n';
  }
}

std::string writeTraceCsvFile(const Trace& trace, const std::string& path) {
  // Batches write thousands of traces: no disk flush per file (see Durability).
  return writeFileAtomically(
      path, [&trace](std::ostream& out) { writeTraceCsv(trace, out); },
      Durability::ProcessCrashSafe);
}

std::string writeIteratesCsvFile(const Trace& trace, const std::string& path) {
  return writeFileAtomically(
      path, [&trace](std::ostream& out) { writeIteratesCsv(trace, out); },
      Durability::ProcessCrashSafe);
}

std::string traceFileName(size_t index, const std::string& label) {
  // Safe in file names everywhere.
  std::string s;
  for (char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      s += static_cast<char>(std::tolower(u));
    } else if (!s.empty() && s.back() != '_') {
      s += '_';
    }
  }
  while (!s.empty() && s.back() == '_') s.pop_back();
  return "run" + std::to_string(index) + "_" + (s.empty() ? "run" : s.substr(0, 48)) + ".csv";
}

std::string iteratesFileName(const std::string& traceFileName) {
  const std::string csv = ".csv";
  const bool hasCsv =
      traceFileName.size() >= csv.size() &&
      traceFileName.compare(traceFileName.size() - csv.size(), csv.size(), csv) == 0;
  const std::string stem =
      hasCsv ? traceFileName.substr(0, traceFileName.size() - csv.size()) : traceFileName;
  return stem + "_iterates.csv";
}

}  // namespace gradscape
