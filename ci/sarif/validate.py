#!/usr/bin/python3
"""Validates SARIF logs against the SARIF 2.1.0 JSON schema.

    ci/sarif/validate.py LOG.sarif...     exit 0 valid, 1 invalid, 2 validator missing

The validator is python3-jsonschema (Debian), a complete JSON Schema implementation; the schema
is sarif-schema-2.1.0-rtm.5.json beside this script (a draft-04 schema, the one SchemaStore and
@microsoft/jest-sarif publish; see README.md here). Both come without a package registry, so the
test runs on a fresh Debian machine whatever its network allows.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError as e:
    print(f"validate.py: python3-jsonschema is not installed (ci/setup --test-tools): {e}", file=sys.stderr)
    sys.exit(2)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sarif-schema-2.1.0-rtm.5.json"), encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())

failed = False
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    if not errors:
        print(f"{path}: valid SARIF 2.1.0 ({schema['title']})")
        continue
    failed = True
    for err in errors:
        where = "/" + "/".join(str(p) for p in err.absolute_path)
        print(f"{path}: {where} {err.message}")
sys.exit(1 if failed else 0)
