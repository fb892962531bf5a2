#!/usr/bin/env python3
"""The check catalogue (checks/catalogue.json): validate it, list its checks,
and generate from it what is written once for every check.

usage: catalogue.py check            validate; every doc and test file exists
       catalogue.py names            print the check names, one a line
       catalogue.py generate         rewrite the committed generated text: the
                                     README's check table, docs/checks/README.md,
                                     each page's header and options table, the
                                     shared options table of docs/configuration.md
       catalogue.py generate --check list what is stale; exit 1 if anything is
       catalogue.py build-files DIR  write the registration list and the source
                                     list for the build into DIR (CMake runs it)
       catalogue.py dump-config FILE [CHECK]
                                     compare a front end's --dump-config output
                                     (FILE, - for stdin) with the options here,
                                     of CHECK alone when given
       catalogue.py new-check unbounded-xxx
                                     scaffold a check: header, source, docs
                                     page, test and catalogue entry
Every command takes --root DIR first to work on a copy of the tree.
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEVERITIES = ("high", "medium", "low")
VERIFIABLE = ("static", "runtime", "alerts", "none")
# What an option's value is; checks/utils/CheckOptions.cpp validates them.
OPTION_TYPES = ("list", "regex", "count", "large-count", "bool", "path")
SHARED_PREFIX = "unbounded."
GENERATED = "Generated from checks/catalogue.json by tools/catalogue.py %s; do not edit"


def path(*parts):
    return os.path.join(ROOT, *parts)


def load():
    with open(path("checks", "catalogue.json"), encoding="utf-8") as source:
        return json.load(source)


def class_name(check):
    """unbounded-thread-creation -> ThreadCreationCheck: one name drives the
    class, its files, its docs page and its test."""
    words = check[len("unbounded-"):].split("-")
    return "".join(word.capitalize() for word in words) + "Check"


def shared_key(option):
    return option.get("key", SHARED_PREFIX + option["name"])


def option_problems(owner, option):
    name = option["name"]
    if option["type"] not in OPTION_TYPES:
        yield "%s: option %s: type must be one of %s" % (owner, name, ", ".join(OPTION_TYPES))
    if (option["type"] == "regex") != name.endswith("Pattern"):
        yield "%s: option %s: regex options, and only they, end in Pattern" % (owner, name)
    if not option["description"].strip():
        yield "%s: option %s: empty description" % (owner, name)


CASE_STUDIES = "docs/case-studies.md"


def anchors(text):
    """The link targets of a Markdown page: heading slugs and <a id>s."""
    found = set(re.findall(r'<a id="([^"]+)"></a>', text))
    for heading in re.findall(r"^#+ (.+)$", text, re.M):
        found.add(re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-"))
    return found


def anchor_problems(catalogue):
    """Case studies and checklist items the generated links point to."""
    try:
        with open(path(CASE_STUDIES), encoding="utf-8") as page:
            targets = anchors(page.read())
    except OSError as error:
        yield "%s: %s" % (CASE_STUDIES, error.strerror)
        return
    for entry in catalogue["case_studies"] + catalogue["checklist"]:
        if entry["id"] not in targets:
            yield "%s has no anchor #%s" % (CASE_STUDIES, entry["id"])


def problems(catalogue):
    studies = {study["id"] for study in catalogue["case_studies"]}
    items = {item["id"] for item in catalogue["checklist"]}
    families = {family["id"] for family in catalogue.get("metric_families", [])}
    for family in catalogue.get("metric_families", []):
        for pattern in family["patterns"]:
            try:
                re.compile(pattern)
            except re.error as error:
                yield "metric family %s: bad pattern %r: %s" % (family["id"], pattern, error)
    for item in catalogue["checklist"]:
        if item["verifiable"] not in VERIFIABLE:
            yield "checklist item %s: verifiable must be one of %s" % (
                item["id"], ", ".join(VERIFIABLE))
        for alternative in item.get("families", []):
            for family in alternative:
                if family not in families:
                    yield "checklist item %s: unknown metric family %s" % (item["id"], family)
        if item["section"] in ("Monitoring", "Alerting") and not item.get("families"):
            yield "checklist item %s: a %s item names its metric families" % (
                item["id"], item["section"])
    yield from anchor_problems(catalogue)
    shared = {option["name"] for option in catalogue["shared_options"]}
    for option in catalogue["shared_options"]:
        yield from option_problems("shared options", option)
    seen = set()
    for check in catalogue["checks"]:
        name = check["name"]
        if name in seen:
            yield "%s: listed twice" % name
        seen.add(name)
        if not name.startswith("unbounded-"):
            yield "%s: check names start with unbounded-" % name
        if check["case_study"] not in studies:
            yield "%s: unknown case study %s" % (name, check["case_study"])
        if check["severity"] not in SEVERITIES:
            yield "%s: severity must be one of %s" % (name, ", ".join(SEVERITIES))
        for item in check["checklist"]:
            if item not in items:
                yield "%s: unknown checklist item %s" % (name, item)
        for key in ("doc", "test"):
            expected = {"doc": "docs/checks/%s.md", "test": "test/checks/%s.cpp"}[key]
            if check[key] != expected % name:
                yield "%s: %s should be %s" % (name, key, expected % name)
            elif not os.path.isfile(path(check[key])):
                yield "%s: %s %s does not exist" % (name, key, check[key])
        if not check["summary"].strip():
            yield "%s: empty summary" % name
        for option in check["options"]:
            yield from option_problems(name, option)
            if option["name"] in shared:
                yield "%s: option %s is a shared option; list it in shared_options" % (
                    name, option["name"])
        for option in check["shared_options"]:
            if option not in shared:
                yield "%s: unknown shared option %s" % (name, option)
        for header in (".h", ".cpp"):
            source = os.path.join("checks", class_name(name) + header)
            if not os.path.isfile(path(source)):
                yield "%s: %s does not exist" % (name, source)


def sorted_checks(catalogue):
    return sorted(catalogue["checks"], key=lambda c: c["name"])


def docs_index(catalogue):
    studies = {study["id"]: study for study in catalogue["case_studies"]}
    items = {item["id"]: item for item in catalogue["checklist"]}
    lines = [
        "<!-- %s. -->" % (GENERATED % "generate"),
        "",
        "# Checks",
        "",
        "| Check | Case study | Severity | Checklist item | Summary |",
        "|---|---|---|---|---|",
    ]
    for check in sorted_checks(catalogue):
        name = check["name"]
        checklist = "; ".join(item_link(items[i]) for i in check["checklist"])
        lines.append("| [`%s`](%s.md) | %s | %s | %s | %s |" % (
            name, name, study_link(studies[check["case_study"]]), check["severity"],
            checklist, check["summary"]))
    lines += ["", "Options every check shares (`unbounded.<Name>`) are in"
              " [configuration.md](../configuration.md).",
              "", "## Prevention checklist", "",
              "What each item of the case studies' checklist can be verified by:"
              " `static` (these checks), `runtime` (the runtime guard, in tests),"
              " `alerts` (the project's Prometheus rule files, `--alert-rules`),"
              " `none` (process, not code). docs/checklist.md says what passes"
              " and fails each item.", "",
              "| Section | Item | Verifiable | Checks |", "|---|---|---|---|"]
    for item in catalogue["checklist"]:
        checks = ", ".join("`%s`" % c["name"] for c in catalogue["checks"]
                           if item["id"] in c["checklist"]) or "-"
        lines.append("| %s | %s | %s | %s |" % (
            item["section"], item_link(item), item["verifiable"], checks))
    return "\n".join(lines) + "\n"


def study_link(study):
    """A case study's title linked to its section, from docs/checks/."""
    return "[%s](../case-studies.md#%s)" % (study["title"], study["id"])


