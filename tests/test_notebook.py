"""The researchers' notebook (notebooks/rectrack-tour.ipynb) runs top to bottom, headless, and saves its plots."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "rectrack-tour.ipynb"
PLOTS = ("status-by-committee.png", "days-to-due.png")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def runner():
    """notebooks/execute.py (what `make demo` runs), loaded as a module."""
    for name in ("nbclient", "nbformat", "ipykernel", "matplotlib"):
        pytest.importorskip(name)
    spec = importlib.util.spec_from_file_location("rectrack_notebook_runner", ROOT / "notebooks" / "execute.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def test_notebook_runs_headless_and_saves_plots(tmp_path, monkeypatch):
    out = tmp_path / "output"  # the notebook's output folder, instead of the project's output/
    monkeypatch.setenv("RECTRACK_OUTPUT_DIR", str(out))
    monkeypatch.delenv("DISPLAY", raising=False)
    # Started from notebooks/: the notebook has to find the project root on its own.
    nb = runner().execute(NOTEBOOK, workdir=ROOT / "notebooks", timeout=120)

    cells = code_cells(nb)
    assert cells
    assert all(cell.execution_count is not None for cell in cells)
    outputs = [output for cell in cells for output in cell.outputs]
    errors = [f"{o.ename}: {o.evalue}" for o in outputs if o.output_type == "error"]
    assert not errors
    stderr = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stderr")
    assert "Traceback" not in stderr, stderr
    assert "Error" not in stderr, stderr
    for name in PLOTS:
        png = out / name
        assert png.is_file(), f"{name} not written"
        assert png.read_bytes()[:8] == PNG_SIGNATURE
        assert png.stat().st_size > 10_000
    # The plots are shown inline from the saved files.
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= len(PLOTS)
    assert not (ROOT / "notebooks" / "output").exists()


def test_notebook_kernel_is_this_python():
    spec = runner().kernel_manager().kernel_spec
    assert spec.language == "python"
    assert spec.argv[0] == sys.executable  # the project's .venv, whatever other "python3" kernels exist


def test_notebook_is_kept_without_outputs():
    import json

    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    cells = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert cells
    for cell in cells:
        assert cell["outputs"] == [], "clear the notebook's outputs"
        assert cell["execution_count"] is None, "clear the notebook's outputs"


def test_missing_notebook_libraries_are_named(monkeypatch, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("rectrack_notebook_runner", ROOT / "notebooks" / "execute.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "matplotlib" else real(name, *a))
    assert module.main([]) == 2
    err = capsys.readouterr().err
    assert "matplotlib" in err
    assert "[notebook]" in err
