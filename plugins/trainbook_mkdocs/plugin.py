"""The ``trainbook`` MkDocs plugin: validate content, add generated pages, wire the
Markdown extension, load quiz assets only where a quiz is.

Each handler is short and hands the real work to the core.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from trainbook import __version__
from trainbook.bankdata import DATA_URI, data_files
from trainbook.diagnostics import Diagnostic
from trainbook.handbook_pages import PageAdditions
from trainbook.markdown_ext import SlotError, TrainbookExtension, fill_slots
from trainbook.markup import MarkdownRenderer
from trainbook.memo import Generations
from trainbook.messages import localize, msg
from trainbook.model import Project
from trainbook.offline import SHIM, local_polyfills
from trainbook.pages import GeneratedPage, PageBuilder, PageTemplateError
from trainbook.problempage import problem_html, problem_text
from trainbook.quizjs import LANGUAGES as ENGINE_LANGUAGES
from trainbook.quizjs import engine_name
from trainbook.render import DOC_LINK, Renderer, environment, resolve_doc_links
from trainbook.searchindex import WORKER, compact_file, with_chinese_queries
from trainbook.searchview import search_view, strip_search_attributes
from trainbook.strings import language_code
from trainbook.validate import validate

from . import searchwrite, segment
from .bundledefer import defer_theme_bundle
from .config import TrainbookConfig
from .navgroups import CurrentGroupNav
from .tablewrap import TableWrapExtension

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).resolve().parent.parent / "trainbook" / "assets"
ASSET_URI = "assets/trainbook/"


class TrainbookPlugin(BasePlugin[TrainbookConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self.renderer: Renderer | None = None  # for the 错题本's data files, written after the build
        self.extension: TrainbookExtension | None = None
        self.generated: list[GeneratedPage] = []
        self.section_titles: dict[str, str] = {}
        self.overview_headings: dict[str, str] = {}
        self.group_nav: CurrentGroupNav | None = None  # nav_pages: current
        self.nav_title = ""
        self.content_dir: Path | None = None
        self.additions: PageAdditions | None = None
        self.language = "zh"
        # `mkdocs serve` shows content problems as pages instead of stopping (see trainbook.problempage).
        self.serving = False
        self.index_utf8 = False  # Material writes the search index as UTF-8 (searchwrite)
        self.problems: list[Diagnostic] = []
        self.search_original: dict[int, str] = {}
        # Per page (by id) while it is built: what fills its quiz slots, and its HTML with the slots.
        self.slots: dict[int, tuple[dict[str, Callable[[], str]], Callable[[str], str | None]]] = {}
        self.slotted: dict[int, str] = {}
        # Serving: each page's search view by its content, from the rebuild before.
        self.search_views: Generations[str, str] = Generations()
        self.bank_scripts: Generations[tuple[Any, ...], tuple[list[Any], str]] = Generations()

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds (on_config still
    # runs for each): the generated pages of the last good build keep their URLs while the content
    # has problems, and what a rebuild may reuse from the build before is kept only when serving.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        self.search_views.clear()

    # Before the search plugin's on_config, which has jieba load a user dictionary (and with it,
    # otherwise, jieba's main dictionary in jieba's slower way).
    @event_priority(100)
    def _jieba_first(self, config: MkDocsConfig) -> MkDocsConfig | None:
        search = _search_plugin(config) if self.config.enabled else None
        if search is not None and getattr(search.config, "enabled", False):
            segment.preload(search)
        return None

    # Runs late so other plugins have registered their Markdown extensions,
    # which our renderer reuses for stems and options.
    def configure(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """The plugin's on_config, after other plugins' (tests call it directly)."""
        if not self.config.enabled:
            return None
        base = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (base / self.config.content).resolve()
        # The handbook's language picks the words of generated pages (the string table's) and messages.
        language = self.language = language_code(config.theme.get("language"))
        project, report = validate(self.content_dir, config.docs_dir)
        self.problems, self.extension, self.additions = [], None, None
        self.index_utf8 = False
        self.slots.clear()
        self.slotted.clear()
        if self.serving and (report.errors or (config.strict and report.warnings)):
            # A warning in strict mode would abort the build: the server would hang until the next good save.
            self.problems = report.sorted()
            _to_terminal(problem_text(self.problems, language))
            return config
        for warning in report.sorted():
            if warning.severity == "warning":
                log.warning(warning.text(self.language))
        if report.errors:
            raise PluginError(
                localize(msg("front.content_errors"), self.language)
                + "\n"
                + "\n".join(d.text(self.language) for d in report.sorted() if d.severity == "error")
            )
        if config.strict and report.warnings:
            # Strict mode would abort only after cleaning and rewriting site/; stop before anything is written.
            raise PluginError(localize(msg("front.strict_warnings", n=len(report.warnings)), self.language))
        ours = (TrainbookExtension, TableWrapExtension)
        extensions = [e for e in config.markdown_extensions if not isinstance(e, ours)]
        md = MarkdownRenderer(extensions, config.mdx_configs)
        custom = [Path(config.theme.custom_dir) / "trainbook"] if config.theme.custom_dir else []
        renderer = Renderer(md, environment(custom, markdown=md, language=language), language, keep=self.serving)
        self.project, self.renderer = project, renderer
        self.search_views.next_generation()
        self.bank_scripts.next_generation()
        self.extension = TrainbookExtension(
            project, renderer, collect_problems=True, include_dirs=_snippet_dirs(config, base), defer=True
        )
        # MkDocs passes Extension instances through to Python-Markdown unchanged.
        config.markdown_extensions = [*extensions, self.extension]  # type: ignore[list-item]
        if config.theme.name == "material":  # for the handbook's pages, not the quizzes' Markdown
            config.markdown_extensions.append(TableWrapExtension())  # type: ignore[arg-type]
        builder = PageBuilder(project, renderer, self.config.prefix, language, bank_pages=self.config.bank_pages)
        try:
            self.generated = builder.build()
        except PageTemplateError as e:
            raise PluginError(f"trainbook: page template: {e}") from e
        self.section_titles = builder.section_titles()
        self.overview_headings = builder.overview_headings()
        generated = {g.src_uri for g in self.generated}
        self.additions = PageAdditions(project, renderer, generated, self.config.prefix, language)
        self.nav_title = self.config.nav_title or builder.t.plain("nav.title")
        search = _search_plugin(config)
        if search is not None and getattr(search.config, "enabled", False):
            segment.install(search, keep_all=self.serving)  # configured before us (priority 0)
            self.index_utf8 = searchwrite.install(search)
        # Material's offline plugin (on_config at priority 0, before this one) adds its file:// Worker
        # shim from a public CDN; our copy of it keeps every request on the site's own host.
        polyfills = config.extra.get("polyfills")
        if polyfills:
            config.extra["polyfills"] = local_polyfills(polyfills, ASSET_URI + SHIM)
        return config

    configure.mkdocs_priority = -50  # type: ignore[attr-defined]

    on_config = CombinedEvent(_jieba_first, configure)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        for page in self.generated:
            if files.get_file_from_path(page.src_uri) is None:
                # NOT_IN_NAV: on_nav places them; MkDocs need not report them as missing from nav.
                files.append(
                    File.generated(config, page.src_uri, content=page.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
                )
            else:
                log.warning(f"{page.src_uri} exists in docs_dir; the generated page of the same name is skipped")
        if config.theme.custom_dir:
            # Our page templates live in the theme's custom_dir, which MkDocs publishes.
            templates = (Path(config.theme.custom_dir) / "trainbook").resolve()
            for file in list(files):
                if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(templates):
                    files.remove(file)
        # The quiz engine in the site's language only, always published as quiz.js (quizjs.py).
        engines = {engine_name(lang): lang for lang in ENGINE_LANGUAGES}
        language = self.language if self.language in ENGINE_LANGUAGES else ENGINE_LANGUAGES[0]
        for asset in sorted(a for a in ASSETS.iterdir() if a.is_file()):  # not the engine's src/
            if asset.name not in engines:
                files.append(File.generated(config, ASSET_URI + asset.name, abs_src_path=str(asset)))
        engine = str(ASSETS / engine_name(language))
        files.append(File.generated(config, ASSET_URI + "quiz.js", abs_src_path=engine))
        for asset in sorted(a for a in (ASSETS / "vendor").rglob("*") if a.is_file()):  # with their licences
            uri = ASSET_URI + asset.relative_to(ASSETS).as_posix()
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        # Material's search worker gets trainbook's Chinese query handling appended (searchindex.py).
        for worker in [f for f in files if WORKER.fullmatch(f.src_uri) and f.abs_src_path]:
            files.remove(worker)
            text = Path(str(worker.abs_src_path)).read_text(encoding="utf-8")
            files.append(File.generated(config, worker.src_uri, content=with_chinese_queries(text)))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.group_nav = None
        if not self.config.enabled or not self.generated:
            return None
        ours = {g.src_uri for g in self.generated}
        listed = {p.file.src_uri for p in nav.pages} & ours
        if config.nav is not None and listed:
            return None  # the author placed generated pages; respect that
        nav.items = _without(nav.items, ours)
        section = self._section(files)
        nav.items.append(section)
        pages = _pages(nav.items)
        for i, page in enumerate(pages):
            page.previous_page = pages[i - 1] if i else None
            page.next_page = pages[i + 1] if i + 1 < len(pages) else None
        nav.pages = pages
        return nav

    def _section(self, files: Files) -> Section:
        def page(g: GeneratedPage) -> Page:
            file = files.get_file_from_path(g.src_uri)
            assert file is not None and file.page is not None
            # Themes print page titles as HTML (MkDocs hands them over unescaped); ours are plain text.
            file.page.title = str(escape(g.title))
            return file.page

        overview = [page(g) for g in self.generated if g.kind == "overview"]
        children: list[Any] = list(overview)
        groups: list[tuple[str, Section]] = []
        for kind, title in self.section_titles.items():
            members = [page(g) for g in self.generated if g.kind == kind]
            if members:
                sub = Section(title, list[Any](members))
                for m in members:
                    m.parent = sub
                children.append(sub)
                groups.append((kind, sub))
        section = Section(self.nav_title, children)
        for child in children:
            child.parent = section
        if self.config.nav_pages == "current" and overview:
            self.group_nav = CurrentGroupNav(section, groups, self.overview_headings, overview[0])
        return section

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.problems:
            return problem_html(self.problems, self.language)
        if not self.config.enabled or self.extension is None:
            return None
        prefix = self.config.prefix.strip("/")

        def link(case_id: str) -> str | None:
            target = files.get_file_from_path(f"{prefix}/cases/{case_id}.md")
            return get_relative_url(target.url, page.url) if target is not None else None

        self.extension.begin_page(page.file.abs_src_path or page.file.src_uri, link)
        if self.additions is None:
            return None
        # Module header and footer, learning paths (handbook_pages.py).
        try:
            return self.additions.add(page.file.src_uri, markdown)
        except PageTemplateError as e:
            raise PluginError(f"trainbook: page template: {e}") from e

    # page.render() (the Markdown conversion) has no hook around it; this is the first event after
    # it, still inside MkDocs' per-page error handling, so a PluginError here ends the build cleanly.
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.extension is None:
            return None
        problems, self.extension.problems = self.extension.problems, []
        deferred = self.extension.take_deferred()
        if self.serving and any(d.severity == "error" or config.strict for d in problems):
            # Found while rendering this page (text included by snippets): this page lists them.
            _to_terminal(problem_text(sorted(problems), self.language))
            return problem_html(problems, self.language)
        for warning in (d for d in problems if d.severity == "warning"):
            log.warning(warning.text(self.language))
        errors = [d.text(self.language) for d in problems if d.severity == "error"]
        if errors:
            raise PluginError(localize(msg("front.content_errors"), self.language) + "\n" + "\n".join(errors))

        # Links inside quiz data (objectives, 学习记录 modules) name source paths; give them URLs.
        def url_of(src_path: str) -> str | None:
            target = files.get_file_from_path(src_path)
            if target is None and src_path.startswith(DATA_URI):  # written in on_post_build
                return get_relative_url(src_path, page.url)
            return get_relative_url(target.url, page.url) if target is not None else None

        if deferred:
            # The quizzes' HTML goes in only while the page is written (on_page_context):
            # MkDocs keeps every page's HTML until the build ends.
            self.slots[id(page)] = (deferred, url_of)
        if DOC_LINK not in html:
            return None
        return resolve_doc_links(html, url_of)

    # First the page gets its quizzes (left as slots by the Markdown extension). The search plugin
    # indexes page.content at priority 0; around it, it sees the page with the unindexed quiz
    # markup left out (same index, a fraction of the HTML parsing), and the page gets its full
    # content back, with the search plugin's own clean-up applied.
    @event_priority(100)
    def _search_view_on(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if not self.config.enabled:
            return None
        slots = self.slots.pop(id(page), None)
        if slots is not None and page.content:
            deferred, url_of = slots
            try:
                filled = fill_slots(page.content, deferred)
            except SlotError as e:
                raise PluginError(f"trainbook: {page.file.src_uri}: {e}") from e
            self.slotted[id(page)] = page.content
            page.content = resolve_doc_links(filled, url_of) if DOC_LINK in filled else filled
        if not page.content or _search_skips(page, config):
            return None
        lean = self.search_views.get(page.content) if self.serving else None
        if lean is None:
            lean = search_view(page.content)
            if self.serving:
                self.search_views.put(page.content, lean)
        if lean is not page.content:
            self.search_original[id(page)] = page.content
            page.content = lean
        return None

    @event_priority(-100)
    def _search_view_off(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        original = self.search_original.pop(id(page), None)
        if original is not None:
            page.content = strip_search_attributes(original)  # Material did this to the view
        return None

    def _nav_for_page(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if self.group_nav is not None:
            self.group_nav.show(page)
        return None

    on_page_context = CombinedEvent(_search_view_on, _nav_for_page, _search_view_off)

    def on_template_context(self, context: Any, *, template_name: str, config: MkDocsConfig) -> Any:
        if self.group_nav is not None:
            self.group_nav.show(None)  # 404.html: a page of no group
        return None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return None
        slotted = self.slotted.pop(id(page), None)
        if slotted is not None:
            # Written: the quizzes' HTML need not stay in memory until the build ends.
            page.content = slotted
        # trainbook.css goes everywhere: besides trainbook's blocks it sets site-wide readability
        # (heading contrast, Material's chrome at WCAG AA). print.css too, added last (below).
        head = [_css(ASSET_URI + "trainbook.css", page)]
        output = _name_search_dialog(output)
        body = []
        wrongbook = "data-tb-wrongbook" in output
        if "data-tb-quiz" in output or "data-tb-record" in output or wrongbook:
            head.append(_css(ASSET_URI + "quiz.css", page))
        progress = "data-tb-progress" in output
        if "data-tb-quiz" in output or "data-tb-record" in output or progress or wrongbook:
            body.append(f'<script src="{get_relative_url(ASSET_URI + "quiz.js", page.url)}" defer></script>')
        if wrongbook:
            # The 错题本 loads its questions per bank (trainbook.bankdata), through the engine.
            body.append(f'<script src="{get_relative_url(ASSET_URI + "wrongbook.js", page.url)}" defer></script>')
        if progress:
            # Module headers and learning paths: the reader's progress, read through the engine.
            body.append(f'<script src="{get_relative_url(ASSET_URI + "progress.js", page.url)}" defer></script>')
        if "data-tb-scheme-calc" in output:
            body.append(f'<script src="{get_relative_url(ASSET_URI + "scheme.js", page.url)}" defer></script>')
        # Every page prints on A4 without the site's chrome, so print.css goes everywhere; last,
        # so that on paper it wins over the screen rules of the other stylesheets.
        head.append(_css(ASSET_URI + "print.css", page).replace(">", ' media="print">'))
        # Which trainbook built the page, for whoever debugs a published site; no date, so builds stay identical.
        body.append(f"<!-- trainbook {__version__} -->")
        output = output.replace("</head>", "".join(head) + "</head>", 1)
        output = output.replace("</body>", "".join(body) + "</body>", 1)
        if config.theme.name == "material":
            output = defer_theme_bundle(output)  # the page paints before Material's bundle runs
        return output

    # After the search plugin wrote the index (priority 0), before the offline plugin copies
    # it into search_index.js (priority -100).
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        index = Path(config.site_dir) / "search" / "search_index.json"
        if not self.index_utf8 and index.is_file():
            compact_file(index)  # written by a search plugin searchwrite does not know
        wrongbook = any(g.kind == "learner" for g in self.generated)
        if wrongbook and self.project is not None and self.renderer is not None and not self.problems:
            # The 错题本's question data, one bank at a time (trainbook.bankdata).
            folder = Path(config.site_dir) / DATA_URI
            for path, text in data_files(self.project, self.renderer, self.bank_scripts if self.serving else None):
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                (folder / path).write_text(text, encoding="utf-8")

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self.content_dir is not None:
            server.watch(str(self.content_dir))
        return server


def _search_plugin(config: MkDocsConfig) -> Any:
    """The configured search plugin, if any (registered as "material/search" or "search")."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_skips(page: Page, config: MkDocsConfig) -> bool:
    """True unless Material's search plugin (the one that honours data-search-exclude) indexes *page*."""
    search = _search_plugin(config)
    if search is None or not type(search).__module__.startswith("material.plugins.search"):
        return True
    if not getattr(search.config, "enabled", True):
        return True
    meta = page.meta.get("search") or {}
    return bool(isinstance(meta, dict) and meta.get("exclude"))