def item_link(item):
    """A checklist item's text linked to its entry, from docs/checks/."""
    return "[%s](../case-studies.md#%s)" % (item["text"], item["id"])


def readme_table(catalogue):
    lines = ["| Check | Finds |", "|---|---|"]
    for check in sorted_checks(catalogue):
        lines.append("| [`%s`](docs/checks/%s.md) | %s |" % (
            check["name"], check["name"], check["summary"]))
    return lines


def page_header(catalogue, check):
    studies = {study["id"]: study for study in catalogue["case_studies"]}
    items = {item["id"]: item for item in catalogue["checklist"]}
    sections = []
    for item_id in check["checklist"]:
        item = items[item_id]
        if sections and sections[-1][0] == item["section"]:
            sections[-1][1].append(item_link(item))
        else:
            sections.append((item["section"], [item_link(item)]))
    listed = "; ".join("%s — %s" % (section, ", ".join(texts))
                       for section, texts in sections)
    label = "Checklist items" if len(check["checklist"]) > 1 else "Checklist item"
    return ["**Case study:** %s. **%s:** %s. **Severity:** %s." % (
        study_link(studies[check["case_study"]]), label, listed, check["severity"])]


def cell(text):
    return text.replace("|", "\\|")


def shown_default(option):
    """The default as a table cell: long ones are cut at a separator."""
    value = option["default"]
    if not value:
        return "(empty)", False
    if len(value) <= 100:
        return "`%s`" % cell(value), False
    cut = value[:70]
    for separator in (";", "|"):
        if separator in cut:
            cut = cut[:cut.rindex(separator) + 1]
            break
    return "`%s...`" % cell(cut), True


