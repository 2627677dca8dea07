from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config


class FakeServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_the_whole_content_folder(mini_site: Path) -> None:
    config = load_config(str(mini_site / "mkdocs.yml"))
    plugin = config.plugins["trainbook"]
    plugin.configure(config)
    server = FakeServer()
    plugin.on_serve(server, config=config, builder=None)
    assert str((mini_site / "content").resolve()) in server.watched


def test_plugin_registers_the_fence_extension(mini_site: Path) -> None:
    config = load_config(str(mini_site / "mkdocs.yml"))
    config = config.plugins["trainbook"].configure(config)
    assert any(type(e).__name__ == "TrainbookExtension" for e in config.markdown_extensions)


def test_disabled_plugin_does_nothing(mini_site: Path) -> None:
    config = load_config(str(mini_site / "mkdocs.yml"))
    plugin = config.plugins["trainbook"]
    plugin.config.enabled = False
    assert plugin.configure(config) is None


def test_jieba_gets_its_dictionary_before_search_adds_the_user_dictionary(mini_site: Path) -> None:
    # The mini site's search plugin loads a user dictionary in its on_config: trainbook's
    # dictionary load must come first, and trainbook's own set-up after search's.
    config = load_config(str(mini_site / "mkdocs.yml"))
    order = [(getattr(m, "__self__", None), m.__name__) for m in config.plugins.events["config"]]
    trainbook, search = config.plugins["trainbook"], config.plugins["material/search"]
    assert order.index((trainbook, "_jieba_first")) < order.index((search, "on_config"))
    assert order.index((search, "on_config")) < order.index((trainbook, "configure"))
