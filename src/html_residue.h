// HTML left in text by scrapers: tags and character references.
//
// Only what is surely HTML goes: a tag needs a known element name and well-formed attributes, and
// must close on its line, so "a < b", "<<三体>>" and "x<y>z" stay. A reference needs its ';'
// ("AT&T" stays). Both work on one line at a time and never add or remove a newline: a reference
// to a line break decodes to a space.
//
// Private to the library.
#pragma once

#include <string>

namespace pith::internal {

// Decodes character references (&nbsp; &amp; &#x4e2d; &#20013;) in `line` in place, repeatedly,
// so that double-escaped text ("&amp;lt;") comes out plain; returns how many it decoded.
int DecodeHtmlEntities(std::string* line);

// Removes HTML tags and comments from `line` in place, with the content of <script> and <style>
// elements that open and close on the line; returns how many tags it removed. A tag between two
// words that would otherwise run together leaves a space.
int RemoveHtmlTags(std::string* line);

}  // namespace pith::internal