def _to_terminal(text: str) -> None:
    # Not through the MkDocs logger: in strict mode it counts warnings and errors and aborts the build.
    sys.stderr.write(text + "\n")


def _snippet_dirs(config: MkDocsConfig, base: Path) -> list[Path]:
    """Where pymdownx.snippets looks for included files (its base_path, relative to the working directory)."""
    conf = config.mdx_configs.get("pymdownx.snippets", {})
    paths = conf.get("base_path", ["."])
    paths = [paths] if isinstance(paths, str) else list(paths)
    dirs = [Path(p).resolve() for p in paths]
    return [*dirs, *(base / p for p in paths if not Path(p).is_absolute())]


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input[^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')


def _name_search_dialog(output: str) -> str:
    """Material's search box is a dialog without a name (axe: aria-dialog-name); give it the
    search field's own label, in the theme's language."""
    label = _SEARCH_LABEL.search(output)
    if label is None or _SEARCH_DIALOG not in output:
        return output
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)


def _css(uri: str, page: Page) -> str:
    return f'<link rel="stylesheet" href="{get_relative_url(uri, page.url)}">'


def _without(items: list[Any], ours: set[str]) -> list[Any]:
    """Nav items minus our generated pages, dropping sections left empty."""
    out = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in ours:
            continue
        if isinstance(item, Section):
            item.children = _without(item.children, ours)
            if not item.children:
                continue
        out.append(item)
    return out


def _pages(items: list[Any]) -> list[Page]:
    out: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            out.append(item)
        elif isinstance(item, Section):
            out.extend(_pages(item.children))
    return out
