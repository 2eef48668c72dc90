#pragma once
// Parameter descriptions shared by objectives, optimizers, schedules and noise models.
// The GUI builds its controls from these, the CLI lists them and the scenario parser
// validates against them.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gradscape {

enum class ParamKind { Real, Integer, Boolean, Choice };

struct ParamSpec {
  std::string name;           // key in JSON and ParamValues, e.g. "lr", "beta1"
  double defaultValue = 0.0;  // torch.optim's default where torch has the method
  double min = 0.0;           // lower bound of the valid range
  double max = 1.0;           // upper bound of the valid range
  bool minInclusive = true;   // false: value must be > min
  bool maxInclusive = true;   // false: value must be < max
  ParamKind kind = ParamKind::Real;
  bool logScale = false;             // GUI sliders use a log scale (learning rates, epsilons)
  std::string help;                  // one line
  std::vector<std::string> choices;  // Choice: the names; the value is the index into this list

  // Convenience constructors keep the per-method tables short and readable.
  static ParamSpec real(std::string name, double def, double min, double max, std::string help,
                        bool log = false);
  // Like real() but the lower bound is exclusive (value must be > min).
  static ParamSpec positive(std::string name, double def, double max, std::string help,
                            bool log = true);
  static ParamSpec integer(std::string name, double def, double min, double max, std::string help);
  static ParamSpec flag(std::string name, bool def, std::string help);
  // One of several named options; JSON uses the name, ParamValues hold the index.
  static ParamSpec choice(std::string name, int def, std::vector<std::string> choices,
                          std::string help);
};

// Values by name. Order follows the spec list it was made from.
class ParamValues {
 public:
  ParamValues() = default;
  // All defaults of a spec list.
  static ParamValues defaults(const std::vector<ParamSpec>& specs);
  // The defaults of `specs`, overridden by every value in `given`.
  static ParamValues withDefaults(const std::vector<ParamSpec>& specs, const ParamValues& given);

  bool has(std::string_view name) const;
  // Throws std::out_of_range naming the parameter when it is missing (programmer misuse).
  double get(std::string_view name) const;
  int64_t integer(std::string_view name) const { return static_cast<int64_t>(get(name)); }
  bool flag(std::string_view name) const { return get(name) != 0.0; }
  int choice(std::string_view name) const { return static_cast<int>(get(name)); }
  void set(std::string_view name, double value);

  const std::vector<std::pair<std::string, double>>& items() const { return items_; }
  bool operator==(const ParamValues&) const = default;

 private:
  std::vector<std::pair<std::string, double>> items_;
};

// Checks one value against its spec. Returns an empty string when valid, else a message such
// as "must be > 0, got -0.1" (the caller prefixes the location).
std::string checkParam(const ParamSpec& spec, double value);

// Throws std::invalid_argument("field: what") unless ok: how the constructors of optimizers and
// schedules reject an option, naming it as the registry spells it.
void requireOption(bool ok, const char* field, const std::string& what);

// A spec by name, or nullptr.
const ParamSpec* findParam(const std::vector<ParamSpec>& specs, std::string_view name);

// Checks `value` against the spec called `name` in `specs`: how constructors reject an option
// with the same range their registry entry shows. Throws std::invalid_argument("<name>: <checkParam
// message>") when the value is outside its spec, std::out_of_range when no spec has that name
// (programmer error).
void requireInSpec(const std::vector<ParamSpec>& specs, std::string_view name, double value);

// Formats a number the way messages and tables show it (shortest round-trip form).
std::string formatNumber(double value);
// A number as labels and titles show it: at most 4 significant digits ("0.03306", "1e-5",
// "2000").
std::string labelNumber(double value);

}  // namespace gradscape
