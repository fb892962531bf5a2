# lit configuration for unbounded-tidy. The build writes lit.site.cfg.py,
# which sets the paths below and loads this file.
import os
import shutil

import lit.formats

config.name = "unbounded-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
config.excludes = ["Inputs", "unit", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.unbounded_build_dir, "test")

# FileCheck, not and count come with LLVM; nothing else from PATH is needed.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
# Diagnostics must not depend on the terminal.
config.environment["TERM"] = "dumb"

plugin = os.path.join(config.unbounded_build_dir, "lib", "libUnboundedTidyModule.so")
driver = os.path.join(config.unbounded_build_dir, "bin", "unbounded-tidy")
tools = os.path.join(config.test_source_root, "tools")
mock = os.path.join(config.test_source_root, "Inputs", "mock")

config.substitutions.append(
    ("%check_both",
     "%s %s --clang-tidy %s --plugin %s --driver %s"
     % (config.python, os.path.join(tools, "check_frontends.py"),
        config.clang_tidy, plugin, driver)))
config.substitutions.append(
    ("%check_project",
     "%s %s --clang-tidy %s --plugin %s --driver %s"
     % (config.python, os.path.join(tools, "check_project.py"),
        config.clang_tidy, plugin, driver)))
config.substitutions.append(
    ("%clang_tidy_plugin", "%s --load=%s" % (config.clang_tidy, plugin)))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%unbounded_tidy", driver))
config.substitutions.append(("%mock_flags", "-nostdinc -isystem " + mock))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%llvm_major", config.llvm_major))
config.substitutions.append(("%llvm_prefix", config.llvm_prefix))
config.substitutions.append(
    ("%expect_exit", "%s %s" % (config.python, os.path.join(tools, "expect_exit.py"))))
config.substitutions.append(("%tools", tools))
config.substitutions.append(("%build", config.unbounded_build_dir))
config.substitutions.append(("%srcroot", config.unbounded_source_dir))

# unbounded-clangd and the LSP client that drives it (test/clangd).
config.substitutions.append(
    ("%unbounded_clangd", os.path.join(config.unbounded_build_dir, "bin", "unbounded-clangd")))
config.substitutions.append(
    ("%lsp_client", "%s %s" % (config.python, os.path.join(tools, "lsp_client.py"))))
# Headless Chromium measures the HTML report (dev.sh installs Debian's
# chromium); without it that test fails, naming what is missing.
config.substitutions.append(
    ("%chromium", shutil.which("chromium") or "chromium-is-not-installed"))
if shutil.which("nvim"):
    config.available_features.add("neovim")

# Another major version of clang-tidy, for the plugin's version guard.
other = shutil.which("clang-tidy-14")
if other:
    config.available_features.add("other-clang-tidy")
    config.substitutions.append(("%other_clang_tidy", other))

# Microsoft's SARIF validator, installed by dev.sh with npm into the build
# directory (never committed): tests that need it say REQUIRES: sarif-multitool.
multitool = os.path.join(config.unbounded_build_dir, "npm", "node_modules", ".bin",
                         "sarif-multitool")
if os.path.exists(multitool):
    config.available_features.add("sarif-multitool")
    config.substitutions.append(("%sarif_multitool", multitool))
if shutil.which("git"):
    config.available_features.add("git")

# promtool (Debian's prometheus, installed by dev.sh) validates the rule
# files the Alerting tests read; without it those tests fail, not skip.
config.substitutions.append(("%promtool", shutil.which("promtool") or "promtool"))
