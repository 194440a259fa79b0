"""``python -m articlegrade``: the same as the ``articlegrade`` command."""

from .cli import main

raise SystemExit(main())
