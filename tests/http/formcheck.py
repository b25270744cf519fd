"""Reading a rendered form page: which elements carry which ids, and what the error summary
links to. Shared by the bad-input suites (tests/http and tests/accounts may both use it).

`assert_error_linked(html, "id_email")` checks the contract of core/_field.html and
core/_form_errors.html (WCAG 3.3.1, 1.3.1):

- the element with id `id_email` (the input, or the fieldset of a radio group) lists
  `id_email_error` in its aria-describedby;
- an element with id `id_email_error` holds a non-empty message;
- the error summary at the top has a link to `#id_email`.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

SCRIPT = "<script>alert(1)</script>"


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class FormPage(HTMLParser):
    """The ids, the error-summary links and the error-summary items of one HTML page."""

    by_id: dict[str, Element] = field(default_factory=dict)
    summary_links: list[str] = field(default_factory=list)
    summary_items: list[tuple[str, bool]] = field(default_factory=list)  # (text, is a link)
    _open: list[Element] = field(default_factory=list)
    _summary_depth: int = 0
    _depth: int = 0
    _item: list[str] | None = None
    _item_linked: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr", "source", "wbr", "col"})

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        element = Element(tag, attributes)
        if "id" in attributes:
            self.by_id[attributes["id"]] = element
        if tag in self.VOID:
            return
        self._depth += 1
        self._open.append(element)
        if "error-summary" in attributes.get("class", "").split():
            self._summary_depth = self._depth
        if self._summary_depth:
            if tag == "a":
                self.summary_links.append(attributes.get("href", ""))
                self._item_linked = True
            if tag == "li":
                self._item, self._item_linked = [], False

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self._open:
            return
        if self._summary_depth and tag == "li" and self._item is not None:
            text = " ".join("".join(self._item).split())
            self.summary_items.append((text, self._item_linked))
            self._item = None
        if self._depth == self._summary_depth:
            self._summary_depth = 0
        self._depth -= 1
        self._open.pop()

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data
        if self._item is not None:
            self._item.append(data)


def parse(html: str) -> FormPage:
    page = FormPage()
    page.feed(html)
    page.close()
    return page


def assert_error_linked(html: str, field_id: str) -> None:
    page = parse(html)
    assert field_id in page.by_id, f"no element has id {field_id!r}"
    described = page.by_id[field_id].attrs.get("aria-describedby", "").split()
    assert f"{field_id}_error" in described, f"#{field_id} aria-describedby is {described}"
    assert f"{field_id}_error" in page.by_id, f"no element has id {field_id}_error"
    assert page.by_id[f"{field_id}_error"].text.strip(), f"#{field_id}_error is empty"
    assert f"#{field_id}" in page.summary_links, f"summary links {page.summary_links}"


def field_errors(html: str) -> list[str]:
    """The ids of the fields the page marks as wrong, in page order."""
    return [
        element_id.removesuffix("_error")
        for element_id, element in parse(html).by_id.items()
        if element_id.endswith("_error") and element.tag == "p"
    ]


def non_field_errors(html: str) -> list[str]:
    """The error summary's items that link to no field."""
    return [text for text, linked in parse(html).summary_items if not linked]
