from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TrainbookConfig(Config):
    enabled = c.Type(bool, default=True)
    # Folder holding banks/, cases/, exams/, …; relative to mkdocs.yml.
    content = c.Type(str, default="content")
    # Where generated pages live inside the site (and in the nav).
    prefix = c.Type(str, default="trainbook")
    # Title of the nav section holding the generated pages; default: the string table's,
    # in the handbook's language (theme.language).
    nav_title = c.Optional(c.Type(str))
    # Generated bank pages: "auto" skips a bank's page when a handbook page already shows the
    # whole bank without `pick` (it would be an exact duplicate); "always" keeps every one.
    bank_pages = c.Choice(("auto", "always"), default="auto")
    # Generated pages in the nav: "all" lists every page under its group, on every page;
    # "current" lists only the current page's group and links each other group to its part of
    # the overview (which lists its pages): a much smaller nav on every page of a large handbook.
    nav_pages = c.Choice(("all", "current"), default="all")
