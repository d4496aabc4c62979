"""Process exit codes, documented in docs/deploy.md for supervisors (systemd, Task Scheduler).

Every code other than OK means "something needs attention"; under systemd's ``Restart=always``
every exit is followed by a restart, which is what RESTART, FROZEN and WINDOW_LOST rely on.
"""

#: Success; also a clean shutdown asked for by the admin screen's Exit or by SIGTERM, SIGINT,
#: SIGHUP (Windows: Ctrl+C, Ctrl+Break, closing the console).
OK = 0
#: Content, configuration or a check found errors (warnings alone exit OK).
PROBLEMS = 1
#: The command line was wrong (argparse also uses 2).
USAGE = 2
#: Another kiosk already runs for this user and data folder; this one did nothing.
ALREADY_RUNNING = 3
#: An unhandled exception; the crash log has the traceback. (EX_SOFTWARE)
CRASH = 70
#: The kiosk asked to be restarted (memory ceiling reached); start it again. (EX_TEMPFAIL)
RESTART = 75
#: The GUI thread stopped turning for ``watchdog.stall_seconds``: every thread's stack is in
#: the log; start it again.
FROZEN = 76
#: The kiosk window was closed, hidden or destroyed (by another program, say) other than
#: through the admin screen's Exit: nothing was on screen any more; start it again.
WINDOW_LOST = 77
#: There is no display to show the kiosk on (no DISPLAY, or the X server cannot be reached):
#: the reason is one line on stderr and in the log. (EX_CONFIG)
NO_DISPLAY = 78
