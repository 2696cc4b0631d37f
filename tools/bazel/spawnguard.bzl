"""Bazel rules for spawnguard: one cacheable `extract` action per C/C++
source file (an aspect), and one `link` action for the whole program.

    load("@spawnguard_rules//:spawnguard.bzl", "spawnguard_report")

    spawnguard_report(
        name = "spawnguard",
        deps = ["//app:server", "//tools:cli"],
    )

`bazel build //:spawnguard` then writes bazel-bin/spawnguard.txt. Each
extract action sees only its source, its headers and the toolchain, so its
facts are cached and can run remotely like a compile; only the link action
sees the whole program. See docs/scale.md.
"""

load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME", "C_COMPILE_ACTION_NAME")

SpawnguardFactsInfo = provider(
    doc = "Facts files of a target and of everything it depends on.",
    fields = {"facts": "depset of .sgfacts files"},
)

_CXX = [".cc", ".cpp", ".cxx", ".c++", ".C"]
_C = [".c"]

def _compile_command(ctx, target, cc_toolchain, src, is_c):
    features = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compilation = target[CcInfo].compilation_context
    action = C_COMPILE_ACTION_NAME if is_c else CPP_COMPILE_ACTION_NAME
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = getattr(ctx.rule.attr, "copts", []),
        source_file = src.path,
        include_directories = compilation.includes,
        quote_include_directories = compilation.quote_includes,
        system_include_directories = compilation.system_includes,
        preprocessor_defines = depset(transitive = [compilation.defines, compilation.local_defines]),
    )
    compiler = cc_common.get_tool_for_action(feature_configuration = features, action_name = action)
    flags = cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = action,
        variables = variables,
    )
    # The flags already name the source ("-c <src>") via source_file.
    return [compiler] + flags

def _spawnguard_aspect_impl(target, ctx):
    transitive = [
        dep[SpawnguardFactsInfo].facts
        for dep in getattr(ctx.rule.attr, "deps", [])
        if SpawnguardFactsInfo in dep
    ]
    if CcInfo not in target or not hasattr(ctx.rule.attr, "srcs"):
        return [SpawnguardFactsInfo(facts = depset(transitive = transitive))]

    cc_toolchain = find_cpp_toolchain(ctx)
    compilation = target[CcInfo].compilation_context
    facts = []
    for src_target in ctx.rule.attr.srcs:
        for src in src_target.files.to_list():
            if src.extension == "" or "." + src.extension not in _CXX + _C:
                continue
            out = ctx.actions.declare_file("%s.spawnguard/%s.sgfacts" % (ctx.label.name, src.path))
            command = _compile_command(ctx, target, cc_toolchain, src, "." + src.extension in _C)
            ctx.actions.run(
                executable = ctx.executable._spawnguard,
                arguments = ["extract", "-q", "--no-cache", "--relative-to", ".", "-o", out.path, "--"] + command,
                inputs = depset([src], transitive = [compilation.headers, cc_toolchain.all_files]),
                outputs = [out],
                mnemonic = "SpawnguardExtract",
                # Lets --action_env=SPAWNGUARD=... reach the wrapper script.
                use_default_shell_env = True,
                progress_message = "spawnguard: extracting facts of %s" % src.short_path,
            )
            facts.append(out)
    return [
        SpawnguardFactsInfo(facts = depset(facts, transitive = transitive)),
        OutputGroupInfo(spawnguard_facts = depset(facts, transitive = transitive)),
    ]

spawnguard_aspect = aspect(
    implementation = _spawnguard_aspect_impl,
    attr_aspects = ["deps"],
    attrs = {
        "_spawnguard": attr.label(
            default = Label("//:spawnguard"),
            executable = True,
            cfg = "exec",
        ),
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)

def _spawnguard_report_impl(ctx):
    facts = depset(transitive = [dep[SpawnguardFactsInfo].facts for dep in ctx.attr.deps])
    report = ctx.actions.declare_file(ctx.label.name + ".txt")
    # Findings are the report's content, not a failed action: exit code 1
    # means "found something"; only 2 (an input error) fails the build.
    ctx.actions.run_shell(
        command = '"$1" link -q "${@:3}" > "$2"; status=$?; test $status -le 1',
        arguments = [ctx.executable._spawnguard.path, report.path] + [f.path for f in facts.to_list()],
        inputs = facts,
        tools = [ctx.executable._spawnguard],
        outputs = [report],
        mnemonic = "SpawnguardLink",
        use_default_shell_env = True,
        progress_message = "spawnguard: linking %d facts files" % len(facts.to_list()),
    )
    return [DefaultInfo(files = depset([report]))]

spawnguard_report = rule(
    implementation = _spawnguard_report_impl,
    attrs = {
        "deps": attr.label_list(aspects = [spawnguard_aspect]),
        "_spawnguard": attr.label(
            default = Label("//:spawnguard"),
            executable = True,
            cfg = "exec",
        ),
    },
)
