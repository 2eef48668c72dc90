#include "plots/text_encoding.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

namespace gradscape::plots {

namespace {

constexpr char32_t kInvalid = 0xFFFD;

// The code points of a UTF-8 string; a byte that does not begin a well-formed sequence reads
// as U+FFFD.
std::vector<char32_t> decode(const std::string& text) {
  std::vector<char32_t> out;
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t extra = 0;
    char32_t c = lead;
    if (lead >= 0xF0 && lead < 0xF8) {
      extra = 3;
      c = lead & 0x07;
    } else if (lead >= 0xE0) {
      extra = 2;
      c = lead & 0x0F;
    } else if (lead >= 0xC0) {
      extra = 1;
      c = lead & 0x1F;
    }
    bool ok = lead < 0x80 || (lead >= 0xC0 && lead < 0xF8);
    for (size_t k = 1; ok && k <= extra; ++k) {
      ok = i + k < n && (byte(i + k) & 0xC0) == 0x80;
      if (ok) c = (c << 6) | (byte(i + k) & 0x3F);
    }
    out.push_back(ok ? c : kInvalid);
    i += ok ? 1 + extra : 1;
  }
  return out;
}

template <class Value>
struct Entry {
  char32_t code;
  Value value;
};

template <class Value>
constexpr bool byCode(const Entry<Value>& a, const Entry<Value>& b) {
  return a.code < b.code;
}

// The value for `code` in a table sorted by code, or null.
template <class Value, size_t N>
const Value* find(const Entry<Value> (&table)[N], char32_t code) {
  const auto* it =
      std::lower_bound(std::begin(table), std::end(table), Entry<Value>{code, {}}, byCode<Value>);
  return it != std::end(table) && it->code == code ? &it->value : nullptr;
}

// Subscripts (first) and superscripts: their plain character.
enum class Script { Sub, Super };
struct Scripted {
  char plain;
  Script script;
};
constexpr Entry<Scripted> kScripts[] = {
    {0x00B2, {'2', Script::Super}}, {0x00B3, {'3', Script::Super}}, {0x00B9, {'1', Script::Super}},
    {0x1D40, {'T', Script::Super}}, {0x1D57, {'t', Script::Super}}, {0x1D62, {'i', Script::Sub}},
    {0x1D63, {'r', Script::Sub}},   {0x1D64, {'u', Script::Sub}},   {0x1D65, {'v', Script::Sub}},
    {0x2070, {'0', Script::Super}}, {0x2071, {'i', Script::Super}}, {0x2074, {'4', Script::Super}},
    {0x2075, {'5', Script::Super}}, {0x2076, {'6', Script::Super}}, {0x2077, {'7', Script::Super}},
    {0x2078, {'8', Script::Super}}, {0x2079, {'9', Script::Super}}, {0x207A, {'+', Script::Super}},
    {0x207B, {'-', Script::Super}}, {0x207F, {'n', Script::Super}}, {0x2080, {'0', Script::Sub}},
    {0x2081, {'1', Script::Sub}},   {0x2082, {'2', Script::Sub}},   {0x2083, {'3', Script::Sub}},
    {0x2084, {'4', Script::Sub}},   {0x2085, {'5', Script::Sub}},   {0x2086, {'6', Script::Sub}},
    {0x2087, {'7', Script::Sub}},   {0x2088, {'8', Script::Sub}},   {0x2089, {'9', Script::Sub}},
    {0x208A, {'+', Script::Sub}},   {0x208B, {'-', Script::Sub}},   {0x2090, {'a', Script::Sub}},
    {0x2091, {'e', Script::Sub}},   {0x2092, {'o', Script::Sub}},   {0x2093, {'x', Script::Sub}},
    {0x2095, {'h', Script::Sub}},   {0x2096, {'k', Script::Sub}},   {0x2097, {'l', Script::Sub}},
    {0x2098, {'m', Script::Sub}},   {0x2099, {'n', Script::Sub}},   {0x209C, {'t', Script::Sub}},
    {0x2C7C, {'j', Script::Sub}},
};

// ASCII spellings of symbols and Greek letters.
constexpr Entry<std::string_view> kSpellings[] = {
    {0x00A0, " "},       {0x00A1, "!"},       {0x00A2, "c"},      {0x00A3, "GBP"},
    {0x00A5, "JPY"},     {0x00A7, "S"},       {0x00A9, "(c)"},    {0x00AB, "<<"},
    {0x00AC, "not "},    {0x00AE, "(R)"},     {0x00B0, " deg"},   {0x00B1, "+/-"},
    {0x00B5, "mu"},      {0x00B7, "*"},       {0x00BB, ">>"},     {0x00BC, "1/4"},
    {0x00BD, "1/2"},     {0x00BE, "3/4"},     {0x00BF, "?"},      {0x00C6, "AE"},
    {0x00D7, "x"},       {0x00DF, "ss"},      {0x00E6, "ae"},     {0x00F7, "/"},
    {0x0152, "OE"},      {0x0153, "oe"},      {0x0393, "Gamma"},  {0x0394, "Delta"},
    {0x0398, "Theta"},   {0x039B, "Lambda"},  {0x039E, "Xi"},     {0x03A0, "Pi"},
    {0x03A3, "Sigma"},   {0x03A6, "Phi"},     {0x03A8, "Psi"},    {0x03A9, "Omega"},
    {0x03B1, "alpha"},   {0x03B2, "beta"},    {0x03B3, "gamma"},  {0x03B4, "delta"},
    {0x03B5, "epsilon"}, {0x03B6, "zeta"},    {0x03B7, "eta"},    {0x03B8, "theta"},
    {0x03B9, "iota"},    {0x03BA, "kappa"},   {0x03BB, "lambda"}, {0x03BC, "mu"},
    {0x03BD, "nu"},      {0x03BE, "xi"},      {0x03BF, "o"},      {0x03C0, "pi"},
    {0x03C1, "rho"},     {0x03C3, "sigma"},   {0x03C4, "tau"},    {0x03C5, "upsilon"},
    {0x03C6, "phi"},     {0x03C7, "chi"},     {0x03C8, "psi"},    {0x03C9, "omega"},
    {0x03D5, "phi"},     {0x03F5, "epsilon"}, {0x2010, "-"},      {0x2011, "-"},
    {0x2012, "-"},       {0x2013, "-"},       {0x2014, "-"},      {0x2016, "||"},
    {0x2018, "'"},       {0x2019, "'"},       {0x201C, "\""},     {0x201D, "\""},
    {0x2022, "*"},       {0x2026, "..."},     {0x2032, "'"},      {0x2044, "/"},
    {0x2122, "(TM)"},    {0x2190, "<-"},      {0x2192, "->"},     {0x2194, "<->"},
    {0x21D2, "=>"},      {0x2202, "d"},       {0x2206, "Delta"},  {0x2207, "grad "},
    {0x220F, "Prod"},    {0x2211, "Sum"},     {0x2212, "-"},      {0x221A, "sqrt"},
    {0x221E, "inf"},     {0x2225, "||"},      {0x2248, "~"},      {0x2260, "!="},
    {0x2264, "<="},      {0x2265, ">="},      {0x2715, "x"},
};

// Latin-1 letters U+00C0-U+00FF without their accent ('?' where the table above spells the
// letter, and for thorn).
constexpr std::string_view kLatinLetters =
    "AAAAAA?CEEEEIIIIDNOOOOO?OUUUUY??aaaaaa?ceeeeiiiidnooooo?ouuuuy?y";

// PDF's MacRomanEncoding (PDF 1.7, annex D), but for the mathematical symbols it leaves out of
// Apple's Mac OS Roman, U+00A0 (a space is spelled) and 0xDB (currency in PDF, euro on the Mac).
constexpr Entry<unsigned char> kMacRoman[] = {
    {0x00A1, 0xC1}, {0x00A2, 0xA2}, {0x00A3, 0xA3}, {0x00A5, 0xB4}, {0x00A7, 0xA4}, {0x00A8, 0xAC},
    {0x00A9, 0xA9}, {0x00AA, 0xBB}, {0x00AB, 0xC7}, {0x00AC, 0xC2}, {0x00AE, 0xA8}, {0x00AF, 0xF8},
    {0x00B0, 0xA1}, {0x00B1, 0xB1}, {0x00B4, 0xAB}, {0x00B5, 0xB5}, {0x00B6, 0xA6}, {0x00B7, 0xE1},
    {0x00B8, 0xFC}, {0x00BA, 0xBC}, {0x00BB, 0xC8}, {0x00BF, 0xC0}, {0x00C0, 0xCB}, {0x00C1, 0xE7},
    {0x00C2, 0xE5}, {0x00C3, 0xCC}, {0x00C4, 0x80}, {0x00C5, 0x81}, {0x00C6, 0xAE}, {0x00C7, 0x82},
    {0x00C8, 0xE9}, {0x00C9, 0x83}, {0x00CA, 0xE6}, {0x00CB, 0xE8}, {0x00CC, 0xED}, {0x00CD, 0xEA},
    {0x00CE, 0xEB}, {0x00CF, 0xEC}, {0x00D1, 0x84}, {0x00D2, 0xF1}, {0x00D3, 0xEE}, {0x00D4, 0xEF},
    {0x00D5, 0xCD}, {0x00D6, 0x85}, {0x00D8, 0xAF}, {0x00D9, 0xF4}, {0x00DA, 0xF2}, {0x00DB, 0xF3},
    {0x00DC, 0x86}, {0x00DF, 0xA7}, {0x00E0, 0x88}, {0x00E1, 0x87}, {0x00E2, 0x89}, {0x00E3, 0x8B},
    {0x00E4, 0x8A}, {0x00E5, 0x8C}, {0x00E6, 0xBE}, {0x00E7, 0x8D}, {0x00E8, 0x8F}, {0x00E9, 0x8E},
    {0x00EA, 0x90}, {0x00EB, 0x91}, {0x00EC, 0x93}, {0x00ED, 0x92}, {0x00EE, 0x94}, {0x00EF, 0x95},
    {0x00F1, 0x96}, {0x00F2, 0x98}, {0x00F3, 0x97}, {0x00F4, 0x99}, {0x00F5, 0x9B}, {0x00F6, 0x9A},
    {0x00F7, 0xD6}, {0x00F8, 0xBF}, {0x00F9, 0x9D}, {0x00FA, 0x9C}, {0x00FB, 0x9E}, {0x00FC, 0x9F},
    {0x00FF, 0xD8}, {0x0131, 0xF5}, {0x0152, 0xCE}, {0x0153, 0xCF}, {0x0178, 0xD9}, {0x0192, 0xC4},
    {0x02C6, 0xF6}, {0x02C7, 0xFF}, {0x02D8, 0xF9}, {0x02D9, 0xFA}, {0x02DA, 0xFB}, {0x02DB, 0xFE},
    {0x02DC, 0xF7}, {0x02DD, 0xFD}, {0x03BC, 0xB5}, {0x2013, 0xD0}, {0x2014, 0xD1}, {0x2018, 0xD4},
    {0x2019, 0xD5}, {0x201A, 0xE2}, {0x201C, 0xD2}, {0x201D, 0xD3}, {0x201E, 0xE3}, {0x2020, 0xA0},
    {0x2021, 0xE0}, {0x2022, 0xA5}, {0x2026, 0xC9}, {0x2030, 0xE4}, {0x2039, 0xDC}, {0x203A, 0xDD},
    {0x2044, 0xDA}, {0x2122, 0xAA}, {0xFB01, 0xDE}, {0xFB02, 0xDF},
};

static_assert(std::is_sorted(std::begin(kScripts), std::end(kScripts), byCode<Scripted>));
static_assert(std::is_sorted(std::begin(kSpellings), std::end(kSpellings),
                             byCode<std::string_view>));
static_assert(std::is_sorted(std::begin(kMacRoman), std::end(kMacRoman), byCode<unsigned char>));

void spell(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c >= 0x0300 && c <= 0x036F) {
    // A combining mark ("x̂") leaves its base letter as it is.
  } else if (const auto* s = find(kSpellings, c)) {
    out += *s;
  } else if (c >= 0x00C0 && c <= 0x00FF) {
    out += kLatinLetters[c - 0x00C0];
  } else if (c == 0x015D) {
    out += 's';  // ŝ
  } else if (c == 0x1E21) {
    out += 'g';  // ḡ
  } else {
    out += '?';
  }
}

std::string encode(const std::string& text, bool macRoman) {
  std::string out;
  out.reserve(text.size());
  const Scripted* open = nullptr;  // the run of sub- or superscripts being written
  for (char32_t c : decode(text)) {
    if (const auto* s = find(kScripts, c)) {
      if (open == nullptr || open->script != s->script) {
        out += s->script == Script::Super ? '^' : '_';
      }
      out += s->plain;
      open = s;
      continue;
    }
    open = nullptr;
    const unsigned char* byte = macRoman ? find(kMacRoman, c) : nullptr;
    if (byte != nullptr) {
      out += static_cast<char>(*byte);
    } else {
      spell(c, out);
    }
  }
  return out;
}

}  // namespace

std::string asciiSpelling(const std::string& text) {
  return encode(text, false);
}

std::string macRomanText(const std::string& text) {
  return encode(text, true);
}

}  // namespace gradscape::plots
