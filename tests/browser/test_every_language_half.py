"""The other half of the pages of test_every_language.py, checked the same way in German and
one other language; a module of its own so that `--dist loadfile` runs it on the other
worker."""

import pytest

from tests.browser.test_every_language import HALVES, check_every_language
from tests.pages import Page, World

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("registered", HALVES[1], ids=[page.id for page in HALVES[1]])
def test_page_passes_axe_and_reflows_in_german_and_one_other_language(
    registered: Page, world: World, tab_as
):
    check_every_language(registered, world, tab_as)
