#pragma once
// Traces as CSV: one row per recorded iteration, full double precision (the shortest text that
// reads back to the same double; non-finite values as nan, inf, -inf). Readable by
// pandas.read_csv without options: one header line, no comment lines.
#include <cstddef>
#include <ostream>
#include <string>

#include "core/run/trace.h"

namespace gradscape {

// Header: iteration,x0,...,x{n-1},loss,grad_norm,step_norm,lr,field_evals,loss_evals,
// hessian_products, then
// top_eigenvalue,bottom_eigenvalue,hessian_trace when the run tracked its curvature
// (trace_table.h). The x columns are there when every row has its iterate (iteratesInRows);
// otherwise the iterates go to a file of their own (writeIteratesCsv). Rows and curvature
// samples are merged by iteration; cells with nothing measured are empty.
void writeTraceCsv(const Trace& trace, std::ostream& out);
// The iterates a many-dimensional trace keeps apart from its rows: iteration,x0,...,x{n-1}, one
// line per kept iterate.
void writeIteratesCsv(const Trace& trace, std::ostream& out);
// Write the files atomically, safe against a crash of the process but not flushed to the disk
// (see core/io/atomic_file.h). Return "" on success, else the reason (the file is then as it
// was).
std::string writeTraceCsvFile(const Trace& trace, const std::string& path);
std::string writeIteratesCsvFile(const Trace& trace, const std::string& path);
// The file name of run `index`'s trace: "run3_adam_lr_0_01.csv" for "Adam (lr=0.01)" (lower
// case letters, digits and single underscores, at most 48 characters from the label).
std::string traceFileName(size_t index, const std::string& label);
// "run0_adam.csv" -> "run0_adam_iterates.csv": where the iterates kept apart go.
std::string iteratesFileName(const std::string& traceFileName);

}  // namespace gradscape
