// Tests for verify/settings_reader.hpp and the declarations it reads
// (lemmas/certificate_settings.cpp, lemmas/landscape_settings.cpp,
// lemmas/algorithm_settings.cpp): every declaration is well formed, every declared range
// refuses a value just outside each end and accepts its closed ends, the defaults are the
// numbers docs/config.md stated before its tables were generated, and the generic reader
// applies the rules of a table it has never seen.
#include "verify/settings_reader.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <set>

#include <catch2/catch.hpp>

#include "core/input_error.hpp"
#include "tests/support/config_text.hpp"
#include "lemmas/algorithm_settings.hpp"
#include "lemmas/certificate_settings.hpp"
#include "lemmas/landscape_settings.hpp"
#include "tests/support/shell.hpp"
#include "verify/config.hpp"
#include "verify/config_field.hpp"
#include "verify/run_settings.hpp"
#include "verify/student_settings.hpp"
#include "verify/teacher_settings.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;

namespace {

const std::string kTeacher = zg::test::kTeacherToml;
using zg::test::toml_error;

// A number written so TOML reads back the same double.
std::string toml_number(double x) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", x);
  std::string s = buffer;
  return s.find_first_of(".e") == std::string::npos ? s + ".0" : s;
}

// What is wrong with a table's declarations, one line per problem ("" for each good one).
template <class S>
std::vector<std::string> declaration_problems(const zg::SettingTable<S>& table) {
  std::vector<std::string> problems;
  std::set<std::string> keys;
  for (const zg::Setting<S>& s : table.settings) {
    const std::string where = table.name + "." + s.key + ": ";
    if (!keys.insert(s.key).second) problems.push_back(where + "declared twice");
    if (s.meaning.empty()) problems.push_back(where + "no meaning");
    const zg::SettingKind kind = s.kind();
    const bool integral = kind == zg::SettingKind::Integer || kind == zg::SettingKind::IntegerArray;
    const bool number = kind == zg::SettingKind::Number || kind == zg::SettingKind::ExactNumber;
    if (integral && !(s.range.low && s.range.low->closed && s.range.high && s.range.high->closed))
      problems.push_back(where + "an integer range needs two closed ends");
    if (number && (s.range.low || s.range.high) && s.fix.empty())
      problems.push_back(where + "a bounded number needs a fix hint");
    if (kind == zg::SettingKind::DocsOnly && (s.type_text.empty() || s.default_text.empty()))
      problems.push_back(where + "a docs-only row needs its type and default");
    if (kind == zg::SettingKind::ExactNumber &&
        ((s.range.low && s.range.low->value != 0) || (s.range.high && s.range.high->value != 0)))
      problems.push_back(where + "an exact number's range may only end at 0");
    // A required key has no default: its member's value in S{} is never used.
    const zg::SettingValue d = s.required.empty() ? zg::value_of(s, S{}) : zg::SettingValue(std::monostate{});
    if (const auto* x = std::get_if<zg::SpecNumber>(&d); x && !s.range.contains(zg::detail::exact_sign(*x)))
      problems.push_back(where + "default outside its range");
    if (const double* x = std::get_if<double>(&d); x && !s.range.contains(*x))
      problems.push_back(where + "default outside its range");
    if (const long long* n = std::get_if<long long>(&d); n && !s.range.contains(static_cast<double>(*n)))
      problems.push_back(where + "default outside its range");
    if (const auto* v = std::get_if<std::vector<long long>>(&d)) {
      if (v->size() < s.array.min_entries) problems.push_back(where + "default has too few entries");
      for (std::size_t i = 0; i < v->size(); ++i) {
        if (!s.range.contains(static_cast<double>((*v)[i]))) problems.push_back(where + "default entry outside range");
        if (s.array.increasing && i > 0 && (*v)[i] <= (*v)[i - 1]) problems.push_back(where + "default not increasing");
      }
    }
  }
  return problems;
}

