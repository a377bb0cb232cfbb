// Reads the configuration format (verify/config_schema.hpp, docs/config.md) key by key.
// Each reader takes the table it owns, rejects unknown keys, and fails on the first
// problem with the field's path, so the user sees exactly one error to fix. The claims'
// settings tables are declared in their lemma modules and read by verify/settings_reader.hpp.
#include "verify/config_schema.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <sstream>

#include "lemmas/algorithm_settings.hpp"
#include "lemmas/certificate_settings.hpp"
#include "lemmas/landscape_settings.hpp"
#include "verify/config_field.hpp"
#include "verify/random_teacher.hpp"
#include "verify/run_settings.hpp"
#include "verify/settings_reader.hpp"
#include "verify/student_settings.hpp"
#include "verify/teacher_settings.hpp"

namespace zg::detail {
namespace {

// A double as a person writes it: "20", "12.5".
std::string decimal_text(double x) {
  std::ostringstream s;
  s << x;
  return s.str();
}

// "1 weight", "3 weights", "2 entries".
std::string count_text(std::size_t n, const std::string& noun, const std::string& plural = "") {
  return std::to_string(n) + " " + (n == 1 ? noun : plural.empty() ? noun + "s" : plural);
}

// The keys of `table` followed by `more`: the keys a ConfigTable allows.
template <class S>
std::vector<std::string> keys_and(const SettingTable<S>& table, const std::vector<std::string>& more) {
  std::vector<std::string> keys = table.keys();
  keys.insert(keys.end(), more.begin(), more.end());
  return keys;
}

// Rows of one length, each nonzero; non-finite entries are rejected by number(). The length
// is `dimension` when one is given, else the first row's: the rows then state the dimension
// themselves, and a row of another length contradicts the first. `dimension_name` names the
// given dimension in a refusal ("teacher.dimension").
std::vector<std::vector<SpecNumber>> direction_rows(const ConfigField& field, std::optional<int> dimension,
                                                    const std::string& dimension_name) {
  std::vector<std::vector<SpecNumber>> rows;
  std::string stated;  // what fixed the length, for a row that differs
  if (dimension) stated = dimension_name + " = " + std::to_string(*dimension);
  for (const ConfigField& row : field.elements("directions, each an array of numbers")) {
    std::vector<SpecNumber> entries = row.numbers();
    if (!dimension) {
      if (entries.empty()) row.fail("is empty", "give the direction's coordinates, one number per input dimension");
      if (entries.size() > static_cast<std::size_t>(kMaxEntries))
        row.fail("has " + count_text(entries.size(), "entry", "entries") + ", more than the " +
                     std::to_string(kMaxEntries) + " weights a network may have",
                 "lower the dimension");
      dimension = static_cast<int>(entries.size());
      stated = row.path() + " has " + std::to_string(*dimension);
    }
    if (entries.size() != static_cast<std::size_t>(*dimension))
      row.fail("has " + count_text(entries.size(), "entry", "entries") + " but " + stated,
               "give " + std::to_string(*dimension) + " numbers per direction");
    if (std::all_of(entries.begin(), entries.end(), [](const SpecNumber& x) { return exact_sign(x) == 0; }))
      row.fail("zero vector", "give a nonzero direction");
    rows.push_back(std::move(entries));
  }
  if (rows.empty()) field.fail("is empty", "give at least one direction");
  return rows;
}

// A network's d x m first layer must fit in memory (kMaxEntries).
void check_entries(const ConfigField& field, const std::string& what, std::int64_t dimension, std::int64_t width) {
  if (dimension * width > kMaxEntries)
    field.fail(what + " x dimension = " + std::to_string(width) + " x " + std::to_string(dimension) + " = " +
                   std::to_string(width * dimension) + " weights, more than the " + std::to_string(kMaxEntries) +
                   " a network may have",
               "lower the width or the dimension");
}

// One weight per direction; teacher weights must also be nonzero.
std::vector<SpecNumber> weights_for(const ConfigField& field, std::size_t directions, bool nonzero) {
  std::vector<SpecNumber> weights;
  for (const ConfigField& e : field.elements("numbers")) {
    weights.push_back(e.number());
    if (nonzero && exact_sign(weights.back()) == 0)
      e.fail("teacher weights must be nonzero", "give every teacher direction a nonzero weight");
  }
  if (weights.size() != directions)
    field.fail("has " + count_text(weights.size(), "weight") + " for " + count_text(directions, "direction"),
               "give one weight per direction");
  return weights;
}

SpecNumber signed_magnitude(int sign, const SpecNumber& magnitude) {
  if (const double* x = std::get_if<double>(&magnitude.repr)) return SpecNumber(sign * *x);
  const std::string& s = std::get<std::string>(magnitude.repr);
  const std::string unsigned_text = s.front() == '+' ? s.substr(1) : s;
  return SpecNumber(sign < 0 ? "-" + unsigned_text : unsigned_text);
}

// +1, -1, +1, ... or, when not alternating, all +1.
std::vector<int> patterned_signs(int width, bool alternating) {
  std::vector<int> signs;
  for (int i = 0; i < width; ++i) signs.push_back(alternating && i % 2 == 1 ? -1 : 1);
  return signs;
}

std::vector<int> read_signs(const ConfigField& field, int width, boost::random::mt19937_64& engine) {
  if (field.node().is_string()) {
    const std::string name = field.node().get<std::string>();
    if (name == "alternating" || name == "positive") return patterned_signs(width, name == "alternating");
    if (name == "random") return random_signs(width, engine);
    field.fail("unknown sign pattern", "use \"alternating\", \"positive\", \"random\" or an array of 1 and -1");
  }
  std::vector<int> signs;
  for (const ConfigField& e : field.elements("signs, each 1 or -1")) {
    const std::int64_t s = e.integer(-1, 1);
    if (s == 0) e.fail("must be 1 or -1", "give each teacher direction the sign of its weight");
    signs.push_back(static_cast<int>(s));
  }
  if (signs.size() != static_cast<std::size_t>(width))
    field.fail("has " + count_text(signs.size(), "sign") + " for width = " + std::to_string(width),
               "give one sign per direction");
  return signs;
}

struct GeneratedTeacher {
  ExplicitDirections directions;
  std::vector<SpecNumber> weights;  ///< signs x magnitude; empty when teacher.weights is given
};

GeneratedTeacher generated_teacher(const ConfigField& field,
                                   int dimension,
                                   std::uint64_t master_seed,
                                   bool weights_given) {
  const ConfigTable g(field, generate_setting_declarations().keys());
  // Key by key, in the order of the checks before them: a file with several problems is
  // refused for the same one.
  const SettingTable<GenerateSettings>& declared = generate_setting_declarations();
  GenerateSettings settings;
  settings.seed = master_seed;
  read_declared(g, declared.at("width"), settings);
  SeparatedDirections request;
  request.dimension = dimension;
  request.width = settings.width;
  request.rank = std::min(dimension, request.width);
  if (const auto f = g.find("rank")) request.rank = static_cast<int>(f->integer(1, dimension));
  read_declared(g, declared.at("min_separation_deg"), settings);
  request.min_separation_deg = settings.min_separation_deg;
  if (weights_given && (g.has("signs") || g.has("magnitude")))
    field.fail("signs and magnitude conflict with teacher.weights",
               "give either teacher.weights or signs and magnitude");
  check_entries(field, "width", dimension, request.width);
  read_declared(g, declared.at("seed"), settings);
  boost::random::mt19937_64 engine(settings.seed);
  SeparatedSearch search = separated_random_directions(request, engine);
  const std::string wanted = count_text(static_cast<std::size_t>(request.width), "direction") + " in rank " +
                             std::to_string(request.rank) +
                             " with min_separation_deg = " + decimal_text(request.min_separation_deg);
  if (search.status == SeparatedSearch::Status::WorkExhausted)
    // Only a positive separation compares directions, so the fix can always lower it.
    field.fail("gave up on " + wanted + " after " + std::to_string(search.draws) +
                   " draws: the separation test used its budget of 1e9 coordinate products (about a second; "
                   "candidates are compared with every kept direction near them, in rank above 3 with most)",
               "lower width or min_separation_deg (min_separation_deg = 0 skips the test)");
  if (search.status == SeparatedSearch::Status::DrawsExhausted) {
    const DirectionBudget budget = direction_budget(request.width);
    field.fail("found no " + wanted + " within the search's budget of " + std::to_string(budget.max_draws) +
                   " draws (rounds of " + std::to_string(budget.draws_per_round) + ")",
               request.min_separation_deg > 0
                   ? "lower min_separation_deg (in rank 2 at most 180 / min_separation_deg lines fit, and random "
                     "draws rarely come close), raise rank or lower width"
                   : "choose another teacher.generate.seed");
  }

  GeneratedTeacher out;
  for (const std::vector<double>& row : search.directions)
    out.directions.directions.emplace_back(row.begin(), row.end());
  if (weights_given) return out;
  read_declared(g, declared.at("magnitude"), settings);
  const SpecNumber& magnitude = settings.magnitude;
  const std::optional<ConfigField> signs_field = g.find("signs");
  const std::vector<int> signs =
      signs_field ? read_signs(*signs_field, request.width, engine) : patterned_signs(request.width, true);
  for (int s : signs) out.weights.push_back(signed_magnitude(s, magnitude));
  return out;
}

TeacherSpec read_teacher(const ConfigTable& root, std::uint64_t master_seed) {
  const ConfigTable t(root.at("teacher", "a [teacher] table, see docs/config.md"),
                      keys_and(teacher_setting_declarations(), {"angles_deg", "directions", "generate"}));
  TeacherSpec spec;
  read_declared(t, teacher_setting_declarations(), spec);
  const int ways = t.has("angles_deg") + t.has("directions") + t.has("generate");
  if (ways != 1)
    t.field().fail(ways == 0 ? "no directions" : "directions given more than one way",
                   "give exactly one of angles_deg, directions or [teacher.generate]");

  // The dimension is stated by explicit directions (each row has its length); the other two
  // ways need it given.
  const bool dimension_given = t.has("dimension");
  if (!dimension_given && !t.has("directions"))
    t.at("dimension", "an integer >= 1; it may be left out only with explicit directions");
  if (dimension_given) spec.dimension = static_cast<int>(t.at("dimension", "").integer(1, kMaxCount));

  std::size_t m_star = 0;
  if (const auto f = t.find("angles_deg")) {
    if (spec.dimension < 2)
      f->fail("needs teacher.dimension >= 2 (the directions lie in the (e1, e2) plane)",
              "raise the dimension or give the directions explicitly");
    PlanarDirections planar{f->numbers()};
    if (planar.angles_deg.empty()) f->fail("is empty", "give at least one angle");
    m_star = planar.angles_deg.size();
    spec.directions = std::move(planar);
  } else if (const auto f = t.find("directions")) {
    ExplicitDirections rows{direction_rows(*f, dimension_given ? std::optional<int>(spec.dimension) : std::nullopt,
                                           "teacher.dimension")};
    m_star = rows.directions.size();
    spec.dimension = static_cast<int>(rows.directions.front().size());
    spec.directions = std::move(rows);
  } else {
    GeneratedTeacher g = generated_teacher(*t.find("generate"), spec.dimension, master_seed, t.has("weights"));
    m_star = g.directions.directions.size();
    spec.directions = std::move(g.directions);
    spec.weights = std::move(g.weights);  // empty when teacher.weights is given
  }
  check_entries(t.field(), "directions", spec.dimension, static_cast<std::int64_t>(m_star));
  if (spec.weights.empty())
    spec.weights = weights_for(t.at("weights", "one nonzero number per direction"), m_star, true);
  return spec;
}

std::optional<StudentSpec> read_student(const ConfigTable& root,
                                        const TeacherSpec& teacher,
                                        std::uint64_t master_seed) {
  const std::optional<ConfigField> field = root.find("student");
  if (!field) return std::nullopt;
  const ConfigTable s(*field,
                      keys_and(near_student_setting_declarations(), explicit_student_setting_declarations().keys()));
  const bool near = s.has("width") || s.has("angle_deg") || s.has("seed");
  const bool given = s.has("directions") || s.has("weights");
  if (near == given)
    s.field().fail(near
                       ? "mixes a generated student (width, angle_deg, seed) with an explicit one (directions, weights)"
                       : "is empty",
                   "give either width and angle_deg, or directions and weights");
  if (given) {
    ExplicitStudent student;
    student.directions = direction_rows(s.at("directions", "one array of numbers per neuron"), teacher.dimension,
                                        "teacher.dimension");
    student.weights = weights_for(s.at("weights", "one number per neuron"), student.directions.size(), false);
    check_entries(s.field(), "neurons", teacher.dimension, static_cast<std::int64_t>(student.directions.size()));
    return student;
  }
  if (teacher.dimension < 2)
    s.field().fail("a student near the teacher needs teacher.dimension >= 2 (a direction to rotate towards)",
                   "raise the dimension or give the student's directions and weights");
  const SettingTable<NearTeacherStudent>& declared = near_student_setting_declarations();
  NearTeacherStudent student;
  student.seed = master_seed;
  read_declared(s, declared.at("width"), student);
  check_entries(s.at("width", ""), "width", teacher.dimension, student.width);
  read_declared(s, declared.at("angle_deg"), student);
  read_declared(s, declared.at("seed"), student);
  return student;
}

}  // namespace

RunConfig read_run_config(const nlohmann::json& document, const std::string& source) {
  const ConfigTable root(ConfigField(document, "", source), top_level_setting_declarations().keys());
  TopLevelSettings top;
  read_declared(root, top_level_setting_declarations(), top);
  RunConfig config;
  config.digits = top.digits;
  config.seed = top.seed;
  config.problem.lambda = top.lambda;
  if (const auto f = root.find("claims"))
    for (const ConfigField& id : f->elements("claim ids such as \"H1\"")) config.claims.push_back(id.text());
  config.problem.teacher = read_teacher(root, config.seed);
  config.problem.student = read_student(root, config.problem.teacher, config.seed);
  config.problem.certificate = read_settings(root, certificate_setting_declarations());
  config.problem.algorithm = read_settings(root, algorithm_setting_declarations());
  config.problem.landscape = read_settings(root, landscape_setting_declarations());
  return config;
}

}  // namespace zg::detail
