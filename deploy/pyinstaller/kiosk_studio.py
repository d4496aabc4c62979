"""Entry script of the bundle's ``kiosk-studio`` program (build.spec): ``kiosk studio`` with its
arguments, for a desktop shortcut. Installed from the wheel, ``kiosk-studio`` is the console
script of the same name (``kiosk.cli:studio_main``)."""

import sys

from kiosk.cli import studio_main

if __name__ == "__main__":
    sys.exit(studio_main())
