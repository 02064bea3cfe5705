import sys

from flowls.cli.main import main

sys.exit(main())
