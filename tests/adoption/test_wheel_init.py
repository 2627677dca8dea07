"""A second company adopts trainbook: from a wheel built here, in a fresh virtual environment.

Built once per module (slow part): ``python -m build`` on a copy of the source gives an sdist and a
wheel built from that sdist; a new venv gets trainbook from the wheel only (``--no-deps``), while the
heavy third-party dependencies come from this environment's site-packages through a .pth line, so the
test stays offline and fast. Every command then runs as a user would run it, as a subprocess.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "plugins/trainbook"
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")
KIND_OF_FOLDER = {
    "banks": "bank",
    "cases": "case",
    "exams": "exam",
    "rubrics": "rubric",
    "schemes": "scheme",
    "forms": "form",
}
EXAM_ONLY_STEM = {"zh": "报修回访一般应当在维修完成后", "en": "A call-back after a repair should normally happen"}
NAV_TITLE = {"zh": "练习与考核", "en": "Practice and assessment"}


@dataclass(frozen=True)
class Env:
    venv: Path
    wheel: Path
    sdist: Path

    @property
    def python(self) -> Path:
        return self.venv / "bin/python"

    def run(self, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["NO_MKDOCS_2_WARNING"] = "1"
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        done = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        if check and done.returncode != 0:
            raise AssertionError(f"{args} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
        return done

    def trainbook(self, *args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run(str(self.venv / "bin/trainbook"), *args, cwd=cwd, check=check)


def _source_copy(dest: Path) -> Path:
    """What a release is built from, without caches or an earlier build/ that could leak stale files."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    dest.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("plugins", "build_tools"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    return dest


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Env:
    base = tmp_path_factory.mktemp("wheel")
    src = _source_copy(base / "src")
    dist = base / "dist"
    # Without --wheel, build makes the sdist first and the wheel from the sdist: a file missing from
    # the sdist goes missing from the wheel too, and the tests below notice.
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(src)],
        check=True,
        capture_output=True,
        text=True,
    )
    (wheel,) = dist.glob("trainbook-*.whl")
    (sdist,) = dist.glob("trainbook-*.tar.gz")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = Path(
        subprocess.run(
            [str(venv / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # A plain path line: .pth files inside that folder (our own editable install) are not processed.
    (purelib / "_thirdparty.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "--quiet"),
            *("--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return Env(venv, wheel, sdist)


@pytest.fixture(scope="module", params=["zh", "en"])
def handbook(request: pytest.FixtureRequest, env: Env, tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp(f"init-{request.param}")
    env.trainbook("init", "handbook", "--lang", request.param, cwd=where)
    return where / "handbook"


def _lang(handbook: Path) -> str:
    return handbook.parent.name.split("-")[1][:2]


def _yaml_files(handbook: Path) -> list[Path]:
    return sorted(p for p in (handbook / "content").rglob("*.yml"))


# ---------------------------------------------------------------- the package


def test_trainbook_runs_from_the_wheel_not_the_source_tree(env: Env, tmp_path: Path) -> None:
    code = "import trainbook, trainbook_cli, trainbook_mkdocs; print(trainbook.__file__, trainbook_cli.__file__)"
    out = env.run(str(env.python), "-c", code, cwd=tmp_path).stdout.split()
    assert all(Path(f).is_relative_to(env.venv) for f in out), out


def test_version_is_the_same_everywhere(env: Env, tmp_path: Path) -> None:
    text = (CORE / "version.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match is not None
    source_version = match.group(1)
    assert env.wheel.name.startswith(f"trainbook-{source_version}-")
    assert env.trainbook("--version", cwd=tmp_path).stdout.strip() == f"trainbook {source_version}"
    code = "import importlib.metadata as m; print(m.version('trainbook'))"
    metadata = env.run(str(env.python), "-c", code, cwd=tmp_path)
    assert metadata.stdout.strip() == source_version


def _package_files() -> set[str]:
    return {
        p.relative_to(CORE.parent).as_posix()
        for p in CORE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_wheel_carries_every_file_of_the_core_package(env: Env) -> None:
    with zipfile.ZipFile(env.wheel) as zf:
        names = set(zf.namelist())
    missing = _package_files() - names
    assert not missing, sorted(missing)
    assert {"trainbook_mkdocs/plugin.py", "trainbook_cli/main.py"} <= names


def test_sdist_carries_every_file_of_the_core_package_and_the_changelog(env: Env) -> None:
    with tarfile.open(env.sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    missing = {f"plugins/{f}" for f in _package_files()} - names
    assert not missing, sorted(missing)
    assert {"CHANGELOG.md", "LICENSE", "build_tools/trainbook_cli/main.py"} <= names


# ---------------------------------------------------------------- trainbook init


def test_init_creates_every_part_of_a_handbook_repository(handbook: Path) -> None:
    expected = [
        "mkdocs.yml",
        "README.md",
        "Makefile",
        "requirements.txt",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".github/workflows/handbook.yml",
        ".vscode/settings.json",
        ".trainbook/schemas/VERSION",
        "content/dict/jieba.txt",
    ]
    assert [f for f in expected if not (handbook / f).is_file()] == []
    assert len(list((handbook / "content/handbook").rglob("*.md"))) >= 2
    for folder in KIND_OF_FOLDER:
        assert len(list((handbook / "content" / folder).glob("*.yml"))) == 1, folder


def test_starter_bank_has_a_question_of_every_type(env: Env, handbook: Path) -> None:
    registry = env.run(
        str(env.python), "-c", "from trainbook.qtypes import TYPES; print(' '.join(TYPES))", cwd=handbook
    ).stdout.split()
    (bank,) = (handbook / "content/banks").glob("*.yml")
    types = {q["type"] for q in yaml.safe_load(bank.read_text(encoding="utf-8"))["questions"]}
    assert types == set(registry)


def test_created_handbook_validates_with_no_problems(env: Env, handbook: Path) -> None:
    report = json.loads(env.trainbook("validate", "--format", "json", cwd=handbook).stdout)
    assert (report["errors"], report["warnings"]) == (0, 0), report["problems"]


def test_created_handbook_builds_strictly_without_exam_questions_and_with_the_version_comment(
    env: Env, handbook: Path
) -> None:
    env.run(str(env.python), "-m", "mkdocs", "build", "--strict", cwd=handbook)
    site = handbook / "site"
    pages = sorted(site.rglob("*.html"))
    assert (site / "index.html").is_file() and len(pages) > 8
    version = env.trainbook("--version", cwd=handbook).stdout.split()[1]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f"<!-- trainbook {version} -->" in index
    assert NAV_TITLE[_lang(handbook)] in index  # generated pages speak the handbook's language
    if _lang(handbook) == "zh":  # and so does the theme's chrome
        assert "Made with" not in index and 'title="本节链接"' in index
    leaked = [p for p in site.rglob("*") if p.is_file() and EXAM_ONLY_STEM[_lang(handbook)].encode() in p.read_bytes()]
    assert leaked == []


def test_created_handbooks_make_site_also_packs_the_offline_copy(env: Env, handbook: Path, tmp_path: Path) -> None:
    recipe = (handbook / "Makefile").read_text(encoding="utf-8").split("\nsite:", 1)[1].split("\n\n", 1)[0]
    command = "$(BIN)/python -m trainbook.offline site dist/handbook-offline.zip"
    assert command in recipe
    env.run(str(env.python), "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site"), cwd=handbook)
    env.run(
        str(env.python), "-m", "trainbook.offline", str(tmp_path / "site"), str(tmp_path / "offline.zip"), cwd=handbook
    )
    with zipfile.ZipFile(tmp_path / "offline.zip") as zf:
        names = zf.namelist()
    assert "handbook-offline/index.html" in names
    assert "handbook-offline/assets/trainbook/vendor/iframe-worker/shim.js" in names
    assert "dist/" in (handbook / ".gitignore").read_text(encoding="utf-8").split()


def test_every_schema_line_in_the_created_repository_resolves(handbook: Path) -> None:
    files = _yaml_files(handbook)
    assert len(files) == len(KIND_OF_FOLDER)
    for path in files:
        match = HEADER.match(path.read_text(encoding="utf-8").splitlines()[0])
        assert match, f"{path} has no schema line"
        target = (path.parent / match.group(1)).resolve()
        assert target.is_file(), f"{path}: {match.group(1)}"
        assert target.name == f"{KIND_OF_FOLDER[path.parent.name]}.schema.json"


def test_every_vscode_schema_mapping_resolves_and_matches_the_content(handbook: Path) -> None:
    mapping = json.loads((handbook / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert len(mapping) == len(KIND_OF_FOLDER)
    for schema, globs in mapping.items():
        assert (handbook / schema).is_file(), schema
        assert any(list(handbook.glob(g)) for g in globs), globs


def test_every_starter_file_validates_against_its_schema(handbook: Path) -> None:
    for path in _yaml_files(handbook):
        schema_path = (path.parent / HEADER.match(path.read_text(encoding="utf-8").splitlines()[0]).group(1)).resolve()
        validator = Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert errors == [], f"{path}: {errors}"


def test_schema_copies_are_the_shipped_schemas(handbook: Path) -> None:
    for shipped in sorted((CORE / "schemas").glob("*.schema.json")):
        assert (handbook / ".trainbook/schemas" / shipped.name).read_bytes() == shipped.read_bytes()


def test_title_is_written_safely_into_yaml_and_markdown(env: Env, tmp_path: Path) -> None:
    title = 'ACME: "handbook" #1'
    env.trainbook("init", "hb", "--title", title, "--lang", "en", cwd=tmp_path)
    assert yaml.safe_load((tmp_path / "hb/mkdocs.yml").read_text(encoding="utf-8"))["site_name"] == title
    assert (tmp_path / "hb/content/handbook/index.md").read_text(encoding="utf-8").startswith(f"# {title}\n")


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else b"", p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def test_init_refuses_a_non_empty_folder_without_touching_it(env: Env, tmp_path: Path) -> None:
    target = tmp_path / "busy"
    (target / "notes").mkdir(parents=True)
    (target / "notes/todo.md").write_text("keep me\n", encoding="utf-8")
    before = _snapshot(target)
    done = env.trainbook("init", str(target), cwd=tmp_path, check=False)
    assert done.returncode == 1
    assert "不是空文件夹" in done.stderr and "--force" in done.stderr  # init speaks its --lang, zh by default
    assert _snapshot(target) == before


def test_init_force_adds_files_but_never_replaces_one(env: Env, tmp_path: Path) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "README.md").write_text("our own readme\n", encoding="utf-8")
    done = env.trainbook("init", str(target), "--force", "--lang", "en", cwd=tmp_path)
    assert (target / "README.md").read_text(encoding="utf-8") == "our own readme\n"
    assert "README.md" in done.stdout
    assert (target / "mkdocs.yml").is_file() and (target / "content/banks").is_dir()


# ---------------------------------------------------------------- trainbook schemas / validate


def test_schemas_merges_into_existing_vscode_settings(env: Env, tmp_path: Path) -> None:
    settings = tmp_path / ".vscode/settings.json"
    settings.parent.mkdir()
    existing = {"editor.tabSize": 2, "files.eol": "\n", "yaml.schemas": {"./other.schema.json": ["other/*.yml"]}}
    settings.write_text(json.dumps(existing), encoding="utf-8")
    env.trainbook("schemas", cwd=tmp_path)
    merged = json.loads(settings.read_text(encoding="utf-8"))
    assert merged["editor.tabSize"] == 2 and merged["files.eol"] == "\n"
    assert merged["yaml.schemas"]["./other.schema.json"] == ["other/*.yml"]
    ours = merged["yaml.schemas"]["./.trainbook/schemas/bank.schema.json"]
    assert ours == ["content/banks/*.yml", "content/banks/*.yaml"]
    assert (tmp_path / ".trainbook/schemas/bank.schema.json").is_file()


def test_schemas_honours_out_and_content(env: Env, tmp_path: Path) -> None:
    env.trainbook("schemas", "--out", "tools/schemas", "--content", "docs/yaml", cwd=tmp_path)
    mapping = json.loads((tmp_path / ".vscode/settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert mapping["./tools/schemas/case.schema.json"] == ["docs/yaml/cases/*.yml", "docs/yaml/cases/*.yaml"]
    assert (tmp_path / "tools/schemas/case.schema.json").is_file()


def test_schemas_leaves_settings_with_comments_untouched_and_says_what_to_add(env: Env, tmp_path: Path) -> None:
    settings = tmp_path / ".vscode/settings.json"
    settings.parent.mkdir()
    text = '{\n    // our team settings\n    "editor.tabSize": 2,\n}\n'
    settings.write_text(text, encoding="utf-8")
    done = env.trainbook("schemas", cwd=tmp_path, check=False)
    assert done.returncode == 1
    assert settings.read_text(encoding="utf-8") == text
    assert ".vscode/settings.json:2:" in done.stderr and "yaml.schemas" in done.stderr


def test_validate_warns_when_schema_copies_are_older_than_trainbook(env: Env, handbook: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old"
    shutil.copytree(handbook, copy, ignore=shutil.ignore_patterns("site"))
    (copy / ".trainbook/schemas/VERSION").write_text("trainbook 0.0.1\n", encoding="utf-8")
    bank = copy / ".trainbook/schemas/bank.schema.json"
    bank.write_text(bank.read_text(encoding="utf-8").replace("Question bank", "Old question bank"), encoding="utf-8")
    done = env.trainbook("validate", "--lang", "en", cwd=copy)
    assert "warning: editor schemas in .trainbook/schemas come from trainbook 0.0.1, older" in done.stdout
    assert "trainbook schemas" in done.stdout
    env.trainbook("schemas", cwd=copy)
    assert "no problems found" in env.trainbook("validate", "--lang", "en", cwd=copy).stderr
