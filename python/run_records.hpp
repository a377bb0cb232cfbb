// `zgverify.run`'s result: the claim records of report.json (reports/json_report.cpp, the
// schema of docs/report-json.md), each a dict, plus its plot data as NumPy arrays and the
// files (certificates) it would write.
#pragma once

#include <pybind11/pybind11.h>

#include "reports/report_document.hpp"

namespace zg::python {

/// One dict per claim of `doc.run`, rendered by render_json itself (so byte for byte the
/// records `verify run` writes), each with two keys more, which the CLI writes as files:
/// "plots", a list of {"name", "title", "xlabel", "ylabel", "log_x", "log_y",
/// "vertical_markers", "series": [{"label", "x", "y"}]}, the arrays NumPy float64; and
/// "attachments", a list of {"path", "kind", "description", "content"} (the certificates
/// a proving claim writes beside report.json).
pybind11::list run_records(const ReportDocument& doc);

}  // namespace zg::python
