// Tests for verify/settings_docs.hpp: docs/config.md holds exactly the tables rendered from
// the settings declarations (the drift test), a doctored table is caught and restored, a
// missing marker is refused, and the renderer writes ranges as the docs always wrote them.
#include "verify/settings_docs.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "core/input_error.hpp"
#include "tests/support/shell.hpp"

using Catch::Matchers::Contains;

namespace {

const std::string kConfigDoc = std::string(ZG_SOURCE_DIR) + "/docs/config.md";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string refusal(const std::string& document) {
  try {
    zg::detail::with_rendered_tables(document, "config.md");
  } catch (const zg::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("docs/config.md shows the settings tables rendered from their declarations", "[settings][docs]") {
  const std::string doc = zg::test::read_whole(kConfigDoc);
  REQUIRE(!doc.empty());
  // On failure: cmake --build build --target config_docs && build/verify/config_docs docs/config.md
  CHECK(zg::detail::with_rendered_tables(doc, kConfigDoc) == doc);
  for (const zg::detail::RenderedTable& t : zg::detail::rendered_settings_tables())
    CHECK_THAT(doc, Contains(zg::detail::begin_marker(t.name) + t.markdown + zg::detail::end_marker(t.name)));
}

TEST_CASE("a doctored settings table is caught as drift and restored by rendering", "[settings][docs]") {
  const std::string doc = zg::test::read_whole(kConfigDoc);
  // A wrong default, a hand-edited meaning, a deleted row: each differs from the rendering,
  // which gives the original file back.
  const std::string wrong_default =
      replaced(doc, "| `far_radius_deg` | number | `10` |", "| `far_radius_deg` | number | `11` |");
  const std::string edited_meaning = replaced(doc, "stage 3: weight decay of the first epoch", "stage 3: first decay");
  const std::string deleted_row =
      replaced(doc,
               "| `batch_size` | integer | `0` | 0 … 10⁸ | samples | finite samples: mini-batch size; `0` is the "
               "full batch |\n",
               "");
  // The same for a generated table of the problem's keys: [teacher.generate]'s magnitude.
  const std::string wrong_magnitude =
      replaced(doc, "| `magnitude` | number | `1` | > 0 |", "| `magnitude` | number | `2` | > 0 |");
  const std::string deleted_seed_row =
      replaced(doc, "| `seed` | integer | top-level `seed` | 0 … 2⁶⁴−1 |  | seed of the rotations |\n", "");
  for (const std::string& doctored : {wrong_default, edited_meaning, deleted_row, wrong_magnitude, deleted_seed_row}) {
    CHECK(doctored != doc);
    CHECK(zg::detail::with_rendered_tables(doctored, "config.md") == doc);
  }
}

TEST_CASE("a missing or misplaced marker is refused, naming the table and the marker lines", "[settings][docs]") {
  const std::string doc = zg::test::read_whole(kConfigDoc);
  const std::string no_end = replaced(doc, zg::detail::end_marker("landscape"), "");
  CHECK_THAT(
      refusal(no_end),
      Contains("config.md: [landscape]: no generated table") && Contains("<!-- end settings table [landscape] -->"));
  CHECK_THAT(refusal(replaced(doc, zg::detail::begin_marker("algorithm"), "")),
             Contains("config.md: [algorithm]: no generated table"));
  CHECK_THAT(refusal(replaced(doc, zg::detail::end_marker("teacher.generate"), "")),
             Contains("config.md: [teacher.generate]: no generated table"));
  CHECK(refusal(doc).empty());
}

TEST_CASE("ranges and defaults are written as the hand-written docs wrote them", "[settings][docs]") {
  using zg::closed_end;
  using zg::open_end;
  using zg::detail::range_text;
  const zg::ArrayRule none;
  CHECK(range_text(zg::SettingKind::Number, zg::any_value(), none, "") == "any");
  CHECK(range_text(zg::SettingKind::Number, zg::positive(), none, "") == "> 0");
  CHECK(range_text(zg::SettingKind::Number, zg::between(open_end(0), closed_end(4)), none, "") == "(0, 4]");
  CHECK(range_text(zg::SettingKind::Number, zg::between(open_end(0), open_end(1)), none, "") == "(0, 1)");
  CHECK(range_text(zg::SettingKind::Integer, zg::integers(16, 1e7), none, "") == "16 … 10⁷");
  CHECK(range_text(zg::SettingKind::Integer, zg::integers(1, 1000), none, "") == "1 … 1000");
  CHECK(range_text(zg::SettingKind::IntegerArray, zg::integers(2, 1e8), zg::ArrayRule{2, true, ""}, "") ==
        "increasing, ≥ 2 entries, each 2 … 10⁸");
  CHECK(range_text(zg::SettingKind::Integer, zg::integers(0, 9), none, "even") ==
        "0 … 9; even (checked when the "
        "claim runs)");
  CHECK(zg::detail::value_text(zg::SettingValue{1e-6}) == "`1e-6`");
  CHECK(zg::detail::value_text(zg::SettingValue{std::vector<long long>{8, 16}}) == "`[8, 16]`");
}
