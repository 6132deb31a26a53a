"""`python -m bench.seed ...` or `python bench/seed ...` (see the package docstring)."""

import sys
from pathlib import Path

# Run as a folder (python bench/seed), the project is not yet on the path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench.seed.command import main

sys.exit(main())
