// Claim records of a run as Python dicts (python/run_records.hpp).
#include "python/run_records.hpp"

#include <string>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>
#include <nlohmann/json.hpp>

#include "python/json_to_python.hpp"
#include "reports/report_writer.hpp"

namespace py = pybind11;

namespace zg::python {
namespace {

py::array_t<double> array_of(const std::vector<double>& v) {
  return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
}

py::dict plot_of(const PlotSpec& p) {
  py::list series;
  for (const PlotSeries& s : p.series) {
    py::dict one;
    one["label"] = s.label;
    one["x"] = array_of(s.x);
    one["y"] = array_of(s.y);
    series.append(one);
  }
  py::dict out;
  out["name"] = p.name;
  out["title"] = p.title;
  out["xlabel"] = p.xlabel;
  out["ylabel"] = p.ylabel;
  out["log_x"] = p.log_x;
  out["log_y"] = p.log_y;
  out["vertical_markers"] = array_of(p.vertical_markers);
  out["series"] = series;
  return out;
}

py::dict attachment_of(const AttachedFile& f) {
  py::dict out;
  out["path"] = f.path;
  out["kind"] = f.kind;
  out["description"] = f.description;
  out["content"] = f.content;
  return out;
}

}  // namespace

py::list run_records(const ReportDocument& doc) {
  const nlohmann::ordered_json report = nlohmann::ordered_json::parse(render_json(doc));
  const nlohmann::ordered_json& claims = report.at("claims");
  py::list out;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    py::dict record = py::reinterpret_borrow<py::dict>(to_python(claims[i]));
    py::list plots;
    for (const PlotSpec& p : doc.run.claims.at(i).plots) plots.append(plot_of(p));
    record["plots"] = plots;
    py::list attachments;
    for (const AttachedFile& f : doc.run.claims.at(i).attachments) attachments.append(attachment_of(f));
    record["attachments"] = attachments;
    out.append(record);
  }
  return out;
}

}  // namespace zg::python