// One refusal or acceptance to try: the TOML line's value and the path the error names.
struct Probe {
  std::string value;  // as written after "key = "
  std::string path;   // e.g. "algorithm.dimensions[0]"
  bool refused;
};

// Values at and just beyond each finite end of a declared range.
template <class S>
std::vector<Probe> range_probes(const std::string& table, const zg::Setting<S>& s) {
  std::vector<Probe> probes;
  const std::string path = table + "." + s.key;
  const zg::SettingRange& r = s.range;
  if (s.kind() == zg::SettingKind::Number) {
    for (const auto& [end, down] : {std::pair{r.low, true}, std::pair{r.high, false}}) {
      if (!end) continue;
      // The next double beyond the end (a tiny step off 0, where the next double is subnormal).
      const double beyond = end->value == 0 ? (down ? -1e-300 : 1e-300)
                                            : std::nextafter(end->value,
                                                             down ? -std::numeric_limits<double>::infinity()
                                                                  : std::numeric_limits<double>::infinity());
      probes.push_back({toml_number(end->value), path, !end->closed});
      probes.push_back({toml_number(beyond), path, true});
    }
    return probes;
  }
  const long long lo = static_cast<long long>(r.low->value);
  const long long hi = static_cast<long long>(r.high->value);
  if (s.kind() == zg::SettingKind::Integer) {
    probes.push_back({std::to_string(lo), path, false});
    probes.push_back({std::to_string(hi), path, false});
    probes.push_back({std::to_string(lo - 1), path, true});
    probes.push_back({std::to_string(hi + 1), path, true});
    return probes;
  }
  // Arrays: the ends as an increasing pair, then a pair with one entry beyond an end.
  probes.push_back({"[" + std::to_string(lo) + ", " + std::to_string(hi) + "]", path, false});
  probes.push_back({"[" + std::to_string(lo - 1) + ", " + std::to_string(hi) + "]", path + "[0]", true});
  probes.push_back({"[" + std::to_string(lo) + ", " + std::to_string(hi + 1) + "]", path + "[1]", true});
  return probes;
}

template <class S>
void check_every_range(const zg::SettingTable<S>& table) {
  for (const zg::Setting<S>& s : table.settings) {
    for (const Probe& p : range_probes(table.name, s)) {
      const std::string text = kTeacher + "[" + table.name + "]\n" + s.key + " = " + p.value + "\n";
      INFO(text);
      const std::string message = toml_error(text);
      if (p.refused) {
        CHECK_THAT(message, Contains("bad.toml: " + p.path + " = ") && Contains(": must be"));
        CHECK(message.find('\n') == std::string::npos);
      } else {
        CHECK(message.empty());
      }
    }
  }
}

}  // namespace

TEST_CASE("every settings declaration is well formed: closed integer ranges, defaults inside them",
          "[settings][declarations]") {
  CHECK(declaration_problems(zg::certificate_setting_declarations()).empty());
  CHECK(declaration_problems(zg::landscape_setting_declarations()).empty());
  CHECK(declaration_problems(zg::algorithm_setting_declarations()).empty());
  CHECK(declaration_problems(zg::detail::top_level_setting_declarations()).empty());
  CHECK(declaration_problems(zg::detail::teacher_setting_declarations()).empty());
  CHECK(declaration_problems(zg::detail::generate_setting_declarations()).empty());
  CHECK(declaration_problems(zg::detail::near_student_setting_declarations()).empty());
  CHECK(declaration_problems(zg::detail::explicit_student_setting_declarations()).empty());

  // Must fail: an exact number with a range that does not end at 0, a docs-only row with no default.
  zg::SettingTable<zg::detail::TopLevelSettings> top = zg::detail::top_level_setting_declarations();
  top.settings[2].in(zg::between(zg::open_end(1), zg::open_end(2)));  // lambda
  top.settings[3].default_text.clear();                               // claims
  CHECK_THAT(declaration_problems(top),
             Equals(std::vector<std::string>{"top-level.lambda: an exact number's range may only end at 0",
                                             "top-level.lambda: default outside its range",
                                             "top-level.claims: a docs-only row needs its type and default"}));

  // Must fail: a default outside its range, a half-open integer range and a repeated key.
  zg::SettingTable<zg::AlgorithmSettings> doctored = zg::algorithm_setting_declarations();
  doctored.settings[0].in(zg::between(zg::open_end(0), zg::open_end(1e-4)));   // init_scale = 1e-3 is outside
  doctored.settings[1].in(zg::between(zg::closed_end(1), zg::open_end(100)));  // pairs = 32 is inside
  doctored.settings.push_back(doctored.settings[2]);
  CHECK_THAT(declaration_problems(doctored),
             Equals(std::vector<std::string>{"algorithm.init_scale: default outside its range",
                                             "algorithm.pairs: an integer range needs two closed ends",
                                             "algorithm.step: declared twice"}));
}

