#include "plots/export/pdf_repair.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string_view>
#include <vector>

namespace gradscape::plots {

namespace {

constexpr size_t kNone = std::string::npos;

struct Edit {
  size_t at = 0, length = 0;  // the bytes replaced
  std::string text;
};

// A decimal number at `at` up to the next newline, or -1.
long long numberAt(const std::string& pdf, size_t at) {
  const size_t end = pdf.find('\n', at);
  if (at >= pdf.size() || end == kNone || end == at) return -1;
  long long value = 0;
  for (size_t i = at; i < end; ++i) {
    if (pdf[i] < '0' || pdf[i] > '9') return -1;
    value = value * 10 + (pdf[i] - '0');
  }
  return value;
}

// "<number> ca" or "<number> CA": an opacity set with a graphics state's key as if an operator.
bool strayOpacity(std::string_view line) {
  if (line.size() < 4) return false;
  const std::string_view key = line.substr(line.size() - 3);
  if (key != " ca" && key != " CA") return false;
  const std::string_view number = line.substr(0, line.size() - 3);
  return std::all_of(number.begin(), number.end(),
                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

// The name in "/<name> gs", or empty.
std::string_view stateUsed(std::string_view line) {
  if (line.size() < 5 || line[0] != '/' || line.substr(line.size() - 3) != " gs") return {};
  return line.substr(1, line.size() - 4);
}

}  // namespace

std::string repairGl2psPdf(const std::string& pdf) {
  // The cross-reference table: "xref\n0 N\n" and N entries of 20 bytes.
  const size_t startxref = pdf.rfind("startxref\n");
  if (startxref == kNone) return pdf;
  const long long xrefAt = numberAt(pdf, startxref + 10);
  if (xrefAt < 0 || pdf.compare(static_cast<size_t>(xrefAt), 7, "xref\n0 ") != 0) return pdf;
  const size_t countAt = static_cast<size_t>(xrefAt) + 7;
  const long long count = numberAt(pdf, countAt);
  const size_t entries = pdf.find('\n', countAt) + 1;
  if (count < 7 || entries + static_cast<size_t>(count) * 20 > startxref) return pdf;
  std::vector<size_t> offsets(static_cast<size_t>(count), 0);
  for (size_t i = 1; i < offsets.size(); ++i) {
    const std::string entry = pdf.substr(entries + 20 * i, 20);
    if (entry.size() != 20 || entry.compare(10, 9, " 00000 n ") != 0) return pdf;
    offsets[i] = std::strtoull(entry.substr(0, 10).c_str(), nullptr, 10);
  }
  const auto objectIs = [&](size_t n, std::string_view head) {
    return offsets[n] < pdf.size() && pdf.compare(offsets[n], head.size(), head) == 0;
  };
  if (!objectIs(4, "4 0 obj\n") || !objectIs(5, "5 0 obj\n") || !objectIs(6, "6 0 obj\n")) {
    return pdf;
  }

  // The content stream (object 4), its length (object 5).
  const size_t streamAt = pdf.find("stream\n", offsets[4]);
  const size_t endAt = streamAt == kNone ? kNone : pdf.find("endstream", streamAt);
  const size_t lengthAt = offsets[5] + 8;
  if (endAt == kNone || numberAt(pdf, lengthAt) != static_cast<long long>(endAt - streamAt - 7)) {
    return pdf;
  }
  std::string content;
  std::set<std::string, std::less<>> used;
  bool stray = false;
  for (size_t at = streamAt + 7; at < endAt;) {
    const size_t eol = std::min(pdf.find('\n', at), endAt);
    const std::string_view line(pdf.data() + at, eol - at);
    const size_t next = std::min(eol + 1, endAt);
    if (strayOpacity(line)) {
      stray = true;
    } else {
      if (const auto name = stateUsed(line); !name.empty()) used.emplace(name);
      content.append(pdf, at, next - at);
    }
    at = next;
  }

  // The page's graphics states (object 6): "/ExtGState\n<<\n/GSa 7 0 R\n/GS0 8 0 R\n>>\n".
  const std::string_view statesHead = "/ExtGState\n<<\n";
  const size_t statesAt = pdf.find(statesHead, offsets[6]);
  if (statesAt == kNone || statesAt > pdf.find("endobj", offsets[6])) return pdf;
  const size_t listAt = statesAt + statesHead.size();
  for (size_t at = listAt; at < pdf.size() && pdf[at] == '/';) {
    const size_t end = pdf.find_first_of(" \n", at);
    if (end == kNone) return pdf;
    used.erase(pdf.substr(at + 1, end - at - 1));
    at = pdf.find('\n', at) + 1;
  }
  if (used.empty() && !stray) return pdf;
  std::string declarations;
  for (const auto& name : used) declarations += "/" + name + " << >>\n";

  std::vector<Edit> edits{
      {streamAt + 7, endAt - streamAt - 7, content},
      {lengthAt, pdf.find('\n', lengthAt) - lengthAt, std::to_string(content.size())},
      {listAt, 0, declarations}};
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at < b.at; });
  const auto moved = [&](size_t offset) {
    long long shift = 0;
    for (const Edit& e : edits) {
      if (e.at < offset) {
        shift += static_cast<long long>(e.text.size()) - static_cast<long long>(e.length);
      }
    }
    return static_cast<size_t>(static_cast<long long>(offset) + shift);
  };

  std::string out;
  out.reserve(pdf.size() + declarations.size());
  size_t copied = 0;
  for (const Edit& e : edits) {
    out.append(pdf, copied, e.at - copied);
    out += e.text;
    copied = e.at + e.length;
  }
  out.append(pdf, copied, static_cast<size_t>(xrefAt) - copied);
  out.append(pdf, static_cast<size_t>(xrefAt), entries + 20 - static_cast<size_t>(xrefAt));
  for (size_t i = 1; i < offsets.size(); ++i) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", moved(offsets[i]));
    out += entry;
  }
  const size_t trailerAt = entries + 20 * offsets.size();
  out.append(pdf, trailerAt, startxref - trailerAt);
  out += "startxref\n" + std::to_string(moved(static_cast<size_t>(xrefAt))) + "\n%%EOF\n";
  return out;
}

}  // namespace gradscape::plots
