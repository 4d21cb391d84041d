"""mkdocs.yml read and written as YAML, without an engine: what the export keeps of it.

Tags that the engines resolve at build time (`!ENV`, `!relative`,
`!!python/name:material.extensions.emoji.twemoji`) are kept as they were written, so the
exported configuration means what the original meant. `INHERIT` is resolved, as MkDocs
resolves it, so that the export stands on its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PLUGIN = "mentorsite"


class ConfigError(Exception):
    """mkdocs.yml cannot be read: a sentence for the user."""


@dataclass(frozen=True)
class Tagged:
    """A value written with a tag the engine resolves (`!ENV SITE_URL`)."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return Tagged(node.tag, value)


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Dumper.add_representer(Tagged, _represent)


def read(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as written, with its `INHERIT` parent merged in."""
    try:
        with config_file.open(encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=_Loader)  # a SafeLoader
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{config_file.name}: {error}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file.name}: expected a mapping of settings")
    parent = data.pop("INHERIT", None)
    if parent is not None:
        data = _merged(read((config_file.parent / str(parent)).resolve()), data)
    return data


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's settings over the parent's, mappings merged key by key (as MkDocs does)."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def write(config: dict[str, Any], path: Path, *, header: str) -> None:
    text = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"{header}{text}", encoding="utf-8")


def setting(config: dict[str, Any], key: str, default: Any = None) -> Any:
    """A setting's value, with `!ENV` resolved from the environment as the engine would."""
    value = config.get(key, default)
    if isinstance(value, Tagged):
        if value.tag != "!ENV":
            raise ConfigError(f"{key}: the tag {value.tag} cannot be read by mentorsite export")
        names = value.value if isinstance(value.value, list) else [value.value]
        fallback = names[-1] if isinstance(value.value, list) and len(names) > 1 else None
        names = names[:-1] if fallback is not None else names
        value = next((os.environ[name] for name in names if name in os.environ), fallback)
    return default if value is None else value


def plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """The mentorsite plugin's options; None when mkdocs.yml does not use the plugin."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else _entries(plugins)
    for name, options in entries:
        if name == PLUGIN:
            return dict(options or {})
    return None


def without_plugin(plugins: Any) -> Any:
    """The `plugins` setting less mentorsite, in the form it was written."""
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name != PLUGIN}
    return [entry for entry in plugins or [] if next(iter(_entries([entry])))[0] != PLUGIN]


def _entries(plugins: list[Any]) -> list[tuple[str, Any]]:
    found = []
    for entry in plugins:
        if isinstance(entry, dict):
            found += list(entry.items())
        else:
            found.append((str(entry), None))
    return found
