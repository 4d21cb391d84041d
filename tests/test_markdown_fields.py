"""Markdown fields are written in the site's own dialect, and nothing unsafe in it runs.

A bio, a rule's text or a programme's planning topic reads the same as the same Markdown
on a free page of the site, with the extensions of mkdocs.yml; but an extension that reads
files or makes ids never acts on a field, and what comes out is sanitised.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from conftest import SOURCE_DATE_EPOCH, build, copy_example
from htmlpage import Page
from mentorsite.content import load_content
from mentorsite.model.types import MAX_MARKDOWN_CHARS, Markdown
from mentorsite.project import Paths
from mentorsite.site.dialect import FIELD_SAFE, field_extensions
from mentorsite.site.markup import MarkdownFields, plain_html, plain_path_holds

# The example's mkdocs.yml, with the three extensions MkDocs always adds.
SITE = {
    "toc": {"permalink": True},
    "tables": {},
    "fenced_code": {},
    "admonition": {},
    "attr_list": {},
}

# Lists nested by two spaces (flat in Python-Markdown, nested in GitHub's Markdown) and by
# four, and a note, which only the example's mkdocs.yml turns on.
SAMPLE = (
    "Før listerne.\n\n"
    "- ledelse\n  - uddelegering\n  - forandring\n- karriere\n\n"
    "1. første\n    - inde i den første\n2. anden\n\n"
    '!!! note "Bemærk"\n    Samtalerne er *fortrolige*.\n\n'
    "Efter listerne.\n"
)
HEADINGS = "## Kontakt { #kontakt }\n\nRing hellere.\n\n# Om mig { #om-mig .md-header }\n"


def set_bio(path: Path, bio: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["bio"] = bio
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site with SAMPLE in a bio and on a free page, and HEADINGS in the bio."""
    root = tmp_path_factory.mktemp("dialect")
    project = copy_example(root / "project")
    set_bio(project / "content/mentors/anna-jensen.yml", SAMPLE + "\n" + HEADINGS)
    (project / "content/pages/lister.md").write_text("# Lister\n\n" + SAMPLE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(SOURCE_DATE_EPOCH))
        assert build(project, root / "site") == 0
    return root / "site"


def between_the_markers(html: str) -> str:
    return html[html.index("<p>Før listerne.</p>") : html.index("<p>Efter listerne.</p>")]


def test_a_list_reads_the_same_in_a_bio_and_in_a_free_page(site: Path) -> None:
    page = (site / "lister/index.html").read_text(encoding="utf-8")
    profile = (site / "mentors/anna-jensen/index.html").read_text(encoding="utf-8")
    in_page, in_bio = between_the_markers(page), between_the_markers(profile)
    assert in_bio == in_page
    assert "<li>uddelegering</li>" in in_bio  # nested by two spaces: an item like the others
    assert '<div class="admonition note">' in in_bio  # mkdocs.yml's admonition reached it


def test_headings_in_a_bio_take_no_id_and_sit_below_the_pages_own(site: Path) -> None:
    html = (site / "mentors/anna-jensen/index.html").read_text(encoding="utf-8")
    ids = [value for _, name, value in Page(html).attributes if name == "id"]
    assert len(ids) == len(set(ids))
    assert "<h4>Kontakt</h4>" in html and "<h3>Om mig</h3>" in html
    assert html.count('id="kontakt"') == 1  # the page's own heading, which its contents link to
    assert "md-header" not in html[html.index("<article") : html.index("</article>")]


def test_a_field_never_includes_a_file_even_where_the_site_enables_snippets(
    tmp_path: Path,
) -> None:
    (tmp_path / "hemmelig.txt").write_text("HEMMELIGT-INDHOLD", encoding="utf-8")
    site = {**SITE, "pymdownx.snippets": {"base_path": [str(tmp_path)]}}
    text = 'Se her:\n\n--8<-- "hemmelig.txt"\n\n;--8<-- "hemmelig.txt"\n'
    on_a_page = markdown.markdown(text, extensions=list(site), extension_configs=site)
    assert "HEMMELIGT-INDHOLD" in on_a_page
    assert "HEMMELIGT-INDHOLD" not in MarkdownFields(site)(text)


