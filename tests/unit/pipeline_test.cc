// Pipeline: building from names, in order, and reporting the first stage that cannot be built.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "pith/error.h"
#include "pith/pipeline.h"

TEST_CASE("A pipeline keeps its stages in the order named, however they are built", "[pipeline]") {
  const pith::StageOptions options;
  const std::vector<std::vector<std::string>> orders = {
      {"normalize", "strip", "extract"},
      {"extract", "normalize"},
      {"strip", "check", "normalize", "extract"},
  };
  for (const auto& names : orders) {
    CHECK(pith::Pipeline::FromNames(names, options).StageNames() == names);
  }
  CHECK(pith::Pipeline::Default(options).StageNames() ==
        std::vector<std::string>{"normalize", "strip", "extract"});
}

TEST_CASE("A pipeline that cannot be built names its first bad stage", "[pipeline]") {
  const pith::StageOptions options;
  struct Case {
    std::vector<std::string> names;
    std::string reported;
  };
  const Case cases[] = {
      {{"normalize", "first", "second"}, "\"first\""},
      {{"second", "strip", "first"}, "\"second\""},
  };
  for (const Case& c : cases) {
    try {
      pith::Pipeline::FromNames(c.names, options);
      FAIL("no error for " << c.reported);
    } catch (const pith::ConfigError& e) {
      CHECK_THAT(e.what(), Catch::Contains("unknown stage " + c.reported));
    }
  }
  // A stage whose own setup fails (an unknown script) is reported as such.
  pith::StageOptions bad_script;
  bad_script.normalize.to_script = "latin";
  CHECK_THROWS_WITH(pith::Pipeline::FromNames({"strip", "normalize", "nope"}, bad_script),
                    Catch::Contains("--to"));
}
