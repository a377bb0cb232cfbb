// The one exception type for bad user input (STYLE.md habit 14). It is caught once, in
// verify/main, printed as a single line on stderr, and turned into exit status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace zg {

class InputError : public std::runtime_error {
 public:
  /// `where` names the file or option, `field` the key, `problem` what is wrong and
  /// `fix` what to do: "where: field: problem; fix".
  InputError(const std::string& where, const std::string& field, const std::string& problem,
             const std::string& fix)
      : std::runtime_error(compose(where, field, problem, fix)) {}
  explicit InputError(const std::string& message) : std::runtime_error(message) {}

 private:
  static std::string compose(const std::string& where, const std::string& field,
                             const std::string& problem, const std::string& fix) {
    std::string s = where;
    if (!field.empty()) s += (s.empty() ? "" : ": ") + field;
    s += (s.empty() ? "" : ": ") + problem;
    if (!fix.empty()) s += "; " + fix;
    return s;
  }
};

}  // namespace zg
