"""Layout fuzzer: random committee papers with known rows, a scorer, and a runner (see README.md).

The generator reuses the sample renderers' helpers in samples/samplekit.py, so samples/ goes on the path.
Nothing here imports the extractor except the runner, which only calls it to get predictions.
"""

import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
if str(SAMPLES) not in sys.path:
    sys.path.append(str(SAMPLES))