def option_row(option, shared):
    default, cut = shown_default(option)
    meaning = option["description"]
    if cut:
        meaning += " (`--dump-config` shows the whole default.)"
    if shared:
        meaning += " Shared: `%s` sets it for every check." % shared_key(option)
    return "| `%s` | %s | %s |" % (option["name"], default, cell(meaning))


def options_table(catalogue, check):
    shared = {option["name"]: option for option in catalogue["shared_options"]}
    if not check["options"] and not check["shared_options"]:
        return ["This check has no options."]
    lines = ["| Option | Default | Meaning |", "|---|---|---|"]
    lines += [option_row(option, None) for option in check["options"]]
    lines += [option_row(shared[name], shared[name]) for name in check["shared_options"]]
    lines += ["", "Where options go, and how a check's own value overrides a"
              " shared one: [configuration.md](../configuration.md)."]
    return lines


def shared_options_table(catalogue):
    lines = ["| Option | Default | Read by | Meaning |", "|---|---|---|---|"]
    for option in catalogue["shared_options"]:
        readers = ", ".join("`%s`" % c["name"] for c in sorted_checks(catalogue)
                            if option["name"] in c["shared_options"])
        default, cut = shown_default(option)
        meaning = option["description"] + (
            " (`--dump-config` shows the whole default.)" if cut else "")
        lines.append("| `%s` | %s | %s | %s |" % (
            shared_key(option), default, readers, cell(meaning)))
    return lines


def begin_marker(section):
    return "<!-- BEGIN %s: %s. -->" % (section, GENERATED % "generate")


def end_marker(section):
    return "<!-- END %s -->" % section


def replace_section(text, section, lines, where):
    """Text with the lines between section's markers replaced by lines."""
    begin, end = begin_marker(section), end_marker(section)
    start = text.find(begin)
    stop = text.find(end)
    if start < 0 or stop < start:
        raise ValueError("%s: no '%s' markers (BEGIN %s ... END %s)" % (
            where, section, section, section))
    return text[:start] + "\n".join([begin] + lines) + "\n" + text[stop:]


