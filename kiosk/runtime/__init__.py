"""The running process around the window: start-up and shutdown, logging, crash handling,
the single-instance lock, the watchdog, heartbeat and memory ceiling, and version facts."""
