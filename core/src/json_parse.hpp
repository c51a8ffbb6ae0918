// Parsing a dataset's text into a document for the loaders (json_reader.hpp), in one pass that
// also checks what is best checked while the text is read: nesting depth, a key given twice in
// one object (legal JSON, but the later value would silently win), and the length of every key
// (dataset_limits.hpp; the loaders check the strings they read). It takes time linear in the text: objects are std::maps, and
// nothing scans a container per entry (nlohmann's parser callback does, on every object's end).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"

namespace salary::detail {

struct ParsedDocument {
  json root;
  // The keys of /areas and of /occupations in document order (the menus list them in that
  // order; the document's objects are sorted by key).
  std::vector<std::string> area_order, occupation_order;
};

// Errors: dataset_syntax (not JSON: where and why, from the parser), dataset_value (too deep, a
// key too long: its path and the limit), dataset_duplicate (a key twice: its path).
Result<ParsedDocument> parse_document(std::string_view text);

}  // namespace salary::detail
