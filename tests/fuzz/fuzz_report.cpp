// libFuzzer harness: report.json text through parse_report_json (reports/report_writer.hpp),
// the reader of `verify report --from` and `verify run --baseline`; a report that parses
// is then compared with itself and with an empty run (reports/baseline.hpp), which reads
// every measurement's value and error as decimals in MPFR.
// InputError is the documented answer to bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>

#include "core/input_error.hpp"
#include "reports/baseline.hpp"
#include "reports/report_writer.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  zg::ReportDocument doc;
  try {
    doc = zg::parse_report_json(zg::fuzz::input_text(data, size), "fuzz-report.json");
  } catch (const zg::InputError&) {
    return 0;
  }
  (void)zg::compare_with_baseline(doc.run, doc.run, "fuzz-report.json");
  (void)zg::compare_with_baseline(doc.run, zg::RunReport{}, "empty.json");
  (void)zg::compare_with_baseline(zg::RunReport{}, doc.run, "fuzz-report.json");
  return 0;
}
