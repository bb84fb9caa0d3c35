"""Runs a typed-in Python script or a .py file as __main__ (built-in template "python")."""

import argparse
import os
import runpy
import sys

LIBRARY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description="Run a Python script for an Atelier task.")
    parser.add_argument("--script", default="", help="Python code")
    parser.add_argument("--file", default="", help="a .py file")
    args = parser.parse_args()

    script = args.script if args.script.strip() else ""
    if bool(script) == bool(args.file):
        print(
            "error: give exactly one of the parameters 'script' (code) and 'file' (a .py file)"
            + (" — both were given" if script else " — neither was given"),
            file=sys.stderr,
        )
        return 2
    # atelier_log (and atelier_io) can be imported by the user's code.
    sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
    sys.path.insert(0, LIBRARY)
    if args.file:
        if not os.path.isfile(args.file):
            print("error: script file %s does not exist" % args.file, file=sys.stderr)
            return 2
        sys.argv = [args.file]
        sys.path.insert(0, os.path.dirname(os.path.abspath(args.file)))
        runpy.run_path(args.file, run_name="__main__")
        return 0
    sys.argv = ["<script>"]
    code = compile(script, "<script>", "exec")
    exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
    return 0


if __name__ == "__main__":
    sys.exit(main())
