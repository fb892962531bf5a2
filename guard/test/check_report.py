#!/usr/bin/env python3
"""Validates a guard report against guard/schema/guard-report.v<version>.schema.json
(the schema of the version the report declares).

Interprets the subset of JSON Schema the schema uses (type, const, enum,
required, properties, additionalProperties, items, oneOf, $ref, minimum), so
it needs nothing beyond Python.

Usage: check_report.py [--expect-rejections] REPORT [SCHEMA]
--expect-rejections also requires some test to show rejections.
"""
import json
import os
import sys

TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}


def is_type(value, name):
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def errors(value, schema, root, where):
    """Yields one message per violation of schema at where."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        yield from errors(value, target, root, where)
        return
    if "oneOf" in schema:
        matching = [s for s in schema["oneOf"] if not list(errors(value, s, root, where))]
        if len(matching) != 1:
            yield f"{where}: matches {len(matching)} of the oneOf alternatives"
        return
    if "const" in schema and value != schema["const"]:
        yield f"{where}: expected {schema['const']!r}, got {value!r}"
    if "enum" in schema and value not in schema["enum"]:
        yield f"{where}: {value!r} not one of {schema['enum']}"
    if "type" in schema and not is_type(value, schema["type"]):
        yield f"{where}: expected {schema['type']}, got {type(value).__name__}"
        return
    if "minimum" in schema and value < schema["minimum"]:
        yield f"{where}: {value} below {schema['minimum']}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                yield f"{where}: missing {key}"
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                yield from errors(item, properties[key], root, f"{where}.{key}")
            elif "additionalProperties" in schema:
                yield from errors(item, schema["additionalProperties"], root, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            yield from errors(item, schema["items"], root, f"{where}[{index}]")


def main():
    arguments = sys.argv[1:]
    expect_rejections = "--expect-rejections" in arguments
    arguments = [a for a in arguments if a != "--expect-rejections"]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(arguments[0], encoding="utf-8") as handle:
        report = json.load(handle)
    version = report.get("version") if isinstance(report.get("version"), int) else 1
    schema_path = arguments[1] if len(arguments) > 1 else os.path.join(
        here, "..", "schema", f"guard-report.v{version}.schema.json")
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    problems = list(errors(report, schema, schema, "report"))
    if report.get("summary", {}).get("tests") != len(report.get("tests", [])):
        problems.append("report.summary.tests differs from the number of tests")
    if expect_rejections and not any(test.get("rejections") for test in report.get("tests", [])):
        problems.append("no test shows rejections")
    for problem in problems:
        print(f"check_report: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"check_report: {len(report['tests'])} tests, schema v{version} ok")


main()
