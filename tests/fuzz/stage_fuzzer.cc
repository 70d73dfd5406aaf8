// One per-document stage (PITH_FUZZ_STAGE) with default options on arbitrary text: no crash, no
// hang, and the stage keeps the line structure contract where it has one.
#include <cstdint>
#include <memory>
#include <string>

#include "pith/stage.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<pith::Stage> stage = [] {
    pith::StageOptions options;
    options.strip.explain = true;
    return pith::MakeStage(PITH_FUZZ_STAGE, options);
  }();
  pith::Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  (void)stage->Process(doc);
  return 0;
}
