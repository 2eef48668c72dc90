// libFuzzer target: any JSON value -> json_detail::describe, the "got ..." part of every
// scenario error message. Whatever the value (deeply nested, huge, odd strings), its rendering
// must come back without an exception, short and printable (issue 11). The input is parsed by
// nlohmann with the parser's own limits; inputs that are not JSON are skipped.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <typeinfo>

#include <nlohmann/json.hpp>

#include "core/scenario/json_params.h"

namespace {

// Longest rendering accepted: a message line, not a dump of the value.
constexpr size_t kMaxLength = 200;

[[noreturn]] void finding(const char* what, const std::string& detail) {
  std::fprintf(stderr, "\n*** fuzz_json_describe finding: %s\n%s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const nlohmann::json value =
      nlohmann::json::parse(data, data + size, /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return 0;
  std::string text;
  try {
    text = gradscape::json_detail::describe(value);
  } catch (const std::exception& e) {
    finding("describe() threw", std::string(typeid(e).name()) + ": " + e.what());
  }
  if (text.empty()) finding("describe() returned nothing", "");
  if (text.size() > kMaxLength) {
    finding("describe() is longer than a message line", std::to_string(text.size()) + " bytes");
  }
  // C0 controls only (ESC starts terminal escape sequences); terminals ignore DEL.
  for (const unsigned char c : text) {
    if (c < 0x20) finding("describe() holds a control character", nlohmann::json(text).dump());
  }
  return 0;
}
