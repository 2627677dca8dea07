"""Material's script bundle loaded with ``defer`` (trainbook_mkdocs.bundledefer), so the page paints
before it runs — unless a script after it would then run before it."""

from __future__ import annotations

from trainbook_mkdocs.bundledefer import defer_theme_bundle

BUNDLE = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
DEFERRED = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>'
CONFIG = '<script id="__config" type="application/json">{"base": ".."}</script>'


def page(*after: str) -> str:
    return f"<html><body><article>正文</article>{CONFIG}{BUNDLE}{''.join(after)}</body></html>"


def test_the_bundle_is_deferred_when_nothing_follows_it():
    assert defer_theme_bundle(page()) == page().replace(BUNDLE, DEFERRED)


def test_deferred_scripts_and_modules_after_the_bundle_keep_it_deferred():
    out = defer_theme_bundle(
        page(
            '<script src="../assets/trainbook/quiz.js" defer></script>',
            '<script type="module" src="extra.mjs"></script>',
            "<script defer=\"defer\" src='x.js'></script>",
        )
    )
    assert DEFERRED in out


def test_a_classic_script_after_the_bundle_leaves_the_page_as_it_is():
    # extra_javascript without `defer: true` may read Material's document$ as it runs.
    html = page('<script src="js/extra.js"></script>')
    assert defer_theme_bundle(html) == html


def test_an_inline_script_after_the_bundle_leaves_the_page_as_it_is():
    html = page("<script defer>document$.subscribe(function () {})</script>")
    assert defer_theme_bundle(html) == html


def test_an_async_script_after_the_bundle_leaves_the_page_as_it_is():
    html = page('<script src="stats.js" async defer></script>')
    assert defer_theme_bundle(html) == html


def test_a_data_block_after_the_bundle_does_not_count():
    assert DEFERRED in defer_theme_bundle(page('<script type="application/json">{}</script>'))


def test_scripts_before_the_bundle_do_not_count():
    html = f'<head><script src="assets/javascripts/glightbox.min.js"></script></head>{page()}'
    assert DEFERRED in defer_theme_bundle(html)


def test_a_page_without_materials_bundle_is_unchanged():
    html = '<html><body><script src="js/theme.js"></script></body></html>'
    assert defer_theme_bundle(html) == html


def test_every_page_of_the_example_loads_the_bundle_deferred(example_site):
    pages = sorted(example_site.rglob("*.html"))
    for path in pages:
        if path.name == "404.html":
            continue  # a theme template, not a page the plugin sees
        text = path.read_text(encoding="utf-8")
        assert "bundle." in text and '.min.js" defer></script>' in text, path
