"""Entry point of ``python -m declutter.bench``."""

import sys

from ._cli import main

sys.exit(main())
