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

// A label as report.json has it: the Unicode text under `key`, its LaTeX under key_latex.
void put_label(py::dict& out, const char* key, const MathLabel& label) {
  out[key] = label.text;
  out[(std::string(key) + "_latex").c_str()] = label.latex;
}

py::dict plot_of(const PlotSpec& p) {
  py::list series;
  for (const PlotSeries& s : p.series) {
    py::dict one;
    put_label(one, "label", s.label);
    one["x"] = array_of(s.x);
    one["y"] = array_of(s.y);
    one["colour"] = s.colour;
    series.append(one);
  }
  py::dict out;
  out["name"] = p.name;
  put_label(out, "title", p.title);
  put_label(out, "xlabel", p.xlabel);
  put_label(out, "ylabel", p.ylabel);
  out["log_x"] = p.log_x;
  out["log_y"] = p.log_y;
  out["vertical_markers"] = array_of(p.vertical_markers);
  out["series"] = series;
  if (p.heat_map) {
    py::dict map;
    map["x"] = array_of(p.heat_map->x);
    map["y"] = array_of(p.heat_map->y);
    // value[j * |x| + i] is the cell (x[i], y[j]) (core/plot_spec.hpp): row j, column i.
    const auto rows = static_cast<py::ssize_t>(p.heat_map->y.size());
    const auto columns = static_cast<py::ssize_t>(p.heat_map->x.size());
    py::array_t<double> cells({rows, columns}, p.heat_map->value.data());
    map["value"] = cells;
    put_label(map, "value_label", p.heat_map->value_label);
    out["heat_map"] = map;
  }
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
