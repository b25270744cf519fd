"""`python -m pbcount`: the same command line as the `pbcount` script."""

import sys

from pbcount.cli import main

sys.exit(main())
