#include "json_parse.hpp"

#include <optional>

#include "dataset_limits.hpp"

namespace salary::detail {
namespace {

// A name fit to quote in a path: a long one is cut (the path of a 1 MB key is not a message).
std::string quotable(const std::string& name) {
  if (name.size() <= 40) return name;
  size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return name.substr(0, cut) + "…";
}

// nlohmann's SAX interface, building the document as its own DOM parser does (each value goes
// into the innermost open container) plus the checks. Held pointers stay valid: an open container
// is always the last element of its parent array, and std::map nodes never move.
class CheckedBuilder {
 public:
  ParsedDocument doc;
  std::optional<Error> too_deep, problem;  // the first of each
  std::string syntax_error;

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const std::string&) { return value(v); }
  bool binary(json::binary_t&) { return false; }  // never produced by JSON text
  bool string(std::string& v) { return value(std::move(v)); }
  bool start_object(std::size_t) { return open(json::value_t::object); }
  bool start_array(std::size_t) { return open(json::value_t::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(std::string& k) {
    Frame& top = frames_.back();
    size_t length = utf8_characters(k);
    if (length > limits::kKeyChars)
      note(code::kDatasetValue, path_of(frames_.size()) + "/" + quotable(k),
           "key is " + format_integer(static_cast<long long>(length)) + " characters long; the limit is " +
               format_integer(limits::kKeyChars));
    else if (top.node->contains(k))
      note(code::kDatasetDuplicate, child_path(path_of(frames_.size()), k), "key appears twice");
    if (top.order) top.order->push_back(k);
    slot_ = &(*top.node)[k];
    top.name_of_next = std::move(k);
    return true;
  }

  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& e) {
    // "[json.exception.parse_error.101] parse error at …" → "parse error at …"
    std::string message = e.what();
    size_t start = message.find("] ");
    syntax_error = start == std::string::npos ? message : message.substr(start + 2);
    return false;
  }

 private:
  struct Frame {
    json* node;
    std::string name;          // this container's key or index in its parent
    std::string name_of_next;  // objects: the key just read
    size_t count = 0;          // arrays: elements so far
    std::vector<std::string>* order = nullptr;  // where to record this object's keys, if anywhere
  };

  void note(const char* code, const std::string& path, const std::string& what) {
    if (!problem) problem = Error{code, path + ": " + what};
  }

  // The path of frames_[0..depth) joined, e.g. "/occupations/15-1252".
  std::string path_of(size_t depth) const {
    std::string path;
    for (size_t i = 1; i < depth; ++i) path = child_path(path, frames_[i].name);
    return path;
  }
  std::string name_of_next() const {
    const Frame& top = frames_.back();
    return top.node->is_array() ? format_integer(static_cast<long long>(top.count)) : top.name_of_next;
  }
  std::string path_of_next() const { return child_path(path_of(frames_.size()), name_of_next()); }

  // Puts a value into the innermost open container (or makes it the root).
  template <typename Value>
  json* place(Value&& v) {
    if (frames_.empty()) {
      doc.root = json(std::forward<Value>(v));
      return &doc.root;
    }
    Frame& top = frames_.back();
    if (top.node->is_array()) {
      ++top.count;
      top.node->get_ref<json::array_t&>().emplace_back(std::forward<Value>(v));
      return &top.node->get_ref<json::array_t&>().back();
    }
    *slot_ = json(std::forward<Value>(v));
    return slot_;
  }
  template <typename Value>
  bool value(Value&& v) {
    place(std::forward<Value>(v));
    return true;
  }

  bool open(json::value_t type) {
    // The root is at depth 0; a container inside kDepth others is refused, and parsing stops.
    if (frames_.size() > static_cast<size_t>(limits::kDepth)) {
      too_deep = Error{code::kDatasetValue, path_of_next() + ": nested deeper than " +
                                                format_integer(limits::kDepth) + " levels"};
      return false;
    }
    std::string name = frames_.empty() ? "" : name_of_next();
    std::vector<std::string>* order = nullptr;
    if (frames_.size() == 1 && type == json::value_t::object && frames_[0].node->is_object())
      order = name == "areas" ? &doc.area_order : name == "occupations" ? &doc.occupation_order : nullptr;
    json* node = place(type);
    frames_.push_back(Frame{node, std::move(name), {}, 0, order});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }

  std::vector<Frame> frames_;
  json* slot_ = nullptr;  // the object member the next value goes into
};

}  // namespace

Result<ParsedDocument> parse_document(std::string_view text) {
  if (text.size() > limits::kBytes)
    return make_error(code::kDatasetValue, "/: the dataset is " +
                                               format_integer(static_cast<long long>(text.size())) +
                                               " bytes; the limit is " + format_integer(limits::kBytes));
  CheckedBuilder builder;
  bool parsed = json::sax_parse(text.begin(), text.end(), &builder);
  if (builder.too_deep) return *builder.too_deep;
  if (!parsed) return make_error(code::kDatasetSyntax, "/: not valid JSON: " + builder.syntax_error);
  if (builder.problem) return *builder.problem;
  return std::move(builder.doc);
}

}  // namespace salary::detail
