#pragma once
// Traces as CSV: one row per recorded iteration, full double precision.
#include <ostream>
#include <string>

#include "core/run/trace.h"

namespace gradscape {

// Header: iteration,x0,...,x{n-1},loss,grad_norm,step_norm,lr
void writeTraceCsv(const Trace& trace, std::ostream& out);
// Returns false when the file cannot be written.
bool writeTraceCsvFile(const Trace& trace, const std::string& path);

}  // namespace gradscape
