"""A small check harness for the end-to-end tests in Python: `check(name, condition, detail)`,
and `finish()`, which prints "N passed, M failed" and exits 1 when any check failed."""
import sys

_passed = 0
_failed = 0


def check(name, ok, detail=""):
    global _passed, _failed
    if ok:
        _passed += 1
        print("ok   - " + name)
    else:
        _failed += 1
        print("FAIL - " + name)
        for line in str(detail).splitlines()[:8]:
            print("       " + line)
    return ok


def finish():
    print("%d passed, %d failed" % (_passed, _failed))
    sys.exit(1 if _failed else 0)
