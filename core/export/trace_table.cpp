#include "core/export/trace_table.h"

#include <algorithm>
#include <cmath>

namespace gradscape {

namespace {

// "x12". (Not "x" + std::to_string(i): GCC 12 at -O3 warns of an overlapping memcpy in it,
// a known false positive that -Werror would turn into an error.)
std::string coordinateName(int i) {
  std::string name(1, 'x');
  name += std::to_string(i);
  return name;
}

}  // namespace

bool iteratesInRows(const Trace& trace) {
  if (trace.pointsPerRow()) return true;
  if (trace.pointCount() != trace.size()) return false;
  for (int64_t i = 0; i < trace.size(); ++i) {
    if (trace.pointIteration(i) != trace.iteration(i)) return false;
  }
  return true;
}

std::vector<std::string> traceColumns(const Trace& trace) {
  std::vector<std::string> columns{"iteration"};
  if (iteratesInRows(trace)) {
    for (int i = 0; i < trace.dim(); ++i) columns.push_back(coordinateName(i));
  }
  for (const char* name :
       {"loss", "grad_norm", "step_norm", "lr", "field_evals", "loss_evals", "hessian_products"}) {
    columns.emplace_back(name);
  }
  if (!trace.curvature().empty()) {
    for (const char* name : {"top_eigenvalue", "bottom_eigenvalue", "hessian_trace"}) {
      columns.emplace_back(name);
    }
  }
  return columns;
}

void forEachTraceRow(const Trace& trace,
                     const std::function<void(int64_t iteration, const TraceCells& cells)>& row) {
  const bool points = iteratesInRows(trace);
  const auto& curvature = trace.curvature();
  const bool tracked = !curvature.empty();
  const size_t pointCells = points ? static_cast<size_t>(trace.dim()) : 0;
  TraceCells cells(pointCells + 7 + (tracked ? 3 : 0));
  size_t c = 0;
  const auto rows = trace.size();
  for (int64_t r = 0; r < rows || c < curvature.size();) {
    const bool haveRow = r < rows;
    const bool haveSample = c < curvature.size();
    const int64_t k = haveRow && (!haveSample || trace.iteration(r) <= curvature[c].iteration)
                          ? trace.iteration(r)
                          : curvature[c].iteration;
    std::fill(cells.begin(), cells.end(), std::nullopt);
    if (haveRow && trace.iteration(r) == k) {
      if (points) {
        const auto x = trace.point(r);
        for (size_t i = 0; i < pointCells; ++i) cells[i] = x[static_cast<Eigen::Index>(i)];
      }
      cells[pointCells] = trace.loss(r);
      cells[pointCells + 1] = trace.gradNorm(r);
      cells[pointCells + 2] = trace.stepNorm(r);
      cells[pointCells + 3] = trace.lr(r);
      const EvaluationCounts& evals = trace.evaluations(r);
      cells[pointCells + 4] = static_cast<double>(evals.field);
      cells[pointCells + 5] = static_cast<double>(evals.loss);
      cells[pointCells + 6] = static_cast<double>(evals.hessianProducts);
      ++r;
    }
    if (haveSample && curvature[c].iteration == k) {
      cells[pointCells + 7] = curvature[c].top;
      cells[pointCells + 8] = curvature[c].bottom;
      if (!std::isnan(curvature[c].trace)) cells[pointCells + 9] = curvature[c].trace;
      ++c;
    }
    row(k, cells);
  }
}

std::vector<std::string> iterateColumns(const Trace& trace) {
  std::vector<std::string> columns{"iteration"};
  for (int i = 0; i < trace.dim(); ++i) columns.push_back(coordinateName(i));
  return columns;
}

std::string iteratesNote(const Trace& trace) {
  return "This run has " + std::to_string(trace.dim()) +
         " dimensions. To bound its memory the trace keeps every recorded row's values but at "
         "most " +
         std::to_string(std::max<int64_t>(4, Trace::kPointBudget / trace.dim())) +
         " iterates (2^22 numbers), evenly thinned, the first and the final one kept: " +
         std::to_string(trace.pointCount()) + " iterates for " + std::to_string(trace.size()) +
         " rows. They are in a table of their own (iteration, x0..x" +
         std::to_string(trace.dim() - 1) + ").";
}

}  // namespace gradscape
