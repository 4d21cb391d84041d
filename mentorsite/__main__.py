import sys

from mentorsite.adapters.cli.main import main

sys.exit(main())