@pytest.mark.parametrize(
    "name",
    [
        "pymdownx.snippets",  # reads files
        "pymdownx.snippets:SnippetExtension",
        "pymdownx.b64",  # reads image files
        "markdown_include.include",  # unknown here: left out
        "toc",  # ids and permalinks
        "markdown.extensions.toc",
        "footnotes",
        "pymdownx.tabbed",
        "md_in_html",
        "meta",  # would swallow a first line "Erfaring: 20 år"
        "pymdownx.arithmatex",
        "pymdownx.emoji",
        "pymdownx.blocks.html",
    ],
)
def test_extensions_that_read_files_or_make_ids_never_act_on_a_field(name: str) -> None:
    assert field_extensions({**SITE, name: {}}) == field_extensions(SITE)


def test_extra_gives_a_field_its_safe_parts_with_their_options() -> None:
    found = field_extensions({"extra": {"footnotes": {}, "abbr": {"glossary": {"HR": "Hr"}}}})
    assert found == {
        "fenced_code": {},
        "attr_list": {},
        "def_list": {},
        "tables": {},
        "abbr": {"glossary": {"HR": "Hr"}},
    }


def test_a_meta_line_stays_in_a_field_where_the_site_enables_meta() -> None:
    text = "Erfaring: 20 år i ledelse.\n\nMere om mig."
    assert "Erfaring: 20 år" in MarkdownFields({**SITE, "meta": {}})(text)


def test_nothing_of_one_field_reaches_the_next() -> None:
    fields = MarkdownFields({"extra": {}})
    first = fields("Se [siden][s] om HR.\n\n[s]: https://example.org\n\n*[HR]: Human Resources")
    assert 'href="https://example.org"' in first and "<abbr" in first
    later = str(fields("Se [siden][s] om HR."))
    assert "href" not in later and "<abbr" not in later


def test_a_build_given_no_extensions_reads_fields_as_a_bare_mkdocs_site() -> None:
    fields = MarkdownFields()
    assert "<table>" in fields("| a | b |\n|---|---|\n| 1 | 2 |")
    assert "!!! note" in fields("!!! note\n    tekst")


# -- the quick path: the same HTML as Python-Markdown -------------------------------------

WORDS = ["Anna", "ø", "æble", "HR-chef", "2026", "x", "é", "I", "ß", "Ω", "Å", "mål"]
PUNCTUATION = [",", ".", ":", ";", "!", "?", "(", ")", "'", '"', "/", "%", "-", "1.", "1)"]
EMPHASIS = ["**", "*", "***", "**Anna**", "*Anna*", "**Anna", "Anna**", "*Anna", "Anna*"]
EMPHASIS += ["Bo*,", "**Bo**.", "(*x*)", "*x*!", "**2026**", "**a b**", "*a b*", "*a*b"]
OTHER = ["_", "#", "=", "+", "~", "^", "`", "[", "]", "{", "}", "<", ">", "&", "\\", "|"]
OTHER += ["  ", "\t", "\xa0", " ", "--", "...", "(c)", "1st", "1/2", "www.x.dk", "a@b.dk"]


def texts(pool: list[str]) -> st.SearchStrategy[str]:
    line = st.builds(
        lambda words, glue: glue.join(words),
        st.lists(st.sampled_from(pool), min_size=1, max_size=8),
        st.sampled_from([" ", ""]),
    )
    ending = st.sampled_from(["\n", "\n\n", "\n\n\n", " \n", "  \n"])
    return st.lists(st.tuples(line, ending), min_size=1, max_size=5).map(
        lambda lines: "".join(text + end for text, end in lines)
    )


DIALECTS = [
    {},
    SITE,
    {name: {} for name in ("abbr", "def_list", "legacy_em", "sane_lists", "wikilinks")},
    {
        name: {}
        for name in FIELD_SAFE
        if name.startswith("pymdownx.") and plain_path_holds({name: {}})
    },
    *({"pymdownx.betterem": {"smart_enable": value}} for value in ("all", "none")),
]
ENGINES = [
    markdown.Markdown(extensions=list(dialect), extension_configs=dialect)
    for dialect in (field_extensions(d) for d in DIALECTS)
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [WORDS + PUNCTUATION, WORDS + EMPHASIS, WORDS + PUNCTUATION + EMPHASIS + OTHER]
    ).flatmap(texts)
)
def test_the_quick_path_writes_what_python_markdown_writes(text: str) -> None:
    quick = plain_html(text)
    if quick is not None:
        for engine in ENGINES:
            engine.reset()
            assert quick == engine.convert(text)


