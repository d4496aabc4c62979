#!/bin/sh
# X session of the kiosk user: started by `startx` (or `xinit`) from the autologin shell, see
# docs/deploy.md. No window manager and no desktop: the kiosk's full-screen window is the only
# window. The screen never blanks and never goes into power saving (DPMS).
# The .deb installs it as /usr/share/clinic-kiosk/xinitrc; copy it to ~/.xinitrc of the kiosk
# user (mode 0755).
set -u

# Screen saver off, no blanking, no DPMS power-down.
xset s off
xset s noblank
xset -dpms
# A plain black root window while the kiosk starts; no pointer unless the kiosk shows one
# (the kiosk hides its own pointer, so unclutter is not needed).
xsetroot -solid black 2>/dev/null || true

# Hand DISPLAY and XAUTHORITY to the systemd user manager, so the kiosk unit can reach X.
systemctl --user import-environment DISPLAY XAUTHORITY
if systemctl --user cat kiosk.service >/dev/null 2>&1; then
  systemctl --user start kiosk.service
  # The X session lives as long as the kiosk unit is wanted; systemd restarts the kiosk
  # itself. If the unit is stopped on purpose (maintenance), stay up so IT can work.
  while :; do
    sleep 3600
  done
else
  # No systemd user unit installed: run the kiosk directly and restart it when it exits.
  while :; do
    /opt/clinic-kiosk/kiosk run
    status=$?
    logger -t kiosk "kiosk exited with status $status; restarting in 3 s" 2>/dev/null || true
    sleep 3
  done
fi
