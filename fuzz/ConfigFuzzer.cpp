//===- ConfigFuzzer.cpp - Fuzz the .spawnguard.yaml reader ----------------===//
//
// A .spawnguard.yaml is written by hand and lives in the user's tree, so
// parseConfig must turn any bytes into a configuration or errors that name
// the file, never a crash. An accepted configuration is then used as the
// driver uses it: its globs select rules and its Ignore patterns match
// paths, and --dump-config prints it.
//
//===----------------------------------------------------------------------===//

#include "FuzzChecks.h"
#include "spawnguard/Core/Config.h"
#include "spawnguard/Core/Rules.h"
#include "llvm/Support/raw_ostream.h"

using namespace spawnguard;

static constexpr llvm::StringLiteral ConfigPath = "/fuzz/.spawnguard.yaml";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  std::vector<std::string> Errors;
  std::optional<ConfigFile> File = parseConfig(Text, ConfigPath, Errors);
  if (!File) {
    if (Errors.empty())
      fuzz::invariantBroken("a configuration was rejected without a message");
    for (const std::string &Error : Errors)
      if (!llvm::StringRef(Error).starts_with(ConfigPath))
        fuzz::invariantBroken("an error does not name the file: " + Error);
    return 0;
  }
  if (!Errors.empty())
    fuzz::invariantBroken("a configuration was accepted with errors");

  // What ConfigResolver builds from one file, without the file system.
  EffectiveConfig Config;
  Config.Sources.push_back(ConfigPath.str());
  Config.Checks = File->Checks.value_or("");
  Config.Sinks = File->Sinks;
  for (const ConfigFile::Ignore &I : File->Ignores)
    Config.Ignores.push_back({"/fuzz/" + I.Path, I.Checks});
  for (const RuleInfo &Rule : allRules()) {
    Config.isEnabled(Rule, "");
    Config.isEnabled(Rule, "-*,SG101");
    Config.isIgnored(Rule, "/fuzz/src/a.cpp");
    Config.isIgnored(Rule, "/fuzz/third_party/x/y.py");
  }
  // --dump-config prints a configuration that reads back as one.
  std::string Dumped;
  llvm::raw_string_ostream OS(Dumped);
  dumpConfig(OS, Config, "", {});
  std::vector<std::string> DumpErrors;
  if (!parseConfig(Dumped, ConfigPath, DumpErrors))
    fuzz::invariantBroken("--dump-config output does not read back:\n" +
                          Dumped + "\n" + DumpErrors.front());
  return 0;
}