def generated(catalogue):
    """Every committed generated text: {relative path: (old, new)}."""
    outputs = {}

    def update(relative, make):
        with open(path(relative), encoding="utf-8") as source:
            old = source.read()
        outputs[relative] = (old, make(old))

    outputs["docs/checks/README.md"] = (
        read_or_empty(path("docs", "checks", "README.md")), docs_index(catalogue))
    update("README.md", lambda text: replace_section(
        text, "checks", readme_table(catalogue), "README.md"))
    update("docs/configuration.md", lambda text: replace_section(
        text, "shared-options", shared_options_table(catalogue), "docs/configuration.md"))
    for check in catalogue["checks"]:
        def page(text, check=check):
            text = replace_section(text, "header", page_header(catalogue, check), check["doc"])
            return replace_section(text, "options", options_table(catalogue, check), check["doc"])
        update(check["doc"], page)
    return outputs


def read_or_empty(name):
    try:
        with open(name, encoding="utf-8") as source:
            return source.read()
    except FileNotFoundError:
        return ""


def generate(catalogue, check_only):
    stale = []
    for relative, (old, new) in sorted(generated(catalogue).items()):
        if old == new:
            continue
        stale.append(relative)
        if not check_only:
            with open(path(relative), "w", encoding="utf-8") as out:
                out.write(new)
    if check_only:
        for relative in stale:
            sys.stderr.write("catalogue.py: error: %s is stale; run"
                             " tools/catalogue.py generate\n" % relative)
        return 1 if stale else 0
    for relative in stale:
        print("wrote %s" % relative)
    return 0


def registrations(catalogue):
    checks = sorted_checks(catalogue)
    lines = ["// %s." % (GENERATED % "build-files"),
             "// The check registrations UnboundedTidyModule.cpp includes.", ""]
    lines += ['#include "%s.h"' % class_name(c["name"]) for c in checks]
    lines += ['#include "utils/CheckOptions.h"', "",
              "namespace clang::tidy::unbounded {", "",
              "/// Registers every check of the catalogue.",
              "inline void registerCatalogueChecks(ClangTidyCheckFactories &Factories) {"]
    lines += ['  utils::registerValidatedCheck<%s>(Factories, "%s");' % (
        class_name(c["name"]), c["name"]) for c in checks]
    lines += ["}", "", "} // namespace clang::tidy::unbounded"]
    return "\n".join(lines) + "\n"


def sources(catalogue):
    lines = ["# %s." % (GENERATED % "build-files"),
             "# The checks' sources, for checks/CMakeLists.txt.",
             "set(UNBOUNDED_CHECK_SOURCES"]
    lines += ['  "${CMAKE_CURRENT_SOURCE_DIR}/%s.cpp"' % class_name(c["name"])
              for c in sorted_checks(catalogue)]
    lines += [")"]
    return "\n".join(lines) + "\n"


def build_files(catalogue, directory):
    """Writes the build's generated files, only when they change, so that an
    unchanged catalogue rebuilds nothing."""
    os.makedirs(directory, exist_ok=True)
    for name, text in (("CatalogueChecks.inc", registrations(catalogue)),
                       ("CatalogueSources.cmake", sources(catalogue))):
        target = os.path.join(directory, name)
        if read_or_empty(target) != text:
            with open(target, "w", encoding="utf-8") as out:
                out.write(text)
    return 0


def dump_config_values(text):
    """The CheckOptions of a --dump-config output: {key: value}."""
    values = {}
    inside = False
    for line in text.splitlines():
        if line.startswith("CheckOptions:"):
            inside = True
            continue
        if inside and not line.startswith("  "):
            inside = False
        match = re.match(r"^  ([^:]+): ?(.*)$", line) if inside else None
        if not match:
            continue
        value = match.group(2)
        if value.startswith("'") and value.endswith("'"):
            value = value[1:-1].replace("''", "'")
        values[match.group(1)] = value
    return values


