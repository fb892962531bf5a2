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
# The formatting test pins one clang-format major (dev.sh installs it).
if shutil.which("clang-format-19"):
    config.available_features.add("clang-format-19")

# promtool (Debian's prometheus, installed by dev.sh) validates the rule
# files the Alerting tests read; without it those tests fail, not skip.
config.substitutions.append(("%promtool", shutil.which("promtool") or "promtool"))

# unbounded-clangd is not built against an LLVM without libclangdMain.a (16).
if os.path.exists(os.path.join(config.unbounded_build_dir, "bin", "unbounded-clangd")):
    config.available_features.add("clangd")

# test/package: the packages CPack made (ctest's package/cpack runs first);
# the dpkg -i test changes the machine, so only CI (as root) asks for it.
config.substitutions.append(("%packages", os.path.join(config.unbounded_build_dir, "packages")))
config.substitutions.append(("%version", config.unbounded_version))
if config.unbounded_guard.upper() in ("ON", "1", "TRUE", "YES"):
    config.available_features.add("guard")
for tool in ["dpkg-deb", "lintian", "pre-commit", "bear", "cmake", "make"]:
    if shutil.which(tool):
        config.available_features.add(tool)
if os.environ.get("UNBOUNDED_DPKG_INSTALL_TEST") == "1" and os.geteuid() == 0:
    config.available_features.add("dpkg-install")
    config.environment["UNBOUNDED_DPKG_INSTALL_TEST"] = "1"
config.substitutions.append(("%cmake", shutil.which("cmake") or "cmake"))
# The tests' PATH, for tests that put the driver in front of it (pre-commit).
config.substitutions.append(("%{env_path}", config.environment["PATH"]))
# clang-tidy's default header filter: '.*' since 22, the main file before
# (test/driver/header-filter-default.test).
config.substitutions.append(
    ("%header_default", "ALL" if int(config.llvm_major) >= 22 else "MAIN"))
# clang-tidy's --dump-config lists module-wide options (unbounded.<Name>)
# before 22; 22 lists only options of enabled checks (shared-options.test).
config.substitutions.append(
    ("%dump_prefixes", "CHECK" if int(config.llvm_major) >= 22 else "CHECK,MODULE"))
