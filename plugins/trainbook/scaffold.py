"""``trainbook init``: a new handbook repository from the starter files shipped in ``trainbook/starter/``.

``starter/common/`` holds what does not depend on the language (Makefile, CI workflow, …),
``starter/<lang>/`` the content and words. A path part ``dot-x`` is written as ``.x`` (packaging
tools drop hidden files). Placeholders: ``@title@`` (Markdown), ``@title_yaml@`` (a quoted YAML
scalar) and ``@version@`` (:func:`fill`). ``starter/new/`` holds the single files of ``trainbook new``
(:mod:`trainbook.newfile`), not copied by ``init``.

Into a folder that is not empty, files are only added: an existing file is never replaced, it is
reported as kept. Two exceptions, both meant to be refreshed: the schema copies in
``.trainbook/schemas/`` (what ``trainbook schemas`` writes) and the ``yaml.schemas`` entries merged
into ``.vscode/settings.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import editor_schemas
from .messages import localize
from .strings import Strings
from .version import __version__

STARTER = Path(__file__).resolve().parent / "starter"
LANGS = ("zh", "en")
DEFAULT_TITLES: Mapping[str, str] = {"zh": "物业服务培训手册", "en": "Property service training handbook"}
CONTENT = Path("content")


class InitError(Exception):
    """The target cannot take a new handbook; nothing was written."""


@dataclass(frozen=True)
class InitResult:
    root: Path
    created: tuple[PurePosixPath, ...]
    kept: tuple[PurePosixPath, ...]
    # Set when .vscode/settings.json could not be merged (it is left as it was).
    settings_problem: str | None = None
    schema_files: tuple[Path, ...] = ()


def starter_files(lang: str, title: str, requirement: str) -> dict[PurePosixPath, bytes]:
    """Relative path -> bytes of every file of a new handbook (the schema copies and settings aside)."""
    if lang not in LANGS:
        raise InitError(f"unknown language '{lang}': expected one of {', '.join(LANGS)}")
    files: dict[PurePosixPath, bytes] = {}
    for layer in ("common", lang):
        base = STARTER / layer
        for src in sorted(p for p in base.rglob("*") if p.is_file()):
            text = fill(src.read_text(encoding="utf-8"), title)
            files[_target(src.relative_to(base))] = text.encode("utf-8")
    files[PurePosixPath("requirements.txt")] = _requirements(requirement, lang).encode("utf-8")
    return files


def fill(text: str, title: str, values: Mapping[str, str] | None = None) -> str:
    """A starter text with its placeholders replaced: the title (Markdown and YAML), the version, ``values``."""
    filled = {
        "@title_yaml@": json.dumps(title, ensure_ascii=False),  # a JSON string is a valid YAML scalar
        "@title@": title,
        "@version@": __version__,
        **(values or {}),
    }
    for key, value in filled.items():
        text = text.replace(key, value)
    return text


def init(root: Path, *, title: str | None = None, lang: str = "zh", force: bool = False) -> InitResult:
    """Create a handbook repository in ``root`` (see the module docstring for a non-empty folder)."""
    words = Strings(lang if lang in LANGS else "en")
    if root.exists() and not root.is_dir():
        raise InitError(words.plain("init.not_folder", root=root))
    if root.is_dir() and any(root.iterdir()) and not force:
        raise InitError(words.plain("init.not_empty", root=root))
    files = starter_files(lang, title or DEFAULT_TITLES[lang], requirement())
    settings = root / editor_schemas.SETTINGS
    problem = None
    try:
        editor_schemas.read_settings(settings)
    except editor_schemas.SettingsError as exc:
        problem = localize(exc.message, lang)
    created, kept = [], []
    for rel, data in files.items():
        path = root / rel
        if path.exists():
            kept.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        created.append(rel)
    out = root / editor_schemas.DEFAULT_DIR
    written = editor_schemas.write_copies(out)
    if problem is None:
        editor_schemas.merge_settings(settings, editor_schemas.vscode_mapping(root, out, root / CONTENT))
    return InitResult(root, tuple(created), tuple(kept), problem, tuple(written))


def requirement() -> str:
    """How the new handbook installs this very trainbook: the same Git commit or URL when it came from one."""
    # Imported here: importlib.metadata costs every command line some 30 ms, and only init needs it.
    from importlib import metadata

    try:
        raw = metadata.distribution("trainbook").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        raw = None
    info = json.loads(raw) if raw else {}
    url = info.get("url", "")
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"trainbook @ git+{url}@{vcs['commit_id']}"
    if "archive_info" in info and url.startswith(("https://", "http://")):
        return f"trainbook @ {url}"
    return f"trainbook=={__version__}"


def _requirements(requirement: str, lang: str) -> str:
    return Strings(lang).plain("init.requirements", version=__version__) + requirement + "\n"


def _target(rel: Path) -> PurePosixPath:
    parts = ["." + p[len("dot-") :] if p.startswith("dot-") else p for p in rel.parts]
    return PurePosixPath(*parts)
