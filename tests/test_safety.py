"""Nothing unsafe is published: plain text is escaped, Markdown is sanitised, in every field."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from conftest import build, edit
from htmlpage import Page
from mentorsite.site.dialect import FIELD_SAFE
from mentorsite.site.markup import MarkdownFields, escape_text

# Markdown fields in the example site's dialect (mkdocs.yml, with MkDocs' own three), where
# attr_list is on; and with every extension a field may be written with.
render_markdown = MarkdownFields(
    {"toc": {"permalink": True}, "tables": {}, "fenced_code": {}, "admonition": {}, "attr_list": {}}
)
render_with_everything = MarkdownFields({name: {} for name in sorted(FIELD_SAFE)})

PAYLOADS_PLAIN = [
    "Bob { onmouseover=alert(1) }",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    '{: onclick="alert(1)" }',
]


def assert_harmless(page: Page) -> None:
    for tag, name, value in page.attributes:
        assert not name.startswith("on"), (tag, name, value)
        if name in ("href", "src", "action", "formaction"):
            assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (
                tag,
                name,
                value,
            )
    assert not any("alert(1)" in script for script in page.scripts)


def markdown_then_browser(text: str) -> Page:
    """Put a value in a Markdown page the way the site's pages do, with attr_list on."""
    rendered = markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])
    return Page(rendered)


@pytest.mark.parametrize("payload", PAYLOADS_PLAIN)
def test_escaped_text_is_inert_in_markdown_headings_and_html(payload: str) -> None:
    escaped = str(escape_text(payload))
    for source in (f"# {escaped}", f"Text {escaped}", f'<div class="x">{escaped}</div>'):
        page = markdown_then_browser(source)
        assert_harmless(page)
        assert payload in "".join(page.text)


@pytest.mark.parametrize(
    ("source", "gone"),
    [
        ("Hej <script>alert(1)</script>", "<script"),
        ('<a href="#" onclick="alert(1)">x</a>', "onclick"),
        ("[x](javascript:alert(1))", "javascript:"),
        ("<img src=x onerror=alert(1)>", "onerror"),
        ("# Titel { onmouseover=alert(1) }", "<h3 "),
        ("```\n{: onclick=alert(1) }\n```", "{"),
        # attr_list writes attributes; the sanitiser keeps none of them
        ("Tekst\n{ onmouseover=alert(1) }", "onmouseover"),
        ("# Kontakt { #kontakt }", "id="),
        ('Tekst\n{: .md-header style="display:none" }', "md-header"),
        ('Tekst\n{: style="display:none" }', "style"),
        ('[x](https://example.org){ href="javascript:alert(1)" }', "javascript:"),
        ('!!! note "x"\n    y\n    {: .md-header onclick=alert(1) }', "onclick"),
        # links written every way Markdown and HTML allow
        ("[x][r]\n\n[r]: javascript:alert(1)", "javascript:"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ("<javascript:alert(1)>", "javascript:"),
        ('<details open ontoggle="alert(1)">x</details>', "ontoggle"),
        ('<div class="md-header admonition">x</div>', "md-header"),
        ("<style>body{display:none}</style>", "display"),
        ('<iframe src="https://example.org"></iframe>', "iframe"),
    ],
)
@pytest.mark.parametrize("render", [render_markdown, render_with_everything])
def test_markdown_fields_are_sanitised(source: str, gone: str, render: MarkdownFields) -> None:
    rendered = str(render(source))
    assert gone not in rendered
    assert_harmless(markdown_then_browser(f"<div>\n{rendered}\n</div>"))


def test_markdown_keeps_what_people_write() -> None:
    rendered = str(
        render_markdown(
            "**Fed**, *kursiv* og [et link](https://example.org).\n\n- punkt\n\n# Overskrift"
        )
    )
    assert "<strong>Fed</strong>" in rendered and "<em>kursiv</em>" in rendered
    assert '<a href="https://example.org" rel="noopener noreferrer">et link</a>' in rendered
    assert "<li>punkt</li>" in rendered
    assert "<h3>Overskrift</h3>" in rendered  # below the page's own headings


MARKDOWN_PAYLOAD = (
    "Hej <script>alert(1)</script> [klik](javascript:alert(1))\n\n"
    '<a href="#" onclick="alert(1)">a</a> <img src=x onerror=alert(1)>\n\n'
    "# Overskrift { onmouseover=alert(1) }\n\n"
    "```\n{: onclick=alert(1) }\n```\n"
)


def _yaml(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _block(text: str) -> str:
    return "|\n" + "".join(f"  {line}\n" for line in text.splitlines())


def test_no_field_of_any_kind_can_inject_into_the_site(project: Path, tmp_path: Path) -> None:
    plain = iter(PAYLOADS_PLAIN * 3)

    def set_field(path: str, field: str, value: str) -> None:
        def change(text: str) -> str:
            lines = text.splitlines()
            start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
            end = start + 1
            while end < len(lines) and (lines[end].startswith(" ") or not lines[end]):
                end += 1
            return "\n".join([*lines[:start], f"{field}: {value.rstrip()}", *lines[end:]]) + "\n"

        edit(project / path, change)

    for field in ("name", "title"):
        set_field("content/mentors/anna-jensen.yml", field, _yaml(next(plain)))
    set_field("content/mentors/anna-jensen.yml", "bio", _block(MARKDOWN_PAYLOAD))
    for field in ("name", "summary"):
        set_field("content/programmes/lederudvikling-2026.yml", field, _yaml(next(plain)))
    set_field("content/programmes/lederudvikling-2026.yml", "goal", _block(MARKDOWN_PAYLOAD))
    set_field("content/rules/confidentiality.yml", "title", _yaml(next(plain)))
    set_field("content/rules/confidentiality.yml", "text", _block(MARKDOWN_PAYLOAD))
    set_field("content/roles/mentee.yml", "name", _yaml(next(plain)))
    set_field("content/roles/mentee.yml", "description", _block(MARKDOWN_PAYLOAD))
    edit(
        project / "content/roles/mentee.yml",
        lambda s: s.replace("  before:\n", f"  before:\n    - {_yaml(next(plain))}\n", 1),
    )
    edit(
        project / "content/responsibilities.yml",
        lambda s: s.replace("name: Matche mentor og mentee", f"name: {_yaml(next(plain))}", 1),
    )
    edit(
        project / "config/taxonomy.yml",
        lambda s: s.replace("name: Uddelegering", f"name: {_yaml(PAYLOADS_PLAIN[0])}").replace(
            "{id: aarhus, name: Aarhus}", f"{{id: aarhus, name: {_yaml(PAYLOADS_PLAIN[2])}}}"
        ),
    )
    edit(
        project / "config/organisation.yml",
        lambda s: s.replace("name: Nordlys A/S", f"name: {_yaml(PAYLOADS_PLAIN[1])}", 1),
    )

    site = tmp_path / "site"
    assert build(project, site) == 0
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    for path in pages:
        assert_harmless(Page(path.read_text(encoding="utf-8")))
    profile = Page((site / "mentors/anna-jensen/index.html").read_text(encoding="utf-8"))
    assert PAYLOADS_PLAIN[0] in "".join(profile.text)  # shown as the text it is
