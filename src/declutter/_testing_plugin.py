"""The pytest side of `declutter.testing`: its option, its fixtures, the page parametrisation.

pytest loads this module through ``declutter.testing``'s ``pytest_plugins``; importing
`declutter.testing` outside pytest never imports pytest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .testing import INI_OPTION, PortalPage, fixtures_dir, portal_pages

__all__ = ["portal_page", "portal_pages_dir", "pytest_addoption", "pytest_generate_tests"]

_FIXTURE_ARG = "portal_page"
_CLI_OPTION = "--declutter-fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare ``--declutter-fixtures DIR`` and the ``declutter_fixtures`` ini option."""
    help_text = "folder of declutter fixture pages (<name>/page.html + expected.json)"
    parser.addini(INI_OPTION, help_text, default="")
    parser.getgroup("declutter").addoption(_CLI_OPTION, dest=INI_OPTION, help=help_text)


def _configured_dir(config: pytest.Config) -> Path | None:
    """The command-line option (relative to the working directory), else the ini option
    (relative to the ini file)."""
    given = config.getoption(INI_OPTION)
    if given:
        return Path(given)
    value = str(config.getini(INI_OPTION) or "")
    if not value:
        return None
    base = config.inipath.parent if config.inipath is not None else config.rootpath
    return base / value


def _pages_dir(config: pytest.Config) -> Path:
    try:
        return fixtures_dir(_configured_dir(config))
    except FileNotFoundError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def portal_pages_dir(request: pytest.FixtureRequest) -> Path:
    """The folder of declutter fixture pages this run uses (see `declutter.testing`):
    $DECLUTTER_FIXTURES, --declutter-fixtures, the declutter_fixtures ini option, or
    fixtures/pages of a declutter source checkout."""
    return _pages_dir(request.config)


@pytest.fixture
def portal_page(request: pytest.FixtureRequest) -> PortalPage:
    """One real page and its expected output (.name, .html bytes, .expected dict, .path):
    a test that takes it runs once per page folder in `portal_pages_dir`."""
    page: PortalPage = request.param
    return page


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run every test that asks for ``portal_page`` once per page."""
    if _FIXTURE_ARG in metafunc.fixturenames:
        pages = portal_pages(root=_pages_dir(metafunc.config))
        metafunc.parametrize(_FIXTURE_ARG, pages, ids=[p.name for p in pages], indirect=True)
