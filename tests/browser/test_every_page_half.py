"""The other half of the pages of test_every_page.py, checked the same way as every role that
sees them; a module of its own so that `--dist loadfile` runs it on the other worker."""

import pytest

from tests.browser.test_every_page import HALVES, check_every_role
from tests.pages import Page, World

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("registered", HALVES[1], ids=[page.id for page in HALVES[1]])
def test_page_is_accessible_light_and_works_without_javascript_for_every_role(
    registered: Page, world: World, tab_as
):
    check_every_role(registered, world, tab_as)
