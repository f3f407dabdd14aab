"""``python -m kinerja.cli``: the same as the ``kinerja`` console script."""
from . import main

raise SystemExit(main())
