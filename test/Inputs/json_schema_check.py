#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema (draft 2020-12), for the
subset of keywords docs/json-schema.json uses: type, const, enum,
properties, required, additionalProperties (boolean), items, minLength,
minimum, pattern and local $ref. An unknown keyword is an error, so the
schema cannot silently outgrow this checker.

usage: json_schema_check.py SCHEMA DOCUMENT
Prints 'valid' or one line per problem, and exits 1 on problems."""
import json
import re
import sys

ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}
TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def resolve(root, ref):
    if not ref.startswith("#/"):
        raise SystemExit("json_schema_check: unsupported $ref %r" % ref)
    node = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def check(root, schema, value, where, problems):
    for key in schema:
        if key not in ANNOTATIONS and key not in (
                "$ref", "type", "const", "enum", "properties", "required",
                "additionalProperties", "items", "minLength", "minimum", "pattern"):
            raise SystemExit("json_schema_check: unsupported keyword %r" % key)
    if "$ref" in schema:
        check(root, resolve(root, schema["$ref"]), value, where, problems)
    if "type" in schema and not TYPES[schema["type"]](value):
        problems.append("%s: expected %s" % (where, schema["type"]))
        return
    if "const" in schema and value != schema["const"]:
        problems.append("%s: expected %r" % (where, schema["const"]))
    if "enum" in schema and value not in schema["enum"]:
        problems.append("%s: expected one of %r" % (where, schema["enum"]))
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            problems.append("%s: too short" % where)
        if "pattern" in schema and not re.search(schema["pattern"], value):
            problems.append("%s: %r does not match %s" % (where, value, schema["pattern"]))
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        problems.append("%s: below %s" % (where, schema["minimum"]))
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append("%s: missing %r" % (where, name))
        for name, item in value.items():
            if name in props:
                check(root, props[name], item, "%s.%s" % (where, name), problems)
            elif schema.get("additionalProperties", True) is False:
                problems.append("%s: unexpected property %r" % (where, name))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            check(root, schema["items"], item, "%s[%d]" % (where, i), problems)


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    with open(sys.argv[2]) as f:
        doc = json.load(f)
    problems = []
    check(schema, schema, doc, "$", problems)
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print("valid")


if __name__ == "__main__":
    main()
