#pragma once
// Traces as CSV: one row per recorded iteration, full double precision.
#include <ostream>
#include <string>

#include "core/run/trace.h"

namespace gradscape {

// Header: iteration,x0,...,x{n-1},loss,grad_norm,step_norm,lr, then
// top_eigenvalue,bottom_eigenvalue,hessian_trace when the run tracked its curvature. The x
// columns appear when every row holds its iterate (Trace::pointsPerRow: small dimensions).
// Rows and curvature samples are merged by iteration; cells with nothing measured are empty.
void writeTraceCsv(const Trace& trace, std::ostream& out);
// Writes the file atomically, safe against a crash of the process but not flushed to the disk
// (see core/io/atomic_file.h). Returns "" on success, else the reason
// (the file is then as it was).
std::string writeTraceCsvFile(const Trace& trace, const std::string& path);

}  // namespace gradscape
