#include "core/export/trace_csv.h"

#include <fstream>

#include "core/registry/params.h"

namespace gradscape {

void writeTraceCsv(const Trace& trace, std::ostream& out) {
  out << "iteration";
  for (int i = 0; i < trace.dim(); ++i) out << ",x" << i;
  out << ",loss,grad_norm,step_norm,lr\n";
  for (int64_t r = 0; r < trace.size(); ++r) {
    out << trace.iteration(r);
    const auto x = trace.point(r);
    for (int i = 0; i < trace.dim(); ++i) out << ',' << formatNumber(x[i]);
    out << ',' << formatNumber(trace.loss(r)) << ',' << formatNumber(trace.gradNorm(r)) << ','
        << formatNumber(trace.stepNorm(r)) << ',' << formatNumber(trace.lr(r)) << '\n';
  }
}

bool writeTraceCsvFile(const Trace& trace, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  writeTraceCsv(trace, out);
  return static_cast<bool>(out);
}

}  // namespace gradscape
