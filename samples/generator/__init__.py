"""Generated plans with truth by construction.

From a seed, `compose.compose_plan` draws each layout choice independently from
vocabularies gathered from published plans (`vocab.py`), lays the plan out as
paragraphs and grids, and writes the canonical rows it must extract to from those
same choices. `render.py` writes .docx (python-docx) and PDF (LibreOffice);
`check.py` compares what planwatch reads with the expected rows; `soak.py` runs many
seeds and prints the share exact per dimension and value.
"""

import sys
from pathlib import Path

# the samples' shared grid renderer (samples/grid_render.py) is imported by path, as the
# layout build scripts do
_SAMPLES = str(Path(__file__).resolve().parent.parent)
if _SAMPLES not in sys.path:
    sys.path.insert(0, _SAMPLES)
