"""The offline copy: the CDN shim swapped for the vendored one, and the site packed into one zip
that unpacks into one folder, is the same bytes for the same site, and is never left half written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from trainbook.offline import FOLDER, local_polyfills, main, write_zip

CDN = "https://unpkg.com/iframe-worker/shim"
LOCAL = "assets/trainbook/vendor/iframe-worker/shim.js"


def small_site(root: Path) -> Path:
    site = root / "site"
    (site / "search").mkdir(parents=True)
    (site / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (site / "search/search_index.js").write_text("var __index = {}", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(b"\x1f\x8b")
    return site


def test_the_cdn_shim_is_swapped_for_the_local_copy_and_other_polyfills_stay() -> None:
    assert local_polyfills(["js/a.js", CDN, "js/b.js"], LOCAL) == ["js/a.js", LOCAL, "js/b.js"]


def test_the_local_shim_is_listed_once_however_often_the_cdn_one_was() -> None:
    assert local_polyfills([CDN, LOCAL, "https://cdn.example/iframe-worker@1/shim"], LOCAL) == [LOCAL]


def test_the_zip_holds_the_site_under_one_folder_without_sitemaps(tmp_path: Path) -> None:
    target = tmp_path / "dist/handbook-offline.zip"
    assert write_zip(small_site(tmp_path), target) == 2
    with zipfile.ZipFile(target) as zf:
        assert sorted(zf.namelist()) == [f"{FOLDER}/index.html", f"{FOLDER}/search/search_index.js"]
        assert zf.read(f"{FOLDER}/index.html").decode("utf-8") == "<h1>首页</h1>"


def test_the_same_site_gives_the_same_zip_bytes(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    write_zip(site, tmp_path / "a.zip")
    (site / "index.html").touch()  # a newer modification time changes nothing
    write_zip(site, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_a_folder_that_is_no_built_site_leaves_the_previous_zip_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml: MkDocs' default language, English
    target = tmp_path / "handbook-offline.zip"
    write_zip(small_site(tmp_path), target)
    before = target.read_bytes()
    (tmp_path / "empty").mkdir()
    assert main([str(tmp_path / "empty"), str(target)]) == 1
    assert "no index.html" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "handbook-offline.zip", "site"]


def test_make_sites_offline_step_speaks_the_handbooks_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "hb"
    root.mkdir()
    (root / "mkdocs.yml").write_text("site_name: 手册\ntheme:\n  name: material\n  language: zh\n", encoding="utf-8")
    monkeypatch.chdir(root)
    site = small_site(tmp_path)
    assert main([str(site), "offline.zip"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("offline.zip：") and f"解压后打开 {FOLDER}/index.html" in out
    assert main([str(tmp_path / "nothing"), "offline.zip"]) == 1
    assert "没有 index.html（请先生成网站）" in capsys.readouterr().err