TEST_CASE("every declared range refuses a value beyond each end and accepts its closed ends", "[settings][ranges]") {
  check_every_range(zg::certificate_setting_declarations());
  check_every_range(zg::landscape_setting_declarations());
  check_every_range(zg::algorithm_setting_declarations());
}

TEST_CASE("the defaults are the numbers docs/config.md stated before its tables were generated",
          "[settings][defaults]") {
  // Literal defaults from the hand-written tables of docs/config.md at commit 4956530, an
  // independent source: the reader takes its defaults from core/problem_spec.hpp.
  const zg::RunConfig c = zg::parse_config_toml(kTeacher, "plain.toml");
  CHECK(c.problem.certificate.rho_floor == 0);
  CHECK(c.problem.certificate.far_radius_deg == 10);
  CHECK(c.problem.certificate.start_points == 4000);
  CHECK(c.problem.certificate.certify_fraction == 0.9);
  CHECK(c.problem.landscape.lojasiewicz_exponent == 1);
  const zg::AlgorithmSettings& a = c.problem.algorithm;
  CHECK(a.init_scale == 1e-3);
  CHECK(a.pairs == 32);
  CHECK(a.step == 1);
  CHECK(a.dimensions == std::vector<int>{16, 32, 64, 128, 256, 512});
  CHECK(a.exponent_tolerance == 0.1);
  CHECK(a.cover_radius_deg == 25);
  CHECK(a.widths == std::vector<int>{8, 16, 32, 64, 128});
  CHECK(a.ridge == 1e-6);
  CHECK(a.stage2_loss_threshold == 1e-2);
  CHECK(a.lambda_start == 1e-2);
  CHECK(a.lambda_factor == 0.5);
  CHECK(a.lambda_epochs == 11);
  CHECK(a.final_loss_target == 1e-8);
  CHECK(a.final_max_angle_deg == 1);
  CHECK(a.far_mass_target == 1e-3);
  CHECK(a.sample_counts == std::vector<long>{100, 1000, 10000, 100000});
  CHECK(a.batch_size == 0);
}

