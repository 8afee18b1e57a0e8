#!/usr/bin/env python3
"""Validates fact files against docs/factline.schema.json.

    usage: validate_samples.py SOURCE_DIR [FACTLINE_BINARY]

Every samples/*.yaml, tests/schema/valid/*.yaml and tests/golden/cases/*.yaml must pass the
schema; every tests/schema/invalid/*.yaml (an unknown key, date: and start: together, ...) must
fail it, so the check can fail. Each invalid file says in a comment which error it must produce,
`# error: LINE:COLUMN: message`. With FACTLINE_BINARY, `factline check` must agree on each file:
exit 0 for the valid ones, 1 for the invalid ones with that error first.

YAML is read the way factline reads it: scalars stay text unless they are numbers or true and
false, so 2024-06-27 stays a string (not a datetime) and off stays a string (not a boolean).
Prints one line per check and ends with "N passed, M failed"; exits 1 if any check failed.
Needs python3-yaml and python3-jsonschema (Debian 12).
"""
import glob
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml


class FactLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's timestamps and booleans (yes/no/on/off); only true and
    false are booleans, as for factline's boolean keys (era:, stacked:, share_time:, ...)."""


FactLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
FactLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def load_fact_file(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.load(f, Loader=FactLoader)


def schema_errors(validator, path):
    """The schema's complaints about a file, one line each; empty when it is valid."""
    try:
        document = load_fact_file(path)
    except yaml.YAMLError as e:
        return ["not YAML: %s" % e]
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)) or "(top)", e.message)
            for e in validator.iter_errors(document)]


EXPECTED_ERROR = re.compile(r"^# error: (\d+):(\d+): (.+)$", re.M)


def expected_error(path):
    """The error an invalid fact file says it must produce, as factline prints it; None when it
    says none."""
    with open(path, encoding="utf-8-sig") as f:
        m = EXPECTED_ERROR.search(f.read())
    return "%s:%s:%s: error: %s" % (path, m.group(1), m.group(2), m.group(3)) if m else None


def factline_check(binary, path):
    """factline check's exit status and standard error for a file."""
    run = subprocess.run([binary, "check", path], capture_output=True, text=True)
    return run.returncode, run.stderr


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    src = argv[1]
    binary = argv[2] if len(argv) == 3 else None
    here = os.path.join(src, "tests", "schema")
    passed = failed = 0

    def result(ok, name, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print("ok   - %s" % name)
        else:
            failed += 1
            print("FAIL - %s" % name)
            for line in detail.strip().splitlines()[:20]:
                print("       %s" % line)

    with open(os.path.join(src, "docs", "factline.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        result(True, "the schema is a valid JSON Schema (draft 2020-12)")
    except jsonschema.SchemaError as e:
        result(False, "the schema is a valid JSON Schema (draft 2020-12)", str(e))
        print("%d passed, %d failed" % (passed, failed))
        return 1
    validator = jsonschema.Draft202012Validator(schema)

    valid = sorted(glob.glob(os.path.join(src, "samples", "*.yaml"))) + \
        sorted(glob.glob(os.path.join(here, "valid", "*.yaml"))) + \
        sorted(glob.glob(os.path.join(src, "tests", "golden", "cases", "*.yaml")))
    invalid = sorted(glob.glob(os.path.join(here, "invalid", "*.yaml")))
    result(len(glob.glob(os.path.join(src, "samples", "*.yaml"))) > 0, "there are samples to validate")
    result(len(invalid) > 0, "there are invalid fact files to reject")

    for path in valid:
        name = os.path.relpath(path, src)
        errors = schema_errors(validator, path)
        result(not errors, "%s matches the schema" % name, "\n".join(errors))
        if binary:
            rc, err = factline_check(binary, path)
            result(rc == 0 and not err, "factline check accepts %s" % name, "exit %d\n%s" % (rc, err))
    for path in invalid:
        name = os.path.relpath(path, src)
        errors = schema_errors(validator, path)
        result(bool(errors), "%s is rejected by the schema" % name, "no schema error")
        want = expected_error(path)
        result(want is not None, "%s says which error it must produce" % name,
               "no '# error: LINE:COLUMN: message' comment")
        if binary:
            rc, err = factline_check(binary, path)
            first = next((line for line in err.splitlines() if ": error: " in line), "")
            result(rc == 1 and want is not None and first == want, "factline check rejects %s as it says" % name,
                   "exit %d, want\n%s\n%s" % (rc, want, err))

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
