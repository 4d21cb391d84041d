"""How much mentorsite adds to a MkDocs build, and how the build grows with the mentors.

For each N it writes a project with N synthetic mentors (the example's programmes,
rules, roles and vocabularies), then times, side by side in the same run:

- mentorsite: `mentorsite build` of that project (load, validate, plan, render, build);
- baseline:   plain `mkdocs build` with Material of the very same pages, written out
              beforehand as Markdown files, with the profiles outside the navigation.

The difference is mentorsite's own cost. Each build runs in a fresh process, the
two kinds take turns, and the best of the repeats is reported, in processor time
(user + system: what the build itself costs) and in wall-clock time (which other
work on a shared machine inflates).

    python benchmarks/build_speed.py            # N = 2000 and 4000
    python benchmarks/build_speed.py --sizes 500 1000 --repeats 1
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import random
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORK = Path(__file__).resolve().parent / "work"

FIRST = [
    "Anna",
    "Bo",
    "Camilla",
    "Ditte",
    "Emil",
    "Frida",
    "Gustav",
    "Hanne",
    "Ida",
    "Jens",
    "Karen",
    "Lars",
    "Mette",
    "Niels",
    "Ole",
    "Pia",
    "Rasmus",
    "Sofie",
    "Søren",
    "Åse",
]
LAST = [
    "Andersen",
    "Bech",
    "Christensen",
    "Dahl",
    "Eriksen",
    "Frost",
    "Holm",
    "Jensen",
    "Kjær",
    "Lund",
    "Møller",
    "Nielsen",
    "Østergaard",
    "Poulsen",
    "Quist",
    "Søgaard",
]
WORDS = [
    *[
        "ledelse",
        "udvikling",
        "sparring",
        "forandring",
        "team",
        "strategi",
        "kunde",
        "samarbejde",
        "mål",
    ],
    *["læring", "erfaring", "dialog", "ansvar", "kultur", "karriere", "projekt", "drift"],
]


def write_project(folder: Path, mentors: int, seed: int = 1) -> Path:
    """A mentorsite project with `mentors` synthetic mentors."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(REPO / "config", folder / "config")
    for kind in ("programmes", "rules", "roles", "materials", "pages"):
        shutil.copytree(REPO / "content" / kind, folder / "content" / kind)
    shutil.copy(REPO / "content/responsibilities.yml", folder / "content/responsibilities.yml")
    shutil.copy(REPO / "mkdocs.yml", folder / "mkdocs.yml")
    taxonomy = yaml.safe_load((folder / "config/taxonomy.yml").read_text(encoding="utf-8"))
    ids = {key: [t["id"] for t in taxonomy[key]] for key in taxonomy}
    programmes = sorted(p.stem for p in (folder / "content/programmes").glob("*.yml"))
    rng = random.Random(seed)
    (folder / "content/mentors").mkdir()
    for number in range(mentors):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        capacity = rng.randint(1, 3)
        bio = "\n\n".join(
            " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(3)
        )
        mentor = {
            "name": name,
            "title": rng.choice(["Afdelingschef", "Teamleder", "Leder", "Direktør"]),
            "unit": rng.choice(ids["units"]),
            "location": rng.choice(ids["locations"]),
            "level": rng.choice(ids["levels"]),
            "languages": rng.sample(ids["languages"], rng.randint(1, 3)),
            "qualifications": rng.sample(ids["qualifications"], rng.randint(2, 4)),
            "models": rng.sample(ids["models"], rng.randint(1, 3)),
            "programmes": rng.sample(programmes, rng.randint(1, 2)),
            "capacity": capacity,
            "mentees": rng.randint(0, capacity),
            "email": f"mentor{number}@nordlys.example",
            "phone": f"+45 {rng.randint(10000000, 99999999)}",
            "reviewed": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            "bio": f"**{name}** fortæller:\n\n{bio}\n",
        }
        path = folder / "content/mentors" / f"mentor-{number:05d}.yml"
        path.write_text(
            yaml.safe_dump(mentor, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return folder


def write_profiles_baseline(project: Path, folder: Path) -> Path:
    """What an organisation publishes without mentorsite: plain MkDocs and Material, a
    Markdown page for each mentor (outside the navigation) and a home page."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    (docs / "mentors").mkdir(parents=True)
    taxonomy = yaml.safe_load((project / "config/taxonomy.yml").read_text(encoding="utf-8"))
    names = {(key, t["id"]): t["name"] for key in taxonomy for t in taxonomy[key]}
    for path in sorted((project / "content/mentors").glob("*.yml")):
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        offers = "\n".join(f"- {names[('qualifications', q)]}" for q in m["qualifications"])
        languages = ", ".join(names[("languages", x)] for x in m["languages"])
        page = (
            f"# {m['name']}\n\n**{m['title']}**, {names[('units', m['unit'])]}, "
            f"{names[('locations', m['location'])]}\n\nSprog: {languages}\n\n"
            f"## Om mig\n\n{m['bio']}\n## Kan tilbyde\n\n{offers}\n\n"
            f"## Kontakt\n\n<{m['email']}>\n"
        )
        (docs / "mentors" / f"{path.stem}.md").write_text(page, encoding="utf-8")
    (docs / "index.md").write_text("# Mentorer\n\nVores mentorer.\n", encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    config["plugins"] = ["search"]
    config["nav"] = ["index.md"]
    config["not_in_nav"] = "/mentors/\n"
    config.pop("edit_uri", None)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def write_same_pages(project: Path, folder: Path) -> Path:
    """Every page mentorsite makes, written out as files for MkDocs and Material alone:
    the second comparison, of the engine's work on the same pages either way."""
    from mentorsite.build import BuildOptions, build_site
    from mentorsite.content import load_content
    from mentorsite.history.git import read_history
    from mentorsite.project import Paths, theme_dirs

    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    shutil.copytree(project / "content/pages", docs)
    content = load_content(Paths.at(project)).content
    assert content is not None, "the synthetic project does not validate"
    themes = theme_dirs()
    options = BuildOptions(themes=themes, history=read_history(Paths.at(project)))
    site = build_site(content, options)
    for page in site.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        front = "".join(
            f"{k}: {json.dumps(v)}\n" for k, v in {"title": page.title, **page.meta}.items()
        )
        target.write_text(f"---\n{front}---\n\n{page.html}", encoding="utf-8")
    for asset in site.assets:
        target = docs / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if asset.text is not None:  # drawn initials, the catalogue's downloads
            data = asset.text.encode("utf-8") if isinstance(asset.text, str) else asset.text
            target.write_bytes(data)
        else:
            shutil.copy(asset.source, target)
    assets = docs / "assets/mentorsite"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("mentorsite.css", "mentorsite.js"):
        shutil.copy(themes[0] / "assets" / name, assets / name)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    config["plugins"] = ["search"]
    config["theme"]["language"] = content.organisation.language
    config["extra_css"] = ["assets/mentorsite/mentorsite.css"]
    config["extra_javascript"] = ["assets/mentorsite/mentorsite.js"]
    free = sorted(
        p.relative_to(project / "content/pages").as_posix()
        for p in (project / "content/pages").rglob("*.md")
    )
    config["nav"] = [*site.nav, *free]
    config["not_in_nav"] = "/mentors/*/\n/files/\n/programmes/*/\n/changes/*\n"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


@dataclass
class Run:
    wall: float  # seconds on the clock
    cpu: float  # seconds of processor time (user + system) of the build's process
    peak_mb: float  # the build process's peak resident memory
    index_mb: float  # the size of the search index it wrote


# Runs a console script in this process and, at its exit, writes the process's own peak
# memory (VmHWM: unlike getrusage's maxrss it starts anew at exec) to a file.
_PEAK = (
    "import atexit, re, sys\n"
    "from importlib.metadata import entry_points\n"
    "def _peak(path=sys.argv[1]):\n"
    "    text = open('/proc/self/status').read()\n"
    "    open(path, 'w').write(re.search(r'VmHWM:\\s*(\\d+)', text).group(1))\n"
    "atexit.register(_peak)\n"
    "name, sys.argv = sys.argv[2], sys.argv[2:]\n"
    "(script,) = entry_points(group='console_scripts', name=name)\n"
    "sys.exit(script.load()())\n"
)


def timed(command: list[str], cwd: Path) -> Run:
    peak_file = cwd / ".peak"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    full = [sys.executable, "-c", _PEAK, str(peak_file), *command]
    result = subprocess.run(full, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = int(peak_file.read_text()) / 1024
    index = (cwd / "site/search/search_index.json").stat().st_size / 1e6
    return Run(wall, cpu, peak, index)


def best(runs: list[Run]) -> Run:
    """The least disturbed run: other work on the machine only ever adds time."""
    return Run(
        min(r.wall for r in runs),
        min(r.cpu for r in runs),
        min(r.peak_mb for r in runs),
        min(r.index_mb for r in runs),
    )


OURS = ["mentorsite", "build", "-d", "site", "--force"]
PLAIN = ["mkdocs", "build", "-q", "-d", "site"]


def measure(size: int, repeats: int, same_pages: bool) -> dict[str, Run]:
    """mentorsite, the profiles baseline, and (if asked) the same pages, taking turns."""
    project = write_project(WORK / f"project-{size}", size)
    folders = {"mentorsite": project}
    folders["profiles"] = write_profiles_baseline(project, WORK / f"profiles-{size}")
    if same_pages:
        folders["same pages"] = write_same_pages(project, WORK / f"same-{size}")
    runs: dict[str, list[Run]] = {name: [] for name in folders}
    for _ in range(repeats):
        for name, folder in folders.items():
            runs[name].append(timed(OURS if name == "mentorsite" else PLAIN, folder))
    return {name: best(found) for name, found in runs.items()}


def report(size: int, results: dict[str, Run]) -> None:
    ours = results["mentorsite"]
    for name, run in results.items():
        line = f"{size:>7} {name:>11} {run.cpu:>8.2f}s {run.wall:>8.2f}s"
        line += f" {run.peak_mb:>8.0f} MB {run.index_mb:>8.2f} MB"
        if name != "mentorsite":
            line += f"   mentorsite / this: cpu {ours.cpu / run.cpu:.2f}"
            line += (
                f", peak {ours.peak_mb / run.peak_mb:.2f}, index {ours.index_mb / run.index_mb:.2f}"
            )
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--scale",
        action="store_true",
        help="N = 20,000, once each: time, peak memory and search index against the profiles",
    )
    parser.add_argument(
        "--no-same-pages", action="store_true", help="leave out the second comparison"
    )
    args = parser.parse_args()
    sizes, repeats = ([20000], 1) if args.scale else (args.sizes, args.repeats)
    print(f"best of {repeats}; cpu = user + system time of the build's process")
    print(f"{'mentors':>7} {'build':>11} {'cpu':>9} {'wall':>9} {'peak':>11} {'index':>11}")
    totals = {}
    for size in sizes:
        results = measure(size, repeats, same_pages=not (args.no_same_pages or args.scale))
        report(size, results)
        totals[size] = results["mentorsite"]
    for small, large in itertools.pairwise(sorted(totals)):
        # build(2N) / build(N), from the two sizes measured: 2.00 when the cost is linear.
        growth = (totals[large].cpu / totals[small].cpu) ** (math.log(2) / math.log(large / small))
        print(f"growth per doubling of N, from {small} to {large}: {growth:.2f}")


if __name__ == "__main__":
    main()
