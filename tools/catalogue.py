#!/usr/bin/env python3
"""The check catalogue (checks/catalogue.json): validate it, list its checks,
and generate the docs index from it.

usage: catalogue.py check          validate; every doc and test file exists
       catalogue.py names          print the check names, one a line
       catalogue.py docs-index     print docs/checks/README.md
       catalogue.py docs-index --write   rewrite docs/checks/README.md
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOGUE = os.path.join(ROOT, "checks", "catalogue.json")
INDEX = os.path.join(ROOT, "docs", "checks", "README.md")
SEVERITIES = ("high", "medium", "low")
VERIFIABLE = ("static", "runtime", "alerts", "none")


def load():
    with open(CATALOGUE, encoding="utf-8") as source:
        return json.load(source)


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
            elif not os.path.isfile(os.path.join(ROOT, check[key])):
                yield "%s: %s %s does not exist" % (name, key, check[key])
        if not check["summary"].strip():
            yield "%s: empty summary" % name


def docs_index(catalogue):
    studies = {study["id"]: study for study in catalogue["case_studies"]}
    items = {item["id"]: item for item in catalogue["checklist"]}
    lines = [
        "# Checks",
        "",
        "<!-- Generated from checks/catalogue.json by tools/catalogue.py"
        " docs-index --write; do not edit. -->",
        "",
        "| Check | Case study | Severity | Checklist item | Summary |",
        "|---|---|---|---|---|",
    ]
    for check in sorted(catalogue["checks"], key=lambda c: c["name"]):
        name = check["name"]
        checklist = "; ".join(items[i]["text"] for i in check["checklist"])
        lines.append("| [`%s`](%s.md) | %s | %s | %s | %s |" % (
            name, name, studies[check["case_study"]]["title"], check["severity"],
            checklist, check["summary"]))
    lines += ["", "## Prevention checklist", "",
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
            item["section"], item["text"], item["verifiable"], checks))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) < 2 or argv[1] not in ("check", "names", "docs-index"):
        sys.stderr.write(__doc__)
        return 2
    try:
        catalogue = load()
    except (OSError, ValueError, KeyError) as error:
        sys.stderr.write("catalogue.py: error: cannot read %s: %s\n" % (CATALOGUE, error))
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
        for check in sorted(catalogue["checks"], key=lambda c: c["name"]):
            print(check["name"])
        return 0
    text = docs_index(catalogue)
    if argv[2:] == ["--write"]:
        with open(INDEX, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