TEST_CASE("the top-level, teacher and student defaults are those docs/config.md stated by hand",
          "[settings][defaults]") {
  // Literal defaults from the hand-written tables of docs/config.md at commit 09e3e74 (before
  // these tables were generated), an independent source.
  const zg::RunConfig c = zg::parse_config_toml(kTeacher, "plain.toml");
  CHECK(c.digits == 50);
  CHECK(c.seed == 1);
  CHECK(std::get<std::string>(c.problem.lambda.repr) == "1e-3");  // the decimal, not the double
  // [teacher.generate]: rank min(dimension, width), separation 0, magnitude 1, alternating signs,
  // seed the top-level seed (the same directions as an explicit seed = 7).
  const std::string generated = "seed = 7\n[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\n";
  const zg::RunConfig g = zg::parse_config_toml(generated, "g.toml");
  const zg::RunConfig g7 =
      zg::parse_config_toml("[teacher]\ndimension = 3\n[teacher.generate]\nwidth = 2\nseed = 7\n", "g7.toml");
  const auto& rows = std::get<zg::ExplicitDirections>(g.problem.teacher.directions).directions;
  const auto& rows7 = std::get<zg::ExplicitDirections>(g7.problem.teacher.directions).directions;
  REQUIRE(rows.size() == 2);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (std::size_t k = 0; k < 3; ++k) CHECK(rows[i][k].as<double>() == rows7[i][k].as<double>());
  REQUIRE(g.problem.teacher.weights.size() == 2);
  CHECK(g.problem.teacher.weights[0].as<double>() == 1);
  CHECK(g.problem.teacher.weights[1].as<double>() == -1);
  // [student] near the teacher: its seed is the top-level seed.
  const zg::RunConfig s =
      zg::parse_config_toml("seed = 9\n" + kTeacher + "[student]\nwidth = 4\nangle_deg = 5\n", "s.toml");
  CHECK(std::get<zg::NearTeacherStudent>(*s.problem.student).seed == 9);
}

TEST_CASE("a refused setting names the field, the value, the range in both notations and the fix",
          "[settings][errors]") {
  CHECK_THAT(toml_error(kTeacher + "[algorithm]\nlambda_factor = 1\n"),
             Equals("bad.toml: algorithm.lambda_factor = 1: must be in (0, 1), i.e. 0 < lambda_factor < 1; give the "
                    "factor lambda shrinks by per epoch, e.g. 0.5"));
  CHECK_THAT(toml_error(kTeacher + "[certificate]\nfar_radius_deg = 90\n"),
             Equals("bad.toml: certificate.far_radius_deg = 90: must be in (0, 90), i.e. 0 < far_radius_deg < 90; "
                    "give the angle from every teacher direction, in degrees, e.g. 10"));
  CHECK_THAT(toml_error(kTeacher + "[certificate]\ncertify_fraction = -0.5\n"),
             Equals("bad.toml: certificate.certify_fraction = -0.5: must be positive; give the fraction of the "
                    "sampled rho_eta to prove, e.g. 0.9"));
  CHECK_THAT(toml_error(kTeacher + "[certificate]\nstart_points = 15\n"),
             Equals("bad.toml: certificate.start_points = 15: must be between 16 and 10000000; set "
                    "certificate.start_points to an integer between 16 and 10000000"));
  CHECK_THAT(toml_error(kTeacher + "[algorithm]\nsample_counts = [100]\n"),
             Equals("bad.toml: algorithm.sample_counts: has fewer than 2 entries; give at least 2 values: an exponent "
                    "is fitted over them"));
  CHECK_THAT(toml_error(kTeacher + "[algorithm]\nwidths = 8\n"),
             Equals("bad.toml: algorithm.widths = 8: must be an array of integers; write it as [ ... ]"));
  CHECK_THAT(
      toml_error(kTeacher + "[landscape]\nlojasiewicz_exponents = 1\n"),
      Equals("bad.toml: landscape.lojasiewicz_exponents = 1: unknown key; did you mean 'lojasiewicz_exponent'?"));
  CHECK_THAT(toml_error("certificate = 3\n" + kTeacher), Contains("bad.toml: certificate = 3: must be a table"));
}

TEST_CASE("the verify binary exits 2 on a declared setting out of its range", "[settings][e2e]") {
  const std::filesystem::path config = zg::test::fresh_dir("zg-settings", "bad.toml");
  std::ofstream(config) << kTeacher << "[algorithm]\nlambda_factor = 1.5\n";
  const std::filesystem::path err = config.string() + ".err";
  CHECK(zg::test::shell(std::string(ZG_VERIFY_EXE) + " run --claims H1 --config " + config.string() + " --out " +
                        config.string() + ".out 2> " + err.string()) == 2);
  CHECK_THAT(zg::test::read_whole(err), Contains("algorithm.lambda_factor = 1.5: must be in (0, 1)"));
  CHECK(!std::filesystem::exists(config.string() + ".out"));
  std::filesystem::remove(config);
  std::filesystem::remove(err);
}

