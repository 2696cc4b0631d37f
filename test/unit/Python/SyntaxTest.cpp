//===- SyntaxTest.cpp -----------------------------------------------------===//

#include "Syntax.h"
#include "gtest/gtest.h"

using namespace spawnguard::python;

namespace {

TEST(Syntax, KnownFieldsAreTheGrammarsOwn) {
  const TSLanguage *Python = tree_sitter_python();
  std::vector<std::string> Names;
#define SPAWNGUARD_FIELD(Name) Names.push_back(#Name);
#include "Fields.def"
  ASSERT_EQ(Names.size(), unsigned(KnownField::Count));
  for (const std::string &Name : Names) {
    TSFieldId Expected =
        ts_language_field_id_for_name(Python, Name.data(), Name.size());
    EXPECT_NE(Expected, 0) << Name << " is not a field of the grammar";
    EXPECT_EQ(fieldId(Name), Expected) << Name;
  }
  // A field the table does not list is looked up by name.
  EXPECT_EQ(fieldId("type"), ts_language_field_id_for_name(Python, "type", 4));
  EXPECT_NE(fieldId("type"), 0);
}

} // namespace
