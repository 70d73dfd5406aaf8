// The fast reader behind DocumentFromJson, declared here so that its tests can tell which
// records it reads itself and which it leaves to nlohmann/json. Private to the library.
#pragma once

#include <string_view>

#include "pith/document.h"

namespace pith::internal {

// Reads `json` into *doc (a default-constructed Document) when the line is a JSON object the
// scanner reads itself: keys and string values are decoded here (escapes, \uXXXX with surrogate
// pairs, UTF-8 checked), nested values and numbers are handed to nlohmann/json one at a time.
// Returns false, without throwing, for anything else: malformed JSON, invalid UTF-8, control
// characters or a lone surrogate in a string, a repeated key, a field DocumentFromJson would
// reject. *doc is then in an unspecified state and the caller parses the whole line with
// nlohmann/json, which reads it the same way or says what is wrong with it.
bool ScanRecord(std::string_view json, std::string_view text_field, std::string_view id_field,
                Document* doc);

}  // namespace pith::internal