@pytest.mark.parametrize(
    "text",
    [
        "**Anna Jensen** fortæller:\n\nJeg er leder, og har været det i 15 år.\n",
        "Jeg er *HR-chef* (siden 2020); spørg mig!\nAnden linje.\n\n\nNyt afsnit?",
    ],
)
def test_the_quick_path_takes_words_with_bold_and_italic(text: str) -> None:
    assert plain_path_holds(field_extensions(SITE))  # the example site's fields take it
    assert plain_html(text) == markdown.markdown(text)


@pytest.mark.parametrize(
    "text",
    ["- punkt", "1. punkt", "Anna_Jensen", "a  \nb", "A & B", " indrykket"],
)
def test_the_quick_path_leaves_markdown_syntax_to_python_markdown(text: str) -> None:
    assert plain_html(text) is None


@pytest.mark.parametrize(
    "dialect",
    [
        {"smarty": {}},
        {"nl2br": {}},
        {"pymdownx.magiclink": {}},
        {"pymdownx.smartsymbols": {}},
        {"abbr": {"glossary": {"HR": "Human Resources"}}},
    ],
)
def test_the_quick_path_is_off_where_an_extension_acts_on_plain_words(dialect: dict) -> None:
    assert not plain_path_holds(field_extensions({**SITE, **dialect}))


def test_every_extension_a_field_may_use_loads_together_and_sanitises() -> None:
    fields = MarkdownFields({name: {} for name in sorted(FIELD_SAFE)})
    html = str(fields('# Titel { #kontakt onclick="alert(1)" }\n\n- [x] gjort\n\nH~2~O ==mærk=='))
    assert "<h3>Titel</h3>" in html and "<mark>mærk</mark>" in html
    assert not re.search(r"\b(id|onclick|class)=", html.replace('class="admonition', ""))


# -- bounded: no field makes the build hang ------------------------------------------------

# Python-Markdown is quadratic in each of these; a Markdown field may hold this much of any.
SLOWEST = {
    "headings": "# x\n" * (MAX_MARKDOWN_CHARS // 4),
    "rules": "***\n" * (MAX_MARKDOWN_CHARS // 4),
    "underlined": "a\n===\n" * (MAX_MARKDOWN_CHARS // 6),
    "notes": "!!! note\n    x\n" * (MAX_MARKDOWN_CHARS // 15),
    "open brackets": "[x " * 400 + "x" * (MAX_MARKDOWN_CHARS - 1200),
    "open tags": "<a " * 400 + "x" * (MAX_MARKDOWN_CHARS - 1200),
    "nested lists in HTML": "<ul><li>" * 200 + "x" * (MAX_MARKDOWN_CHARS - 1600),
}


@pytest.mark.parametrize("text", SLOWEST.values(), ids=SLOWEST.keys())
def test_the_slowest_markdown_a_field_may_hold_renders_in_seconds(text: str) -> None:
    assert TypeAdapter(Markdown).validate_python(text) == text  # within the limits
    fields = MarkdownFields({name: {} for name in sorted(FIELD_SAFE)})
    start = time.process_time()
    fields(text)
    assert time.process_time() - start < 10  # 1.5 s on a quiet machine; hours unbounded


@pytest.mark.parametrize(
    ("bio", "said"),
    [
        ("# x\n" * 3000, "expected at most 10,000 characters of Markdown, found 12,000"),
        ("[x " * 2000, "expected at most 666 '[' and '<' together in Markdown of 6,000 "),
    ],
)
def test_markdown_beyond_the_limits_is_an_error_at_its_field(
    project: Path, bio: str, said: str
) -> None:
    set_bio(project / "content/mentors/anna-jensen.yml", bio)
    found = [str(p) for p in load_content(Paths.at(project)).errors]
    assert len(found) == 1
    assert re.match(r"content/mentors/anna-jensen\.yml:\d+:\d+: error: bio: ", found[0])
    assert said in found[0]


def test_markdown_nested_too_deep_for_python_markdown_is_shown_as_typed() -> None:
    fields = MarkdownFields({**SITE, "def_list": {}})
    assert str(fields("- " * 1000 + "x")) == "<p>" + "- " * 1000 + "x</p>"
    assert "<dt>" not in fields("Ord\n:   forklaring\n" * 1000)
    assert "<li>b</li>" in fields("**a**\n\n- b")  # and the next field as it should be
