#!/usr/bin/python3
"""Validates .loclint.yaml files against schema/loclint.schema.json, as an editor does.

    ci/validate-config.py FILE.yaml...     exit 0 all valid, 1 some invalid, 2 tools missing

Prints one line per file: "FILE: valid" or "FILE: invalid: WHERE MESSAGE; ...". The file is read
as yaml-language-server reads it, YAML 1.2 with duplicate keys refused (python3-ruamel.yaml),
and validated with python3-jsonschema's draft-07 validator. Both are Debian packages, so the
test that runs this (tests/config_schema_test.cpp) needs no package registry.
"""
import json
import os
import sys

try:
    import jsonschema
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
except ImportError as e:
    print(f"validate-config.py: python3-jsonschema or python3-ruamel.yaml missing (ci/setup --test-tools): {e}",
          file=sys.stderr)
    sys.exit(2)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "schema", "loclint.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
yaml = YAML(typ="safe", pure=True)  # YAML 1.2; a duplicate key is an error

failed = False
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            data = yaml.load(f)
    except YAMLError as e:
        failed = True
        print(f"{path}: invalid: YAML {str(e).splitlines()[0]}")
        continue
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        print(f"{path}: valid")
        continue
    failed = True
    print(f"{path}: invalid: " + "; ".join("/" + "/".join(str(p) for p in e.absolute_path) + " " + e.message
                                           for e in errors))
sys.exit(1 if failed else 0)
