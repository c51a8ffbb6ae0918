// A compact binary snapshot of a loaded, validated Dataset. The shipped default data travels in
// this form so that the browser module needs no JSON parser (nlohmann and the validating loader
// are most of the wasm's size); a custom JSON dataset still goes through load_dataset().
//
// Format: "SALB", a format byte, a part byte, then every field of the Dataset in declaration
// order, in two streams one after the other: the numbers and counts (led by their size), then the
// strings (each led by its length). Counts and lengths are LEB128 varints; numbers are varints of
// value / 10 or value × 10^k when that is exact (k = 0, 2, 4, 7), else 8 raw bytes; a wage
// percentile is stored as its step from the one below, an hourly median as its difference in
// cents from the annual median / 2080. unpack_dataset() bounds-checks every read, so corrupt or
// hostile bytes give an error naming the byte offset, never a crash.
#pragma once

#include <string>
#include <string_view>

#include "salary/dataset.hpp"

namespace salary {

// Which parts of the dataset a snapshot holds. The default data is split in three so a page that
// shows only the nation's and the states' wage figures and estimates (the compact widget) never
// downloads the rest.
enum class DatasetPart {
  kAll,     // everything
  kCore,    // everything except the extras and the areas
  kExtras,  // the tax tables, the state price parities, the compensation norms, the published
            // estimates
  kAreas,   // every metro and nonmetro wage area (and the territories they lie in) with its
            // counties, DOL's prevailing wage levels, BLS's metro medians, and the price parities
            // of metros and of states' metro and nonmetro portions
};

std::string pack_dataset(const Dataset& data, DatasetPart part = DatasetPart::kAll);

// Reads a snapshot. For kExtras and kAreas, `into` must already hold the matching core part: the
// part is added to it (in either order). Errors: dataset_syntax ("byte 1234: truncated" / "not a
// dataset snapshot").
Result<Dataset> unpack_dataset(std::string_view bytes);
// The same for a core-part snapshot only (a whole-dataset one is refused): what the default wasm
// module reads, so that it carries no code for the extras or the areas. Their tables, and the
// model of the wage areas, come with the full module (unpack_dataset, unpack_extras, unpack_areas).
Result<Dataset> unpack_core(std::string_view bytes);
std::optional<Error> unpack_extras(std::string_view bytes, Dataset& into);
std::optional<Error> unpack_areas(std::string_view bytes, Dataset& into);

}  // namespace salary
