"""Entry script of the bundle's ``kiosk-studio`` program (build.spec): ``kiosk studio`` with its
arguments, for a desktop shortcut. Installed from the wheel, ``kiosk-studio`` is the console
script of the same name."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main(["studio", *sys.argv[1:]]))
