"""Process exit codes, documented in docs/deploy.md for supervisors (systemd, Task Scheduler).

Every code other than OK means "something needs attention"; under systemd's ``Restart=always``
every exit is followed by a restart, which is what RESTART relies on.
"""

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
