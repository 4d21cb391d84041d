"""How heavy the catalogue page is, and how quickly its filters answer, with many mentors.

For each N (default 2000 and 10000) builds the synthetic project of
`build_speed.py` with N mentors, reports the size of /mentors/index.html, then
opens it in headless Chromium (Debian's, driven by Playwright) and times filter
changes as an employee makes them: ticking and unticking a value of each facet,
ticking every value of a facet one after another, choosing "not from my unit",
typing a search, sorting (the first sort by each order included). Each time runs
from the event to the list laid out again, measured inside the page; the median
and the slowest of each kind are reported, beside the same page's "no change"
(forcing layout only) measured in the same run, the floor of what any change costs.

With --before REV the same project is also built by mentorsite as it was at the
git revision REV (its package and theme taken with `git archive`), and each change
is timed on both pages in the same run, taking turns: a fair comparison on a
machine whose load varies.

    python benchmarks/catalogue_speed.py
    python benchmarks/catalogue_speed.py --mentors 4000 --before main
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from build_speed import REPO, WORK, write_project

sys.path.insert(0, str(REPO / "tests"))
from localsite import CHROMIUM_FLAGS, serve  # shared with the browser tests

# Runs in the page: performs one change and returns the milliseconds until the list is
# laid out again (the handlers run synchronously; reading a layout value forces layout).
MEASURE = """
([selector, action, value]) => {
  const element = document.querySelector(selector);
  const start = performance.now();
  if (action === "click") element.click();
  if (action === "select") { element.value = value;
    element.dispatchEvent(new Event("change", {bubbles: true})); }
  if (action === "type") { element.value = value;
    element.dispatchEvent(new Event("input", {bubbles: true})); }
  if (action === "nothing") element.getAttribute("id");
  document.querySelector("[data-ms-cards]").getBoundingClientRect();
  document.body.offsetHeight;
  return performance.now() - start;
}
"""


# The targets of issue 12.
MAX_HTML_AT_2000 = 1.5e6
MAX_CHANGE_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentors", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", metavar="REV", help="also time mentorsite as at REV")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is needed: run tests/setup.sh")
    before = checkout(args.before) if args.before else None
    for mentors in args.mentors:
        measure(mentors, args.rounds, chromium, before)


def checkout(revision: str) -> Path:
    """mentorsite's package and theme as at `revision`, to build with."""
    target = WORK / "before"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", revision, "mentorsite", "themes"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def build(project: Path, site: str, package: Path | None) -> float:
    """The catalogue's size in bytes, built by this mentorsite or the one in `package`."""
    env = dict(os.environ, PYTHONPATH=str(package)) if package else None
    command = [sys.executable, "-m", "mentorsite", "build", "-d", site]
    subprocess.run(command, cwd=project, check=True, capture_output=True, env=env)
    return (project / site / "mentors/index.html").stat().st_size


def measure(mentors: int, rounds: int, chromium: str, before: Path | None) -> None:
    project = write_project(WORK / f"catalogue-{mentors}", mentors)
    size = build(project, "site", None)
    print(f"\nmentors: {mentors}")
    print(f"catalogue HTML: {size / 1e6:.2f} MB ({size / mentors:.0f} bytes a mentor)", end="")
    if mentors == 2000:
        met = "met" if size < MAX_HTML_AT_2000 else "NOT met"
        print(f"; target under {MAX_HTML_AT_2000 / 1e6:.1f} MB: {met}", end="")
    if before:
        print(f"; before: {build(project, 'site-before', before) / 1e6:.2f} MB", end="")
    print()
    with serve(project) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        now = opened(browser.new_page(), url + "site/mentors/")
        then = opened(browser.new_page(), url + "site-before/mentors/") if before else None
        timings: dict[str, list[float]] = {}
        timings_before: dict[str, list[float]] = {}
        for _ in range(rounds):  # taking turns, so that both see the same load
            changes(now, timings)
            if then:
                changes(then, timings_before)
        browser.close()
    report(timings, timings_before)


def opened(page: Page, url: str) -> Page:
    page.goto(url, wait_until="domcontentloaded", timeout=300_000)
    page.wait_for_selector("[data-ms-filters]:not([hidden])", timeout=300_000)
    return page


def changes(page: Page, timings: dict[str, list[float]]) -> None:
    """Every kind of change once, each timed inside the page."""
    facets = page.eval_on_selector_all(
        "[data-ms-facet]",
        "sets => sets.map(s => [s.dataset.msFacet,"
        " [...s.querySelectorAll('input')].map(i => i.value)])",
    )

    def time(name: str, *change: str) -> None:
        timings.setdefault(name, []).append(page.evaluate(MEASURE, list(change)))

    time("no change (the floor)", "body", "nothing", "")
    for facet, values in facets:
        box = f"input[name='{facet}'][value='{values[0]}']"
        time(f"tick a value ({facet})", box, "click", "")
        time(f"untick it ({facet})", box, "click", "")
    facet, values = max(facets, key=lambda item: len(item[1]))
    for value in values + values:  # all on, one by one, then all off again
        box = f"input[name='{facet}'][value='{value}']"
        time(f"tick/untick each of {len(values)} ({facet})", box, "click", "")
    for unit in ("administration", ""):
        time("not from my unit", "#ms-not-unit", "select", unit)
    for text in ("s", "so", "sog", "soga", "sog", "so", "s", ""):
        time("type a search (a keystroke)", "#ms-q", "type", text)
    for order in ("name", "free", ""):
        time("sort", "#ms-sort", "select", order)


def report(timings: dict[str, list[float]], before: dict[str, list[float]]) -> None:
    title = f"{'median':>8} {'slowest':>8}"
    print(f"{'change':<40} {title}" + (f"   before: {title}" if before else ""))
    for name, values in timings.items():
        line = f"{name:<40} {statistics.median(values):>6.1f}ms {max(values):>6.1f}ms"
        if name in before:
            then = before[name]
            line += f"           {statistics.median(then):>6.1f}ms {max(then):>6.1f}ms"
        print(line)
    for label, measured in (("now", timings), ("before", before)):
        if measured:
            summary(label, measured)


def summary(label: str, timings: dict[str, list[float]]) -> None:
    everything = [v for name, values in timings.items() if "floor" not in name for v in values]
    slowest = max(everything)
    met = "met" if slowest < MAX_CHANGE_MS else "NOT met"
    print(
        f"{label}: all {len(everything)} changes: median {statistics.median(everything):.1f} ms,"
        f" slowest {slowest:.1f} ms; target every change under {MAX_CHANGE_MS:.0f} ms: {met}"
    )


if __name__ == "__main__":
    main()
