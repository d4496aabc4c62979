"""``kiosk stats [--since DATE] [--until DATE] [--format table|csv|json]``: the kiosk's
engagement figures (no patient data) for a period, read from stats.db without changing it.

Exit codes: 0 ok, 1 no stats database or it cannot be read (kiosk.yaml's problems too),
2 usage (a date that is not one, a period that ends before it starts).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.runtime import exitcodes

if TYPE_CHECKING:
    from datetime import tzinfo

    from kiosk.core.stats.figures import Figures

DEFAULT_DAYS = 30
DATE_FORMS = "YYYY-MM-DD or YYYY-MM-DDTHH:MM"


def _moment(text: str, *, end_of_day: bool) -> datetime:
    """A date (its start, or with ``end_of_day`` the start of the next day: ``--until
    2026-11-30`` includes the 30th) or a date and time; local time unless an offset is given."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day + timedelta(days=1) if end_of_day else day, time())
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}: use {DATE_FORMS}") from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def parse_since(text: str) -> datetime:
    return _moment(text, end_of_day=False)


def parse_until(text: str) -> datetime:
    return _moment(text, end_of_day=True)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        type=parse_since,
        metavar="DATE",
        help=f"from DATE ({DATE_FORMS}, local time; default: {DEFAULT_DAYS} days before --until)",
    )
    parser.add_argument(
        "--until",
        type=parse_until,
        metavar="DATE",
        help=f"up to DATE ({DATE_FORMS}, local time; a date includes that whole day; default: now)",
    )
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table", help="default: table")
    parser.add_argument("--config", type=Path, metavar="FILE", help="the kiosk.yaml to read (data folder, time zone)")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="the kiosk's data folder (default: kiosk.yaml's data.dir, else the usual)"
    )


