#pragma once
// Text from files and command lines made safe to print in a message: control characters
// (C0, DEL, C1: terminal escape sequences among them) and a NUL are shown as \u escapes, bytes
// that are not UTF-8 as \xNN, and long text is cut with "...". Valid printable UTF-8 passes
// unchanged.
#include <cstddef>
#include <string>
#include <string_view>

namespace gradscape {

std::string printableText(std::string_view text, size_t maxCharacters = 200);

}  // namespace gradscape
