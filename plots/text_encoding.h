#pragma once
// UTF-8 text for outputs whose fonts hold few glyphs: spelled in ASCII, or in the single-byte
// encoding of GL2PS's PDF text (the standard 14 fonts with /Encoding /MacRomanEncoding, in
// which the UTF-8 bytes of "−" read as ",àí").
#include <string>

namespace gradscape::plots {

// `text` in ASCII: Greek letters by name ("λ" as "lambda"), "−", "–" and "—" as "-", "≤" as
// "<=", "≈" as "~", "→" as "->", "‖" as "||", "∇" as "grad ", "×" and "·" as "x" and "*",
// accented letters without their accent; a run of subscripts as "_" and plain characters, a run
// of superscripts likewise after "^" ("xₖ₊₁" as "x_k+1", "10⁻³" as "10^-3"); combining marks
// dropped; anything else, and bytes that are not UTF-8, as "?".
std::string asciiSpelling(const std::string& text);

// `text` as bytes of PDF's MacRomanEncoding: ASCII as it is, the characters that encoding has
// (accented Latin letters, "—", "–", quotes, "…", "·", "°", "±", "µ", ...) as their byte, the rest
// spelled as asciiSpelling() does. PDF's MacRomanEncoding leaves out the mathematical symbols of
// Apple's Mac OS Roman ("≤", "∞", "π", ...): those are spelled too.
std::string macRomanText(const std::string& text);

}  // namespace gradscape::plots
