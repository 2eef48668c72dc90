#pragma once
// Checks on scenario JSON text that the JSON library does not make, run before it parses:
// nesting deeper than kMaxJsonDepth (a hostile file of 10^5 nested brackets would exhaust the
// stack wherever the value is later copied or printed), keys that appear twice in one object
// (which value would win is invisible to the user), and numbers too large for a double (the
// library's own message names no place). Each problem is a ScenarioError naming the JSON path
// and the line and column. Text that is not valid JSON is left to the parser, which names the
// line and column of the syntax error.
#include <cstddef>
#include <string_view>

namespace gradscape {

inline constexpr int kMaxJsonDepth = 64;
// Scenario files larger than this are refused before they are read.
inline constexpr size_t kMaxScenarioBytes = size_t{64} << 20;

// Throws ScenarioError for the first problem found.
void checkJsonText(std::string_view text);

}  // namespace gradscape
