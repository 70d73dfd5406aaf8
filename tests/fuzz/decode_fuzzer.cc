// Encoding detection and conversion of arbitrary file bytes: never crashes, always valid UTF-8 out.
#include <cstdint>
#include <string>

#include "pith/document.h"
#include "pith/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pith::RawInput raw;
  raw.kind = pith::RawInput::Kind::kFile;
  raw.bytes.assign(reinterpret_cast<const char*>(data), size);
  raw.id = "fuzz";
  raw.source = raw.where = "fuzz.txt";
  pith::DecodeResult r = pith::Decode(std::move(raw), pith::IngestOptions());
  if (r.doc) {
    // Serialization replaces invalid UTF-8; decoded text must need no replacement.
    const std::string json = pith::ToJsonLine(*r.doc);
    if (pith::DocumentFromJson(json).text != r.doc->text) __builtin_trap();
  }
  return 0;
}