def run(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from kiosk.core.config import load_config
    from kiosk.core.paths import stats_db_path
    from kiosk.core.stats.figures import read_figures
    from kiosk.core.stats.schema import StatsError
    from kiosk.runtime.doctor import clinic_timezone

    until = args.until or datetime.now().astimezone()
    since = args.since or until - timedelta(days=DEFAULT_DAYS)
    if until <= since:
        print(
            f"kiosk stats: the period ends ({until:%Y-%m-%d %H:%M}) before it starts ({since:%Y-%m-%d %H:%M})",
            file=sys.stderr,
        )
        return exitcodes.USAGE
    loaded = load_config(args.config, os.environ)
    if loaded.config is None:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        print("kiosk stats: fix kiosk.yaml first (problems above)", file=sys.stderr)
        return exitcodes.PROBLEMS
    path = stats_db_path(args.data_dir or loaded.config["data.dir"])
    if not path.is_file():
        off = "" if loaded.config["stats.enabled"] else "; stats.enabled is false in kiosk.yaml"
        print(
            f"kiosk stats: no stats database at {path} (the kiosk has counted nothing here yet{off}; "
            "use --data-dir or KIOSK_DATA_DIR)",
            file=sys.stderr,
        )
        return exitcodes.PROBLEMS
    zone_name = clinic_timezone(loaded.config)
    try:
        zone: tzinfo = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        print(f"kiosk stats: no time-zone data for {zone_name}; hours of the day are in UTC", file=sys.stderr)
        zone = ZoneInfo("UTC")
    try:
        figures = read_figures(path, since, until, zone)
    except StatsError as exc:
        print(f"kiosk stats: {exc}", file=sys.stderr)
        return exitcodes.PROBLEMS
    if args.format == "json":
        import json

        sys.stdout.write(json.dumps(figures.to_dict(), indent=1, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        sys.stdout.write(csv_text(figures))
    else:
        sys.stdout.write(table_text(figures))
    sys.stdout.flush()
    return exitcodes.OK


def csv_rows(figures: Figures) -> list[tuple[str, str, str, str]]:
    """(section, item, measure, value): one figure a row, so a spreadsheet can filter it."""
    rows: list[tuple[str, str, str, str]] = [
        ("period", "since", "", figures.since.astimezone(UTC).isoformat(timespec="seconds")),
        ("period", "until", "", figures.until.astimezone(UTC).isoformat(timespec="seconds")),
        ("period", "timezone", "", figures.timezone),
        ("visits", "all", "count", str(figures.visits)),
        ("visits", "all", "seconds", f"{figures.visit_seconds:.1f}"),
    ]
    rows += [("visits", f"ended:{outcome}", "count", str(count)) for outcome, count in figures.outcomes.items()]
    share = figures.request_share
    rows.append(("visits", "ended:request", "share", "" if share is None else f"{share:.4f}"))
    rows += [("visits", f"hour:{hour:02}", "count", str(count)) for hour, count in enumerate(figures.visits_by_hour)]
    rows.append(("menu", "opens", "count", str(figures.menu_opens)))
    rows.append(("requests", "all", "count", str(figures.requests)))
    for topic in figures.topics:
        rows += [
            ("topic", topic.topic_id, "opens", str(topic.opens)),
            ("topic", topic.topic_id, "slides_viewed", str(topic.slides_viewed)),
            ("topic", topic.topic_id, "seconds", f"{topic.seconds:.1f}"),
            ("topic", topic.topic_id, "requests", str(topic.requests)),
        ]
    rows += [("choice", key, "visits", str(count)) for key, count in sorted(figures.choices.items())]
    for slide in figures.slides:
        rows += [
            ("slide", f"{slide.slide_id}@{slide.version}", "shows", str(slide.shows)),
            ("slide", f"{slide.slide_id}@{slide.version}", "seconds", f"{slide.seconds:.1f}"),
        ]
    return rows


def csv_text(figures: Figures) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("section", "item", "measure", "value"))
    # Ids come from the clinic's content: a cell that starts like a formula is quoted as text.
    writer.writerows(tuple(_cell(value) for value in row) for row in csv_rows(figures))
    return out.getvalue()


def _cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") and not _is_number(value) else value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def table_text(figures: Figures) -> str:
    def when(moment: datetime) -> str:
        return f"{moment.astimezone():%Y-%m-%d %H:%M}"

    lines = [f"Engagement figures from {when(figures.since)} to {when(figures.until)} (counted by the hour)"]
    if figures.first_recorded is None:
        lines.append("Nothing has been recorded yet.")
    elif figures.first_recorded > figures.since:
        lines.append(f"Counting began {when(figures.first_recorded)}.")
    if figures.set_aside:
        lines.append(f"Damaged copies set aside (their figures are not here): {', '.join(figures.set_aside)}")
    share = figures.request_share
    average = figures.average_visit_seconds
    lines += [
        "",
        f"visits            {figures.visits}"
        + (f" (average {average:.0f} s, {share:.0%} ended in a request)" if share is not None and average else ""),
        "  ended            " + ", ".join(f"{outcome} {count}" for outcome, count in figures.outcomes.items()),
        f"menu opens        {figures.menu_opens}",
        f"requests sent     {figures.requests}",
        "choices           " + (", ".join(f"{k} {v}" for k, v in sorted(figures.choices.items())) or "none"),
        f"slides shown      {figures.shows} ({_duration(figures.seconds_shown)} on screen)",
        "",
        f"visits per hour of the day ({figures.timezone})",
    ]
    top = max(figures.visits_by_hour) or 1
    lines += [
        f"  {hour:02}:00  {count:>5}  {'#' * round(30 * count / top)}".rstrip()
        for hour, count in enumerate(figures.visits_by_hour)
        if count
    ] or ["  none"]
    lines += ["", _grid(("TOPIC", "OPENS", "SLIDES VIEWED", "TIME (S)", "REQUESTS"), _topic_rows(figures))]
    slides = [(slide_id, str(shows), f"{seconds:.0f}") for slide_id, shows, seconds in figures.slides_by_id()]
    lines += ["", _grid(("SLIDE", "SHOWN", "ON SCREEN (S)"), slides)]
    return "\n".join(lines) + "\n"


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min" if seconds < 7200 else f"{seconds / 3600:.1f} h"


def _topic_rows(figures: Figures) -> list[tuple[str, ...]]:
    return [
        (t.topic_id, str(t.opens), str(t.slides_viewed), f"{t.seconds:.0f}", str(t.requests)) for t in figures.topics
    ]


def _grid(headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(headers)]
    text = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in (headers, *rows)
    ]
    return "\n".join(text if rows else [*text, "(none)"])
