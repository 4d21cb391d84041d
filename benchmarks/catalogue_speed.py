"""How heavy the catalogue page is, and how quickly its filters answer, with many mentors.

Builds the synthetic project of `build_speed.py` with N mentors (default 2000),
reports the size of /mentors/index.html, then opens it in headless Chromium
(Debian's, driven by Playwright) and times filter changes as an employee makes
them: ticking a value of each facet, choosing "not from my unit", typing a search,
sorting. Each time runs from the event to the list laid out again, measured
inside the page; the median and the slowest of each kind are reported.

    python benchmarks/catalogue_speed.py
    python benchmarks/catalogue_speed.py --mentors 4000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

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
  document.querySelector("[data-ms-cards]").getBoundingClientRect();
  document.body.offsetHeight;
  return performance.now() - start;
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentors", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    project = write_project(WORK / f"catalogue-{args.mentors}", args.mentors)
    command = [str(Path(sys.executable).parent / "mentorsite"), "build", "-d", "site"]
    subprocess.run(command, cwd=project, check=True, capture_output=True)
    page_file = project / "site/mentors/index.html"
    size = page_file.stat().st_size
    print(f"mentors: {args.mentors}")
    print(f"catalogue HTML: {size / 1e6:.2f} MB ({size / args.mentors:.0f} bytes a mentor)")

    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is needed: run tests/setup.sh")
    timings: dict[str, list[float]] = {}
    with serve(project / "site") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(url + "mentors/")
        page.wait_for_selector("[data-ms-filters]:not([hidden])")
        facets = page.eval_on_selector_all(
            "[data-ms-facet]",
            "sets => sets.map(s => [s.dataset.msFacet, s.querySelector('input').value])",
        )
        for _ in range(args.rounds):
            for facet, value in facets:
                box = f"input[name='{facet}'][value='{value}']"
                for _toggle in range(2):  # on, then off again
                    timing = page.evaluate(MEASURE, [box, "click", ""])
                    timings.setdefault(f"tick a value ({facet})", []).append(timing)
            for unit in ("administration", ""):
                timing = page.evaluate(MEASURE, ["#ms-not-unit", "select", unit])
                timings.setdefault("not from my unit", []).append(timing)
            for text in ("s", "so", "sog", "soga", ""):
                timing = page.evaluate(MEASURE, ["#ms-q", "type", text])
                timings.setdefault("type a search", []).append(timing)
            for order in ("name", "free", ""):
                timing = page.evaluate(MEASURE, ["#ms-sort", "select", order])
                timings.setdefault("sort", []).append(timing)
        browser.close()

    print(f"{'change':<34} {'median':>8} {'slowest':>8}")
    for name, values in timings.items():
        print(f"{name:<34} {statistics.median(values):>6.1f}ms {max(values):>6.1f}ms")
    everything = [value for values in timings.values() for value in values]
    print(
        f"all {len(everything)} changes: median {statistics.median(everything):.1f} ms, "
        f"slowest {max(everything):.1f} ms"
    )


if __name__ == "__main__":
    main()