namespace {

// A settings struct the reader has never seen, with one-sided ranges the real tables lack.
struct ProbeSettings {
  double at_least_two = 2;
  double below_five = 1;
  std::vector<int> any_order = {3, 1};
};

const zg::SettingTable<ProbeSettings>& probe_declarations() {
  using S = ProbeSettings;
  static const zg::SettingTable<S> table{
      "probe",
      {zg::Setting<S>("at_least_two", &S::at_least_two)
           .in(zg::SettingRange{zg::closed_end(2), std::nullopt})
           .means("x")
           .fix_hint("give two or more"),
       zg::Setting<S>("below_five", &S::below_five)
           .in(zg::SettingRange{std::nullopt, zg::open_end(5)})
           .means("x")
           .fix_hint("give less than five"),
       zg::Setting<S>("any_order", &S::any_order).in(zg::integers(0, 9)).means("x")}};
  return table;
}

ProbeSettings read_probe(const std::string& json_text) {
  const nlohmann::json doc = nlohmann::json::parse(json_text);
  const std::string source = "probe.json";
  return zg::detail::read_settings(zg::detail::ConfigTable(zg::detail::ConfigField(doc, "", source), {"probe"}),
                                   probe_declarations());
}

std::string probe_error(const std::string& json_text) {
  try {
    read_probe(json_text);
  } catch (const zg::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the generic reader applies one-sided ranges and keeps defaults of a table it has never seen",
          "[settings][reader]") {
  const ProbeSettings plain = read_probe("{}");
  CHECK(plain.at_least_two == 2);
  CHECK(plain.any_order == std::vector<int>{3, 1});
  const ProbeSettings set = read_probe(R"({"probe": {"at_least_two": 2, "below_five": -7, "any_order": [9, 0, 9]}})");
  CHECK(set.at_least_two == 2);
  CHECK(set.below_five == -7);
  CHECK(set.any_order == std::vector<int>{9, 0, 9});  // neither increasing nor a minimum count declared
  CHECK_THAT(probe_error(R"({"probe": {"at_least_two": 1.5}})"),
             Equals("probe.json: probe.at_least_two = 1.5: must be at least 2; give two or more, e.g. 2"));
  CHECK_THAT(probe_error(R"({"probe": {"below_five": 5}})"),
             Equals("probe.json: probe.below_five = 5: must be less than 5; give less than five, e.g. 1"));
  CHECK_THAT(probe_error(R"({"probe": {"any_order": []}})"), Equals(""));
  CHECK_THAT(probe_error(R"({"probe": {"anyorder": []}})"), Contains("did you mean 'any_order'?"));
}

TEST_CASE("numbers are written as people write them: shortest digits, small ones as powers of ten",
          "[settings][text]") {
  CHECK(zg::detail::setting_number_text(1e-3) == "1e-3");
  CHECK(zg::detail::setting_number_text(1e-2) == "1e-2");
  CHECK(zg::detail::setting_number_text(2.5e-7) == "2.5e-7");
  CHECK(zg::detail::setting_number_text(0.1) == "0.1");
  CHECK(zg::detail::setting_number_text(0.9) == "0.9");
  CHECK(zg::detail::setting_number_text(25) == "25");
  CHECK(zg::detail::setting_number_text(0) == "0");
  CHECK(zg::detail::setting_number_text(-0.5) == "-0.5");
  CHECK(zg::detail::setting_number_text(1e7) == "10000000");
  CHECK(zg::detail::setting_number_text(1.0 / 3) == "0.3333333333333333");
  CHECK(zg::detail::setting_number_text(12.5) == "12.5");
}
