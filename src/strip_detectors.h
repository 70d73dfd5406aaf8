// Structural detectors that judge one line by its shape rather than its words, so they work for
// any language. Each is switched on by a rule naming it ("detector": "breadcrumb"), which gives
// the label and the id reported in `lines`. Private to the library.
#pragma once

#include <string_view>

#include "strip_lines.h"

namespace pith::internal {

// Detector names, as rules spell them. The line detectors below, then the document-level ones
// strip's classifier implements.
inline constexpr char kHtmlResidue[] = "html-residue";
inline constexpr char kScriptResidue[] = "script-residue";
inline constexpr char kBreadcrumb[] = "breadcrumb";
inline constexpr char kLinkList[] = "link-list";
inline constexpr char kKeywordStuffing[] = "keyword-stuffing";
inline constexpr char kDoubled[] = "doubled";
inline constexpr char kTitle[] = "title";
inline constexpr char kTitleRepeat[] = "title-repeat";
inline constexpr char kListBlock[] = "list-block";
inline constexpr char kMenuRun[] = "menu-run";
inline constexpr char kOutsideBody[] = "outside-body";

// Markup the converter left in the text: <div class=...>, </span>.
bool IsHtmlResidue(const Line& line);
// Script or style sheet text that leaked into the dump: long lines dense with { } ; = ( ).
bool IsScriptResidue(const Line& line);
// A short trail of short segments joined by the same arrow or slash: 首页 > 新闻 > 正文,
// Home » World » Europe.
bool IsBreadcrumb(const Line& line);
// A menu on one line: several short segments joined by | · / or, in CJK, by spaces; or a strip
// of thumbnails, each image followed by its headline ("[a.jpg] 标题 [b.jpg] 标题 …").
bool IsLinkList(const Line& line);
// A bare image file name such as "IMG_3886.jpg". Inline: strip asks it of every line.
inline bool IsImageName(std::string_view s) {
  if (s.size() > 80 || s.find(' ') != std::string_view::npos) return false;
  const std::size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || s.size() - dot > 5) return false;
  char ext[5] = {};
  for (std::size_t i = dot + 1; i < s.size(); ++i) ext[i - dot - 1] = static_cast<char>(s[i] | 0x20);
  const std::string_view e(ext);
  return e == "jpg" || e == "jpeg" || e == "png" || e == "gif" || e == "webp" || e == "bmp";
}
// The same phrase twice on one line: an image's alt text printed beside its caption ("A tree
// lies across a road. A tree lies across a road.").
bool IsDoubled(const Line& line);
// An SEO title or link farm: short segments joined by - _ | , 、 that keep repeating the same
// terms (色94色-色97色-色99色...).
bool IsKeywordStuffed(const Line& line);

}  // namespace pith::internal