def expected_config(catalogue, only):
    """Every option key a front end dumps with the checks only (all when
    None) enabled, with its default."""
    shared = {option["name"]: option for option in catalogue["shared_options"]}
    expected = {}
    for check in catalogue["checks"]:
        if only is not None and check["name"] != only:
            continue
        for option in check["options"]:
            expected["%s.%s" % (check["name"], option["name"])] = option["default"]
        for name in check["shared_options"]:
            option = shared[name]
            expected["%s.%s" % (check["name"], name)] = option["default"]
            if "key" not in option:
                expected[shared_key(option)] = option["default"]
    return expected


def dump_config(catalogue, source, only):
    text = sys.stdin.read() if source == "-" else read_or_empty(source)
    actual = {key: value for key, value in dump_config_values(text).items()
              if key.startswith("unbounded")}
    expected = expected_config(catalogue, only)
    found = []
    for key in sorted(set(actual) | set(expected)):
        if key not in actual:
            found.append("%s: in the catalogue, not in --dump-config" % key)
        elif key not in expected:
            found.append("%s: in --dump-config, not in the catalogue" % key)
        elif actual[key] != expected[key]:
            found.append("%s: --dump-config says %r, the catalogue %r" % (
                key, actual[key], expected[key]))
    for problem in found:
        sys.stderr.write("catalogue.py: error: %s\n" % problem)
    if not found:
        print("%d options agree" % len(expected))
    return 1 if found else 0


HEADER_TEMPLATE = """//===- {cls}.h - {name} {pad}*- C++ -*-===//

#ifndef UNBOUNDED_{upper}_H
#define UNBOUNDED_{upper}_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded {{

/// Finds calls to the functions of its Functions option (a scaffold: replace
/// the matcher with what the check finds).
///
/// For the user-facing documentation see:
/// docs/checks/{name}.md
class {cls} : public ClangTidyCheck {{
public:
  {cls}(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  const std::vector<std::string> Functions;
}};

}} // namespace clang::tidy::unbounded

#endif
"""

SOURCE_TEMPLATE = """//===- {cls}.cpp - {name} {pad2}===//

#include "{cls}.h"
#include "utils/Names.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {{

{cls}::{cls}(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Functions(utils::parseList(Options.get("Functions", "{default}"))) {{}}

void {cls}::storeOptions(ClangTidyOptions::OptionMap &Opts) {{
  Options.store(Opts, "Functions", utils::joinList(Functions));
}}

void {cls}::registerMatchers(MatchFinder *Finder) {{
  std::vector<StringRef> Names(Functions.begin(), Functions.end());
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Names)))).bind("call"), this);
}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  diag(Call->getBeginLoc(), "call to %0") << Call->getDirectCallee();
}}

}} // namespace clang::tidy::unbounded
"""

TEST_TEMPLATE = """// {name}: what it finds and what it leaves alone.
// RUN: %check_both %s {name} -- -std=c++17 \\
// RUN:   | FileCheck %s --implicit-check-not="{{{{warning|note}}}}:"

void {function}();
void other_call();

void positive() {{
  {function}();
  // CHECK: :[[@LINE-1]]:3: warning: call to '{function}' [{name}]
}}

void negative() {{ other_call(); }}
"""

DOC_TEMPLATE = """# {name}

One paragraph on what the check finds.

{header_begin}
{header_end}

## What it finds

Calls to the functions of `Functions` (a scaffold: say what the check finds,
and what it leaves alone, with an example of each).

## Options

{options_begin}
{options_end}

## Limits of the analysis

- What it cannot see, and why.
"""


def pad_to(prefix, suffix, width=80):
    return "-" * max(3, width - len(prefix) - len(suffix))


