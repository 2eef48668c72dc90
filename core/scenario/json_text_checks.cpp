#include "core/scenario/json_text_checks.h"

#include <locale.h>

#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/scenario/scenario.h"

namespace gradscape {

namespace {

struct Place {
  size_t line = 1, column = 1;
  std::string text() const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
  }
};

struct Frame {
  bool object = false;
  bool expectKey = true;  // objects: the next string is a key
  int64_t index = 0;      // arrays: the element being read
  std::string key;        // objects: the member being read
  std::unordered_map<std::string, Place> keys;
};

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void run() {
    // The parser skips a UTF-8 byte order mark; so do the checks.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    while (skipSpace()) {
      const char c = text_[pos_];
      const Place at = place_;
      if (c == '{' || c == '[') {
        if (static_cast<int>(stack_.size()) >= kMaxJsonDepth) {
          throw ScenarioError(path(), "nested deeper than " + std::to_string(kMaxJsonDepth) +
                                          " levels at " + at.text());
        }
        stack_.emplace_back();
        stack_.back().object = c == '{';
        advance();
      } else if (c == '}' || c == ']') {
        if (stack_.empty() || stack_.back().object != (c == '}')) return;  // parser's error
        stack_.pop_back();
        advance();
      } else if (c == ',') {
        if (stack_.empty()) return;
        if (stack_.back().object) {
          stack_.back().expectKey = true;
        } else {
          ++stack_.back().index;
        }
        advance();
      } else if (c == ':') {
        advance();
      } else if (c == '"') {
        std::string s;
        if (!readString(s)) return;
        if (!stack_.empty() && stack_.back().object && stack_.back().expectKey) onKey(s, at);
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        readNumber(at);
      } else if (c >= 'a' && c <= 'z') {
        while (pos_ < text_.size() && text_[pos_] >= 'a' && text_[pos_] <= 'z') advance();
      } else {
        return;  // not JSON: the parser names it
      }
    }
  }

 private:
  void advance() {
    if (text_[pos_] == '\n') {
      ++place_.line;
      place_.column = 1;
    } else {
      ++place_.column;
    }
    ++pos_;
  }

  bool skipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      advance();
    }
    return pos_ < text_.size();
  }

  // Reads a string literal (pos_ at its opening quote), decoding escapes. False at a malformed
  // one (left to the parser).
  bool readString(std::string& out) {
    advance();
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        advance();
        return true;
      }
      if (c != '\\') {
        out += c;
        advance();
        continue;
      }
      advance();
      if (pos_ >= text_.size()) return false;
      const char e = text_[pos_];
      advance();
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!readHex4(cp)) return false;
          if (cp >= 0xd800 && cp < 0xdc00 && pos_ + 1 < text_.size() && text_[pos_] == '\\' &&
              text_[pos_ + 1] == 'u') {
            advance();
            advance();
            uint32_t low = 0;
            if (!readHex4(low)) return false;
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          }
          appendUtf8(out, cp);
          break;
        }
        default:
          out += e;  // \" \\ \/
      }
    }
    return false;
  }

  bool readHex4(uint32_t& value) {
    for (int i = 0; i < 4; ++i) {
      if (pos_ >= text_.size()) return false;
      const char h = text_[pos_];
      const int digit = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      value = value * 16 + static_cast<uint32_t>(digit);
      advance();
    }
    return true;
  }

  void readNumber(const Place& at) {
    const size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::string_view("+-.eE0123456789").find(text_[pos_]) != std::string_view::npos)) {
      advance();
    }
    const std::string literal(text_.substr(start, pos_ - start));
    // In the "C" locale whatever LC_NUMERIC the program runs with (Qt sets it from the
    // environment: under de_DE "1.5e400" would read as 1).
    static const locale_t cLocale = ::newlocale(LC_NUMERIC_MASK, "C", nullptr);
    const double v = ::strtod_l(literal.c_str(), nullptr, cLocale);
    if (std::isinf(v)) {
      const std::string shown = literal.size() > 40 ? literal.substr(0, 37) + "..." : literal;
      throw ScenarioError(path(), "the number " + shown + " at " + at.text() +
                                      " is too large (a double holds at most 1.8e308)");
    }
  }

  void onKey(const std::string& key, const Place& at) {
    Frame& f = stack_.back();
    f.expectKey = false;
    f.key = key;
    const auto [it, inserted] = f.keys.emplace(key, at);
    if (!inserted) {
      throw ScenarioError(path(), "duplicate key: first at " + it->second.text() + ", again at " +
                                      at.text() + " (remove one of them)");
    }
  }

  // The JSON path of the value being read, in the scenario messages' notation (runs[1].lr).
  std::string path() const {
    std::string p;
    for (const Frame& f : stack_) {
      if (f.object) {
        if (f.expectKey) break;
        // A long key is cut here so that the rest of the path and the message stay readable.
        p += (p.empty() ? "" : ".") + (f.key.size() > 40 ? f.key.substr(0, 37) + "..." : f.key);
      } else {
        p += "[" + std::to_string(f.index) + "]";
      }
    }
    return p;
  }

  std::string_view text_;
  size_t pos_ = 0;
  Place place_;
  std::vector<Frame> stack_;
};

}  // namespace

void checkJsonText(std::string_view text) {
  Scanner(text).run();
}

}  // namespace gradscape
