# -*- Python -*-
# lit configuration for spawnguard's end-to-end tests.
import os
import lit.formats

config.name = "spawnguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".py", ".test"]
config.excludes = ["Inputs", "unit", "tools", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
# The sanitizer build has no clang-tidy plugin or clangd (see the top-level
# CMakeLists.txt); their tests run in the plain build.
if not config.build_doors:
    config.excludes += ["clang-tidy", "clangd"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.spawnguard_obj_root, "test")

# Tests must not depend on the developer's terminal or locale.
config.environment["NO_COLOR"] = "1"
config.environment["LC_ALL"] = "C"

config.substitutions.append(("%spawnguard", config.spawnguard_bin))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(
    ("%clang-tidy-dir", os.path.dirname(config.clang_tidy)))
config.substitutions.append(("%clang-tidy", config.clang_tidy))
config.substitutions.append(("%tidy-plugin", config.tidy_plugin))
config.substitutions.append(("%spawnguard-clangd", config.spawnguard_clangd))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(
    ("%gen-cdb", "%s %s" % (config.python_executable,
                            os.path.join(config.test_source_root, "Inputs", "gen-cdb.py"))))
config.substitutions.append(
    ("%validate-sarif", "%s %s %s" % (config.test_python,
                                      os.path.join(config.test_source_root, "Inputs", "validate-sarif.py"),
                                      config.sarif_schema)))
config.substitutions.append(("%python", config.test_python))
# Pin every warning and note: an unexpected one fails the test, like
# CHECK-NOTES in clang-tidy's tests.
config.substitutions.append(
    ("%check-notes", "FileCheck --implicit-check-not='{{warning|note|error}}:'"))

# Tests that need an unreadable file: root reads through 'chmod 000', so
# when the tests run as root (CI containers), %unprivileged runs the command
# without the capabilities that let it. Output redirections stay with the
# test's shell.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # Root stays root (so it still reaches a build tree under /root) but
    # loses the capabilities that bypass file permissions.
    config.substitutions.append(
        ("%unprivileged",
         "setpriv --bounding-set=-dac_override,-dac_read_search"))
else:
    config.substitutions.append(("%unprivileged", ""))

llvm_tools = config.llvm_tools_dir
# 'not' is a builtin of lit's shell; the others come from llvm-19-tools.
for tool in ["FileCheck", "split-file", "count"]:
    config.substitutions.append(
        ("\\b%s\\b" % tool, os.path.join(llvm_tools, tool)))
