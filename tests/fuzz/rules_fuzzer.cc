// Rules loading: any text either loads or raises RuleError; nothing else escapes.
#include <cstdint>
#include <string_view>

#include "pith/error.h"
#include "pith/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)pith::RuleSet::FromJsonText(std::string_view(reinterpret_cast<const char*>(data), size),
                                      "fuzz.json");
  } catch (const pith::RuleError&) {
  }
  return 0;
}
