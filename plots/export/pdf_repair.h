#pragma once
// Two faults in the PDFs that Debian's GL2PS 1.4.2 and VTK 9.1 write, around the paths VTK hands
// GL2PS as "specials" (the charts' point markers):
// - GL2PS puts "/GS<i><j> gs" before each special, naming a graphics state (ExtGState) that the
//   page's resources never declare (pdftoppm: "ExtGState 'GS30' is unknown");
// - VTK's path sets its opacity with "<a> ca" (or "CA") in the content stream, where ca and CA
//   are keys of a graphics state, not operators (pdftoppm: "Unknown operator 'ca'").
// Viewers skip both, with the markers opaque; stricter ones warn about a damaged file.
#include <string>

namespace gradscape::plots {

// `pdf` with every graphics state its content stream names declared (an undeclared one as an
// empty state, which changes nothing) and the stray opacity lines taken out; the stream's length
// and the cross-reference table are rewritten to match. A file without the layout GL2PS writes
// (one content stream, object 4, its length in object 5, the page in object 6) comes back as it
// was.
std::string repairGl2psPdf(const std::string& pdf);

}  // namespace gradscape::plots
