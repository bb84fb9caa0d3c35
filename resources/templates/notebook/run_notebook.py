"""Executes a Jupyter notebook as a pipeline step (built-in template "notebook").

The parameters are injected papermill's way: a code cell tagged "injected-parameters" right after
the cell tagged "parameters" (at the top when there is none; an earlier injected cell is
replaced). The notebook then runs through `jupyter nbconvert --to notebook --execute` with the
task's interpreter; the executed notebook is the output. A cell that raises fails the task with
that cell's error as the last line on stderr.
"""

import argparse
import json
import keyword
import os
import re
import subprocess
import sys

LIBRARY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT_NAME = "notebook.ipynb"


def fail(message, code=1):
    print("error: " + message, file=sys.stderr)
    return code


def parameters_cell_source(parameters):
    lines = ["# Parameters"]
    for name, value in parameters.items():
        lines.append("%s = %r" % (name, value))
    return "\n".join(lines) + "\n"


def inject(notebook, parameters, nbformat):
    """Inserts the parameters cell; returns the index it got."""
    cells = [c for c in notebook.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    at = 0
    for index, cell in enumerate(cells):
        if "parameters" in cell.metadata.get("tags", []):
            at = index + 1
            break
    cell = nbformat.v4.new_code_cell(parameters_cell_source(parameters))
    cell.metadata["tags"] = ["injected-parameters"]
    cells.insert(at, cell)
    notebook.cells = cells
    return at


def failing_cell(stderr_text, notebook):
    """The failing cell's number (1-based, among all cells) and its error line, from nbconvert's
    CellExecutionError report: the cell's source between dashed lines, then the traceback whose
    last line is 'Name: message'."""
    match = re.search(
        r"An error occurred while executing the following cell:\n-+\n(.*?)\n-+\n(.*)",
        stderr_text,
        re.S,
    )
    if not match:
        return None, None
    source, report = match.group(1), match.group(2)
    error = ""
    for line in report.splitlines():
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Warning)?\b.*?: ", line) or \
                re.match(r"^[A-Za-z_][\w.]*(Error|Exception)$", line):
            error = line.strip()
    number = None
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and cell.source.strip() == source.strip():
            number = index + 1
            break
    return number, error


def main():
    parser = argparse.ArgumentParser(description="Execute a notebook for an Atelier task.")
    parser.add_argument("--notebook", required=True, help="the .ipynb file")
    parser.add_argument("--parameters", default="{}", help="JSON object of parameters")
    parser.add_argument("--kernel", default="python3", help="kernel name")
    parser.add_argument("--output", required=True, help="the output port's folder")
    args = parser.parse_args()

    try:
        import nbformat
    except ImportError:
        return fail("the Python module nbformat is missing (Debian: python3-nbformat)", 3)
    if not args.notebook:
        return fail("the parameter 'notebook' is empty: name a .ipynb file", 2)
    if not os.path.isfile(args.notebook):
        return fail("notebook %s does not exist" % args.notebook, 2)
    try:
        parameters = json.loads(args.parameters or "{}")
    except ValueError as e:
        return fail("parameters are not valid JSON: %s" % e, 2)
    if not isinstance(parameters, dict):
        return fail("parameters must be a JSON object of name: value", 2)
    for name in parameters:
        if not name.isidentifier() or keyword.iskeyword(name):
            return fail("parameter name %r is not a Python identifier" % name, 2)
    try:
        notebook = nbformat.read(args.notebook, as_version=4)
    except Exception as e:  # nbformat raises several kinds for a damaged file
        return fail("cannot read notebook %s: %s" % (args.notebook, e), 2)

    inject(notebook, parameters, nbformat)
    task_dir = os.environ.get("ATELIER_TASK_DIR") or os.getcwd()
    prepared = os.path.join(task_dir, "notebook.input.ipynb")
    nbformat.write(notebook, prepared)

    env = dict(os.environ)
    # The notebook can `import atelier_log` (metrics) like a python step; the kernel inherits
    # ATELIER_METRICS_FILE and the port variables from this process.
    env["PYTHONPATH"] = LIBRARY + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["ATELIER_NOTEBOOK_DIR"] = os.path.dirname(os.path.abspath(args.notebook))
    os.makedirs(args.output, exist_ok=True)
    command = [
        sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
        "--ExecutePreprocessor.kernel_name=" + args.kernel,
        "--output-dir", args.output, "--output", OUTPUT_NAME, prepared,
    ]
    process = subprocess.run(command, env=env, stderr=subprocess.PIPE, text=True, errors="replace")
    sys.stderr.write(process.stderr)
    if process.returncode != 0:
        number, error = failing_cell(process.stderr, notebook)
        if number is not None:
            return fail("cell %d raised %s" % (number, error or "an error"))
        last = [l for l in process.stderr.splitlines() if l.strip()]
        return fail("jupyter nbconvert failed (exit %d): %s"
                    % (process.returncode, last[-1] if last else "no message"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
