#pragma once
// A trace as a table, shared by the CSV and the JSON exports: its columns, and its rows merged
// by iteration (the trace's rows and its curvature samples). The iterates that a
// many-dimensional run keeps apart from its rows (core/run/trace.h) form a table of their own.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/run/trace.h"

namespace gradscape {

// True when every row of the trace has its iterate: always up to 16 dimensions
// (Trace::pointsPerRow), and beyond when the iterates kept apart are those of exactly the rows'
// iterations (runs short enough for the iterate budget). The x columns are then in the rows.
bool iteratesInRows(const Trace& trace);

// iteration, x0..x{n-1} (when iteratesInRows), loss, grad_norm, step_norm, lr, field_evals,
// loss_evals, hessian_products (what the optimizer had asked of its oracle before the step from
// the row's iterate: Trace::evaluations), and top_eigenvalue, bottom_eigenvalue, hessian_trace
// when the run tracked its curvature.
std::vector<std::string> traceColumns(const Trace& trace);

// The cells of one merged row after its iteration, parallel to traceColumns() without the first:
// a cell with nothing measured there (a curvature sample without a row, or the reverse, or the
// Hessian trace when not tracked) is empty.
using TraceCells = std::vector<std::optional<double>>;
void forEachTraceRow(const Trace& trace,
                     const std::function<void(int64_t iteration, const TraceCells& cells)>& row);

// The iterates kept apart from the rows (when !iteratesInRows): iteration, x0..x{n-1}, one row
// per kept iterate.
std::vector<std::string> iterateColumns(const Trace& trace);
// Why the iterates are not in the rows and how many there are, for the JSON and the README.
std::string iteratesNote(const Trace& trace);

}  // namespace gradscape
