"""How quickly `mentorsite serve` shows an edit, against a full build of the same project.

It writes the synthetic project of build_speed.py with N mentors, times a full
`mentorsite build`, then starts `mentorsite serve` and, once the first build is served,
makes the edits HR makes while previewing. For each, the time runs from saving the YAML
file to the changed page being served over HTTP, polled as a browser would fetch it:

- a mentor's name changed: their profile;
- a mentor's title changed: the catalogue showing the new title on their card;
- a rule's title changed: the rule's page.

    python benchmarks/preview_speed.py              # N = 2000
    python benchmarks/preview_speed.py --mentors 500
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from build_speed import WORK, write_project

BIN = Path(sys.executable).parent


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read().decode("utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def until(condition, limit: float = 300) -> float:
    """Seconds until `condition()` holds, polling every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        try:
            if condition():
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.02)
    sys.exit("the preview never showed the edit")


def replace_line(path: Path, prefix: str, line: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, text in enumerate(lines) if text.startswith(prefix))
    lines[index] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def full_build(project: Path) -> float:
    start = time.perf_counter()
    command = [str(BIN / "mentorsite"), "build", "-d", "site", "--force"]
    subprocess.run(command, cwd=project, check=True, capture_output=True)
    return time.perf_counter() - start


def edits(project: Path, base: str) -> list[tuple[str, float]]:
    mentor = project / "content/mentors/mentor-00007.yml"
    rule = sorted((project / "content/rules").glob("*.yml"))[0]
    found = []
    replace_line(mentor, "name:", "name: Preview Navnesen")
    profile = base + "mentors/mentor-00007/"
    found.append(
        ("a mentor's name, on the profile", until(lambda: "Preview Navnesen" in fetch(profile)))
    )
    replace_line(mentor, "title:", "title: Overlæge i forhåndsvisning")
    catalogue = base + "mentors/"
    seconds = until(lambda: "Overlæge i forhåndsvisning" in fetch(catalogue))
    found.append(("a mentor's title, in the catalogue", seconds))
    replace_line(rule, "title:", "title: En regel med ny titel")
    page = base + f"rules/{rule.stem}/"
    found.append(
        ("a rule's title, on its page", until(lambda: "En regel med ny titel" in fetch(page)))
    )
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentors", type=int, default=2000)
    args = parser.parse_args()
    project = write_project(WORK / f"preview-{args.mentors}", args.mentors)
    build = min(full_build(project) for _ in range(2))
    print(f"{args.mentors} mentors; full build (best of 2): {build:.2f} s", flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = (project / "serve.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "mentorsite"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        until(lambda: "mentor-00007" in fetch(base + "mentors/"))
        time.sleep(1)  # let the watcher settle after the first build
        for what, seconds in edits(project, base):
            print(f"{what:<40} {seconds:6.2f} s   {seconds / build:5.2f} of a full build")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