def new_check(catalogue, name):
    if not re.match(r"^unbounded-[a-z]+(-[a-z]+)*$", name):
        sys.stderr.write("catalogue.py: error: '%s' is not a check name"
                         " (unbounded- and lower-case words joined by -)\n" % name)
        return 2
    if any(check["name"] == name for check in catalogue["checks"]):
        sys.stderr.write("catalogue.py: error: %s is already in the catalogue\n" % name)
        return 2
    cls = class_name(name)
    function = name[len("unbounded-"):].replace("-", "_") + "_example"
    files = {
        os.path.join("checks", cls + ".h"): HEADER_TEMPLATE.format(
            cls=cls, name=name, upper=cls.upper(),
            pad=pad_to("//===- %s.h - %s " % (cls, name), "*- C++ -*-===//")),
        os.path.join("checks", cls + ".cpp"): SOURCE_TEMPLATE.format(
            cls=cls, name=name, default="::" + function,
            pad2=pad_to("//===- %s.cpp - %s " % (cls, name), "===//")),
        os.path.join("test", "checks", name + ".cpp"): TEST_TEMPLATE.format(
            name=name, function=function),
        os.path.join("docs", "checks", name + ".md"): DOC_TEMPLATE.format(
            name=name, header_begin=begin_marker("header"), header_end=end_marker("header"),
            options_begin=begin_marker("options"), options_end=end_marker("options")),
    }
    for relative in files:
        if os.path.exists(path(relative)):
            sys.stderr.write("catalogue.py: error: %s exists already\n" % relative)
            return 2
    for relative, text in files.items():
        with open(path(relative), "w", encoding="utf-8") as out:
            out.write(text)
        print("wrote %s" % relative)
    catalogue["checks"].append({
        "name": name,
        "case_study": catalogue["case_studies"][0]["id"],
        "severity": "medium",
        "checklist": [catalogue["checklist"][0]["id"]],
        "summary": "One sentence: what %s finds." % name,
        "doc": "docs/checks/%s.md" % name,
        "test": "test/checks/%s.cpp" % name,
        "options": [{"name": "Functions", "type": "list", "default": "::" + function,
                     "description": "Functions whose calls the check reports."}],
        "shared_options": [],
    })
    catalogue["checks"].sort(key=lambda c: c["name"])
    with open(path("checks", "catalogue.json"), "w", encoding="utf-8") as out:
        json.dump(catalogue, out, indent=2, ensure_ascii=False)
        out.write("\n")
    print("wrote checks/catalogue.json (edit its case study, severity, checklist"
          " and summary)")
    return generate(catalogue, check_only=False)


def main(argv):
    global ROOT
    argv = list(argv)
    if argv[1:2] == ["--root"] and len(argv) > 2:
        ROOT = os.path.abspath(argv[2])
        del argv[1:3]
    commands = {"check": 0, "names": 0, "generate": None, "build-files": 1,
                "dump-config": None, "new-check": 1}
    if len(argv) < 2 or argv[1] not in commands or (
            commands[argv[1]] is not None and len(argv) != 2 + commands[argv[1]]):
        sys.stderr.write(__doc__)
        return 2
    try:
        catalogue = load()
    except (OSError, ValueError) as error:
        sys.stderr.write("catalogue.py: error: cannot read %s: %s\n" % (
            path("checks", "catalogue.json"), error))
        return 2
    command = argv[1]
    if command == "check":
        try:
            found = list(problems(catalogue))
        except KeyError as error:
            found = ["missing field %s" % error]
        for problem in found:
            sys.stderr.write("catalogue.py: error: %s\n" % problem)
        return 1 if found else 0
    if command == "names":
        for check in sorted_checks(catalogue):
            print(check["name"])
        return 0
    try:
        if command == "generate":
            if argv[2:] not in ([], ["--check"]):
                sys.stderr.write(__doc__)
                return 2
            return generate(catalogue, check_only=argv[2:] == ["--check"])
        if command == "build-files":
            return build_files(catalogue, argv[2])
        if command == "dump-config":
            if len(argv) not in (3, 4):
                sys.stderr.write(__doc__)
                return 2
            return dump_config(catalogue, argv[2], argv[3] if len(argv) == 4 else None)
        return new_check(catalogue, argv[2])
    except (KeyError, ValueError, OSError) as error:
        sys.stderr.write("catalogue.py: error: %s\n" % error)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
