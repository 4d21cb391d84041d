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


def write_baseline(project: Path, folder: Path) -> Path:
    """The same pages as plain Markdown files, for MkDocs and Material alone."""
    from mentorsite.content import load_content
    from mentorsite.history.git import read_history
    from mentorsite.i18n.strings import Strings
    from mentorsite.project import Paths, theme_dirs
    from mentorsite.site.pages import plan_site
    from mentorsite.site.render import Renderer

    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    shutil.copytree(project / "content/pages", docs)
    content = load_content(Paths.at(project)).content
    assert content is not None, "the synthetic project does not validate"
    themes = theme_dirs()
    strings = Strings.load(content.organisation.language, themes)
    site = plan_site(content, strings, history=read_history(Paths.at(project)))
    renderer = Renderer(themes, strings)
    for page in site.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(renderer.render(page), encoding="utf-8")
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
    config["not_in_nav"] = "/mentors/*/\n/files/\n"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


@dataclass
class Timing:
    wall: float  # seconds on the clock
    cpu: float  # seconds of processor time (user + system) of the build's process


def timed(command: list[str], cwd: Path) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def best(timings: list[Timing]) -> Timing:
    """The least disturbed run: other work on the machine only ever adds time."""
    return Timing(min(t.wall for t in timings), min(t.cpu for t in timings))


def measure(size: int, repeats: int) -> tuple[Timing, Timing]:
    project = write_project(WORK / f"project-{size}", size)
    baseline = write_baseline(project, WORK / f"baseline-{size}")
    bin_dir = Path(sys.executable).parent
    ours_command = [str(bin_dir / "mentorsite"), "build", "-d", "site"]
    plain_command = [str(bin_dir / "mkdocs"), "build", "-q", "-d", "site"]
    ours, plain = [], []
    for _ in range(repeats):
        plain.append(timed(plain_command, baseline))
        ours.append(timed(ours_command, project))
    return best(ours), best(plain)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results = {}
    print(f"best of {args.repeats}; cpu = user + system time of the build's process")
    print(f"{'mentors':>8} {'':>5} {'mentorsite':>11} {'baseline':>9} {'ratio':>6}")
    for size in args.sizes:
        ours, plain = measure(size, args.repeats)
        results[size] = ours
        for kind in ("cpu", "wall"):
            a, b = getattr(ours, kind), getattr(plain, kind)
            print(f"{size:>8} {kind:>5} {a:>10.2f}s {b:>8.2f}s {a / b:>6.2f}", flush=True)
    for small, large in itertools.pairwise(sorted(results)):
        for kind in ("cpu", "wall"):
            growth = getattr(results[large], kind) / getattr(results[small], kind)
            print(f"growth ({kind}): mentorsite build({large}) / build({small}) = {growth:.2f}")


if __name__ == "__main__":
    main()
