#include "core/xml.hpp"

#include <doctest/doctest.h>

using factline::xml_escape;

TEST_CASE("xml_escape escapes the five markup characters and nothing else of the text") {
  CHECK(xml_escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  CHECK(xml_escape("미·중 AI — “따옴표” ☃") == "미·중 AI — “따옴표” ☃");
  CHECK(xml_escape("&amp;") == "&amp;amp;");  // escaped again: the text is taken literally
}

TEST_CASE("xml_escape keeps tab, line feed and carriage return as references, drops other controls") {
  CHECK(xml_escape("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
  CHECK(xml_escape(std::string("a\x01\x1f" "b", 4)) == "ab");
}
