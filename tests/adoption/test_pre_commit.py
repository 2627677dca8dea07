"""pre-commit runs `trainbook validate` before a commit: the hook trainbook offers other repositories
(.pre-commit-hooks.yaml) and the local hook of a handbook made by `trainbook init`, run by the real
pre-commit against a real Git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from trainbook import scaffold

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def run(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_offered_hook_is_a_valid_manifest_running_the_trainbook_command(tmp_path: Path) -> None:
    manifest = ROOT / ".pre-commit-hooks.yaml"
    result = run([*PRE_COMMIT, "validate-manifest", str(manifest)], ROOT, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    [hook] = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    assert hook["id"] == "trainbook-validate"
    # language: python installs this repository into the hook's environment: the console script exists there.
    assert hook["language"] == "python" and hook["entry"].split()[:2] == ["trainbook", "validate"]
    assert hook["pass_filenames"] is False


@pytest.fixture
def handbook_repo(tmp_path: Path) -> Path:
    """A handbook made by `trainbook init`, committed, whose .venv/bin/trainbook is this trainbook."""
    root = tmp_path / "hb"
    scaffold.init(root)
    trainbook = shutil.which("trainbook", path=str(Path(sys.executable).parent))
    assert trainbook is not None
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "trainbook").symlink_to(trainbook)
    home = tmp_path / "pre-commit-home"
    for args in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "init"]):
        assert run(args, root, home).returncode == 0
    return root


def test_handbook_hook_passes_clean_content_and_stops_a_commit_with_a_mistake(handbook_repo: Path) -> None:
    home = handbook_repo.parent / "pre-commit-home"
    result = run([*PRE_COMMIT, "run", "--all-files"], handbook_repo, home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "trainbook validate" in result.stdout and "Passed" in result.stdout

    bank = handbook_repo / "content/banks/repair-intake.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: false", "answer: 错", 1), encoding="utf-8")
    run(["git", "add", "-A"], handbook_repo, home)
    result = run([*PRE_COMMIT, "run"], handbook_repo, home)
    assert result.returncode == 1
    assert "Failed" in result.stdout
    # The handbook is Chinese (trainbook init's default), so the hook speaks Chinese.
    assert "content/banks/repair-intake.yml:" in result.stdout and "应为 YAML 的 true 或 false" in result.stdout
