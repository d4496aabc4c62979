"""Engagement figures for the clinic, with no patient data: is anyone looking, which topics
interest patients, and do they lead to requests.

What is counted (``events``): slides shown on the slideshow (slide id, content version, when,
seconds on screen: proof of play); touch visits (the hour they started, how long they lasted,
how they ended); menu opens; topics opened, the slides viewed in each and the time spent;
language, larger text and high contrast choices; requests per topic. Never a name, phone
number, email address or request id, nothing typed, and nothing that ties a count to a
request: everything a patient does is kept by the hour, and as separate counts (topics
opened, choices, requests per topic) rather than as one patient's path through the screens.

Qt-free. The kiosk's recorder (``kiosk/ui/insights/recorder.py``) hands events to a
:class:`~kiosk.core.stats.writer.StatsWriter`, which writes them in batches in its own plain
Python thread into ``stats.db`` (:mod:`kiosk.core.stats.store`), a SQLite file of its own,
next to the requests database but with no link to it. Raw rows are rolled up per hour after
:data:`~kiosk.core.stats.store.RAW_DAYS` days and deleted after ``stats.retention_days``.
:mod:`kiosk.core.stats.figures` reads the figures that ``kiosk stats``, the admin screen's
Insights page, the studio and ``kiosk status --json`` show.
"""
