// web/wasm/records.schema read in C++, and a check of what a ResultWriter wrote (its trace, in a
// SALARY_RECORD_TRACE build) against one of its records: every field in the schema's order, under
// its name, of its type, lists and optional parts followed as the counts and flags written say.
// The JavaScript reader is generated from the same file (web/wasm/schema.mjs), so a writer that
// passes this check is read back field by field as it was written.
#pragma once

#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "result_writer.hpp"

namespace wire {

struct FieldSpec {
  std::string name;
  std::string type;  // as written in the schema: number, string?, place*, ...metro?, flags(a,b) ...
};

struct Schema {
  std::map<std::string, std::vector<FieldSpec>> records;
  std::string error;  // empty when the text parsed
};

inline Schema parse_schema(const std::string& text) {
  Schema schema;
  std::istringstream lines(text);
  std::string line;
  std::vector<FieldSpec>* current = nullptr;
  for (int number = 1; std::getline(lines, line); ++number) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string name, type, extra;
    if (!(words >> name)) continue;
    words >> type >> extra;
    if (!std::isspace(static_cast<unsigned char>(line[0]))) {
      if (!type.empty()) schema.error = "line " + std::to_string(number) + ": a record name alone expected";
      current = &schema.records[name];
    } else if (!current || type.empty() || !extra.empty()) {
      schema.error = "line " + std::to_string(number) + ": \"name type\" in a record expected";
    } else {
      current->push_back({name, type});
    }
  }
  return schema;
}

// Walks a trace along the schema. check() returns "" when the trace is exactly the record, else
// where they first differ, e.g. "estimate.factors[1].label: schema string \"label\", written
// number \"low\"".
class TraceCheck {
 public:
  using Trace = std::vector<salary::ResultWriter::Step>;

  TraceCheck(const Schema& schema, const Trace& trace) : schema_(schema), trace_(trace) {}

  std::string check(const std::string& record) {
    at_ = 0;
    error_.clear();
    fields(record, record);
    if (error_.empty() && at_ != trace_.size())
      error_ = record + ": " + std::to_string(trace_.size() - at_) + " more writes than the schema has fields, from \"" +
               trace_[at_].name + "\"";
    return error_;
  }

  // Every record a check has gone through, nested ones included.
  const std::set<std::string>& seen() const { return seen_; }

 private:
  static bool ends_with(const std::string& s, const char* tail) {
    std::string t(tail);
    return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
  }

  bool known(const std::string& record) {
    if (schema_.records.count(record)) return true;
    error_ = "records.schema has no record " + record;
    return false;
  }

  void fields(const std::string& record, const std::string& path) {
    if (!known(record)) return;
    seen_.insert(record);
    for (const FieldSpec& f : schema_.records.at(record)) {
      if (!error_.empty()) return;
      field(f.name, f.type, path + "." + f.name);
    }
  }

  // One write of `kind` under `name`; false (and the error) when the trace holds something else.
  bool expect(char kind, const std::string& name, const std::string& path, double* value = nullptr) {
    static const std::map<char, const char*> kinds = {{'n', "number"}, {'f', "flag"}, {'s', "string"},
                                                      {'N', "number?"}, {'S', "string?"}, {'c', "count"},
                                                      {'p', "present flag"}, {'r', "record"}};
    if (at_ >= trace_.size()) {
      error_ = path + ": schema " + kinds.at(kind) + " \"" + name + "\", but the record ends";
      return false;
    }
    const auto& step = trace_[at_];
    if (step.kind != kind || step.name != name) {
      error_ = path + ": schema " + kinds.at(kind) + " \"" + name + "\", written " +
               (kinds.count(step.kind) ? kinds.at(step.kind) : "?") + " \"" + step.name + "\"";
      return false;
    }
    if (value) *value = step.value;
    ++at_;
    return true;
  }

  void field(const std::string& name, const std::string& type, const std::string& path) {
    static const std::map<std::string, char> scalar = {
        {"number", 'n'}, {"flag", 'f'}, {"string", 's'}, {"number?", 'N'}, {"string?", 'S'}};
    double value = 0;
    if (scalar.count(type)) {
      expect(scalar.at(type), name, path);
    } else if (type == "number{}") {
      if (!expect('c', name, path, &value)) return;
      for (int i = 0; i < value && error_.empty(); ++i)
        expect('s', name, path + "[key]") && expect('n', name, path + "[value]");
    } else if (type.rfind("number[", 0) == 0) {
      int size = std::stoi(type.substr(7));
      for (int i = 0; i < size && error_.empty(); ++i) expect('n', name, path + "[" + std::to_string(i) + "]");
    } else if (type.rfind("flags(", 0) == 0) {
      size_t names = 1;
      for (char c : type) names += c == ',';
      for (size_t i = 0; i < names && error_.empty(); ++i) expect('f', name, path + "[" + std::to_string(i) + "]");
    } else if (ends_with(type, "*")) {
      if (!expect('c', name, path, &value)) return;
      std::string item = type.substr(0, type.size() - 1);
      for (int i = 0; i < value && error_.empty(); ++i) {
        std::string at = path + "[" + std::to_string(i) + "]";
        if (scalar.count(item)) expect(scalar.at(item), name, at);
        else fields(item, at);
      }
    } else if (ends_with(type, "?")) {  // R? and ...R?
      std::string record = type.substr(type.rfind('.') == std::string::npos ? 0 : type.rfind('.') + 1);
      record.pop_back();
      if (expect('p', name, path, &value) && value == 1) fields(record, path);
    } else if (expect('r', name, path)) {
      fields(type, path);
    }
  }

  const Schema& schema_;
  const Trace& trace_;
  size_t at_ = 0;
  std::string error_;
  std::set<std::string> seen_;
};

}  // namespace wire
