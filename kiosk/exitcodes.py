"""Process exit codes, documented in docs/ for supervisors (systemd, Task Scheduler)."""

OK = 0
#: Content, configuration or a check found errors (warnings alone exit OK).
PROBLEMS = 1
#: The command line was wrong (argparse also uses 2).
USAGE = 2
#: An unhandled exception; the crash log has the traceback. (EX_SOFTWARE)
CRASH = 70
