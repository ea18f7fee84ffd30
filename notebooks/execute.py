"""Run a notebook top to bottom, headless, and save an executed copy (with its outputs) in output/.

    python notebooks/execute.py [NOTEBOOK ...]      # default: notebooks/rectrack-tour.ipynb

The kernel is always the Python running this script (so the project's .venv, with rectrack installed), whatever
other "python3" kernels Jupyter may know about. The notebook runs with the project folder as its working folder.
Exit status 1 when a cell fails, 2 when a library of the `notebook` extra is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "notebooks" / "rectrack-tour.ipynb"
TIMEOUT = 300  # seconds per cell


def kernel_manager():
    """A KernelManager for the running interpreter's own ipykernel (not a kernelspec found on disk)."""
    import zmq
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    specs = KernelSpecManager(kernel_dirs=[], ensure_native_kernel=True)  # "python3" → ipykernel of sys.executable
    options = {}
    if "transport_encryption" in KernelManager.class_trait_names() and zmq.has("curve"):
        options["transport_encryption"] = "auto"  # CurveZMQ keys when the kernel supports them (ipykernel 7+)
    return KernelManager(kernel_name="python3", kernel_spec_manager=specs, **options)


def execute(notebook: Path, workdir: Path = ROOT, timeout: int = TIMEOUT):
    """Execute ``notebook`` in ``workdir``; return the executed notebook.

    Raises CellExecutionError on a failing cell."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(notebook, as_version=4)
    km = kernel_manager()
    client = NotebookClient(
        nb, km=km, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
    )
    try:
        client.execute()
    finally:
        if km.has_kernel:  # a kernel manager we pass in is ours to stop
            km.shutdown_kernel(now=True)
    return nb


NEEDS = ("nbformat", "nbclient", "ipykernel", "matplotlib")  # the `notebook` extra


def missing_libraries() -> list[str]:
    """The libraries of the `notebook` extra that are not installed."""
    import importlib.util

    return [name for name in NEEDS if importlib.util.find_spec(name) is None]


def main(argv: list[str]) -> int:
    missing = missing_libraries()
    if missing:
        print(
            f"error: the notebook needs {', '.join(missing)}: install them with "
            "`pip install -e '.[notebook]'` or run `make setup`",
            file=sys.stderr,
        )
        return 2
    import nbformat
    from nbclient.exceptions import CellExecutionError

    out_dir = ROOT / "output"
    out_dir.mkdir(exist_ok=True)
    status = 0
    for name in argv or [str(DEFAULT)]:
        notebook = Path(name)
        try:
            nb = execute(notebook)
        except CellExecutionError as exc:
            print(f"error: {notebook}: a cell failed\n{exc}", file=sys.stderr)
            status = 1
            continue
        target = out_dir / notebook.name
        nbformat.write(nb, target)
        print(f"notebook: {notebook.name} executed; copy with outputs in {target.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
