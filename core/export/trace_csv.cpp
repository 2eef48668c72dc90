#include "core/export/trace_csv.h"

#include <cmath>
#include <string>

#include "core/io/atomic_file.h"
#include "core/registry/params.h"

namespace gradscape {

namespace {

void writeCell(std::ostream& out, double v) {
  out << ',' << formatNumber(v);
}

}  // namespace

void writeTraceCsv(const Trace& trace, std::ostream& out) {
  const bool points = trace.pointsPerRow();
  const auto& curvature = trace.curvature();
  const bool tracked = !curvature.empty();
  out << "iteration";
  if (points) {
    for (int i = 0; i < trace.dim(); ++i) out << ",x" << i;
  }
  out << ",loss,grad_norm,step_norm,lr";
  if (tracked) out << ",top_eigenvalue,bottom_eigenvalue,hessian_trace";
  out << '\n';
  // Rows and curvature samples merged by iteration; a cell with nothing measured stays empty.
  size_t c = 0;
  const auto rows = trace.size();
  for (int64_t r = 0; r < rows || c < curvature.size();) {
    const bool haveRow = r < rows;
    const bool haveSample = c < curvature.size();
    const int64_t k = haveRow && (!haveSample || trace.iteration(r) <= curvature[c].iteration)
                          ? trace.iteration(r)
                          : curvature[c].iteration;
    out << k;
    if (haveRow && trace.iteration(r) == k) {
      if (points) {
        const auto x = trace.point(r);
        for (int i = 0; i < trace.dim(); ++i) writeCell(out, x[i]);
      }
      writeCell(out, trace.loss(r));
      writeCell(out, trace.gradNorm(r));
      writeCell(out, trace.stepNorm(r));
      writeCell(out, trace.lr(r));
      ++r;
    } else {
      out << std::string(static_cast<size_t>(points ? trace.dim() : 0) + 4, ',');
    }
    if (tracked) {
      if (haveSample && curvature[c].iteration == k) {
        writeCell(out, curvature[c].top);
        writeCell(out, curvature[c].bottom);
        if (std::isnan(curvature[c].trace)) {
          out << ',';
        } else {
          writeCell(out, curvature[c].trace);
        }
        ++c;
      } else {
        out << ",,,";
      }
    }
    out << '\n';
  }
}

std::string writeTraceCsvFile(const Trace& trace, const std::string& path) {
  // Batches write thousands of traces: no disk flush per file (see Durability).
  return writeFileAtomically(
      path, [&trace](std::ostream& out) { writeTraceCsv(trace, out); },
      Durability::ProcessCrashSafe);
}

}  // namespace gradscape
