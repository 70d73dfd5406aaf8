// JSONL records: whatever the line, DocumentFromJson either throws InputError or gives a document
// whose serialization parses back to the same serialization.
#include <cstdint>
#include <string_view>

#include "pith/document.h"
#include "pith/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  pith::Document doc;
  try {
    doc = pith::DocumentFromJson(line);
  } catch (const pith::InputError&) {
    return 0;
  }
  const std::string once = pith::ToJsonLine(doc);
  const std::string twice = pith::ToJsonLine(pith::DocumentFromJson(once));
  if (once != twice) __builtin_trap();
  return 0;
}
