"""``python -m extract`` runs the rectrack command line."""

import sys

from .cli import main

sys.exit(main())
