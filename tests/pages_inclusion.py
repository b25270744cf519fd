"""Page-registry rows for the inclusion app, in the `Page` structure of tests/pages.py.

To wire in (tests/pages.py): `from tests.pages_inclusion import INCLUSION_PAGES` after `PAGES`
is defined, then `PAGES = (*PAGES, *INCLUSION_PAGES)`. The import is one-way (this module
imports tests.pages, never the reverse at import time), so put it at the bottom of
tests/pages.py.

The kwargs come from the demo jargon list `samen.inclusion.demo.seed` creates, which
`build_world()` gets through `seed_demo()` (SAMEN_DEMO_SEEDERS).

Who sees what:
- the easy-read pages are public;
- checking a text's readability is for any member (anyone who can write a proposal);
- `readability_check` is the JSON endpoint behind the live hints: POST only;
- the management pages (jargon list, sample letters) are for organisers and admins.

`INCLUSION_FORMS` describes the forms that write for tests/http/test_bad_input.py as plain
keyword arguments of its `FormCase` (`FormCase(**row)`), and `INCLUSION_MODELS` lists the
models its `saved_state()` must snapshot. `INCLUSION_FORMS_STORING_NOTHING` names the two forms
that store nothing (their valid post answers with hints or a PDF), so that file's control test
("a valid post changes the snapshot") cannot apply; add them to `FORM_CLASSES_NOT_POSTED` with
these reasons. tests/inclusion/test_inclusion_bad_input.py covers their bad input.
"""

from typing import Any

from django.test import Client
from django.urls import reverse

from samen.inclusion import forms as inclusion_forms
from samen.inclusion import forms_assisted, forms_translation
from samen.inclusion.models import AssistedSession, ContentTranslation, JargonTerm
from samen.skills.demo_coaching import LIBRARY
from samen.skills.models_coaching import HelpPoint
from tests.pages import (
    DENIED,
    OK,
    POST_ONLY,
    TO_LOGIN,
    Expect,
    Page,
    World,
    everyone,
    management,
    members,
)

NOT_FOUND = Expect(404)
MANAGERS = ("organiser", "admin")
# A demo term (samen.inclusion.demo) the edit and delete rows open.
DEMO_TERM = ("en", "commence")


def _demo_term(world: World) -> JargonTerm:
    language, term = DEMO_TERM
    return JargonTerm.objects.get(language=language, term=term)


def demo_term(world: World) -> dict[str, Any]:
    return {"term_id": _demo_term(world).pk}


def missing_term(world: World) -> dict[str, Any]:
    return {"term_id": 999_999}


def demo_assisted_session(world: World) -> dict[str, Any]:
    """The demo coach's finished session with the demo resident (samen.inclusion.demo)."""
    session = AssistedSession.objects.get(
        coach=world.users["digicoach"], resident=world.users["resident"]
    )
    return {"session_id": session.pk}


def missing_assisted_session(world: World) -> dict[str, Any]:
    return {"session_id": 999_999}


def demo_help_point(world: World) -> dict[str, Any]:
    """The demo library help point (samen.skills.demo_coaching), to translate."""
    return {"kind": "skills.helppoint", "object_id": HelpPoint.objects.get(name=LIBRARY).pk}


# Only the coach who helped and the resident who was helped see a receipt.
RECEIPT = {
    **members(NOT_FOUND),
    "resident": OK,
    "digicoach": OK,
}


INCLUSION_PAGES: tuple[Page, ...] = (
    # public easy-read pages
    Page("inclusion:easy_read_index", everyone(), "Easy-read pages"),
    Page("inclusion:easy_read_how_to_vote", everyone(), "How to vote"),
    Page("inclusion:easy_read_how_to_get_help", everyone(), "How to get help"),
    Page(
        "inclusion:easy_read_how_the_skills_check_works",
        everyone(),
        "How the skills check works",
    ),
    # reading hints
    Page(
        "inclusion:readability",
        members(),
        "Check how easy your text is to read",
        methods=("GET", "POST"),
    ),
    Page(
        "inclusion:readability_check",
        everyone(POST_ONLY),
        methods=("POST",),
        html=False,
    ),
    # assisted digital
    Page(
        "inclusion:assisted_start",
        {**members(DENIED), "digicoach": OK},
        "Help a resident",
        methods=("GET", "POST"),
    ),
    Page("inclusion:assisted_end", everyone(POST_ONLY), methods=("POST",)),
    Page(
        "inclusion:assisted_receipt",
        RECEIPT,
        "Receipt: help from a Digicoach",
        kwargs=demo_assisted_session,
    ),
    Page(
        "inclusion:assisted_receipt",
        {**members(NOT_FOUND), "anonymous": TO_LOGIN},
        kwargs=missing_assisted_session,
        variant="unknown session",
    ),
    Page("inclusion:assisted_history", members(), "Help you had from a Digicoach"),
    Page("inclusion:assisted_stats", management(*MANAGERS), "Assisted sessions"),
    # content translation
    Page("inclusion:translation_index", management(*MANAGERS), "Translations of content"),
    Page(
        "inclusion:translation_edit",
        management(*MANAGERS),
        f"Translate “{LIBRARY}”",
        kwargs=demo_help_point,
        methods=("GET", "POST"),
    ),
    Page(
        "inclusion:translation_edit",
        {**management(), **dict.fromkeys(MANAGERS, NOT_FOUND)},
        kwargs=lambda world: {"kind": "accounts.user", "object_id": world.users["admin"].pk},
        variant="not translatable",
    ),
    # management
    Page("inclusion:manage", management(*MANAGERS), "Inclusion"),
    Page("inclusion:jargon_list", management(*MANAGERS), "Hard words and plainer words"),
    Page(
        "inclusion:jargon_create",
        management(*MANAGERS),
        "Add a word",
        methods=("GET", "POST"),
    ),
    Page(
        "inclusion:jargon_edit",
        management(*MANAGERS),
        "Edit a word",
        kwargs=demo_term,
        methods=("GET", "POST"),
    ),
    Page(
        "inclusion:jargon_edit",
        {**management(), **dict.fromkeys(MANAGERS, NOT_FOUND)},
        kwargs=missing_term,
        variant="unknown word",
    ),
    Page(
        "inclusion:jargon_delete",
        management(*MANAGERS),
        "Remove “commence”",
        kwargs=demo_term,
        methods=("GET", "POST"),
    ),
    Page(
        "inclusion:letter_sample",
        management(*MANAGERS),
        "Sample printed letters",
        methods=("GET", "POST"),
    ),
)


# --------------------------------------------------------------------------- bad-input rows


def _to(name: str, kwargs: Any = None) -> Any:
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs(world) if kwargs else None)

    return url


INCLUSION_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "jargon add",
        "page": "inclusion:jargon_create",
        "form": inclusion_forms.JargonTermForm,
        "role": "organiser",
        "valid": lambda client, world: {"language": "en", "term": "utilise", "suggestion": "use"},
        "url": _to("inclusion:jargon_create"),
    },
    {
        "name": "jargon edit",
        "page": "inclusion:jargon_edit",
        "form": inclusion_forms.JargonTermForm,
        "role": "admin",
        "valid": lambda client, world: {
            "language": "en",
            "term": "commence",
            "suggestion": "start, begin",
        },
        "url": _to("inclusion:jargon_edit", demo_term),
    },
    {
        "name": "jargon remove",
        "page": "inclusion:jargon_delete",
        "form": inclusion_forms.ConfirmForm,
        "role": "organiser",
        "valid": lambda client, world: {},
        "url": _to("inclusion:jargon_delete", demo_term),
    },
    {
        "name": "assisted session start",
        "page": "inclusion:assisted_start",
        "form": forms_assisted.AssistedSessionStartForm,
        "role": "digicoach",
        "valid": lambda client, world: {
            "email": world.users["resident"].email,
            "consent_method": "spoken",
            "consent_given": "on",
        },
        "url": _to("inclusion:assisted_start"),
    },
    {
        # Its fields are made per object (<field>__<language>), so the generic cases see
        # none but the extra field; tests/inclusion/test_content_translation.py covers too
        # long text and markup kept as text.
        "name": "content translation",
        "page": "inclusion:translation_edit",
        "form": forms_translation.ContentTranslationForm,
        "role": "organiser",
        "valid": lambda client, world: {"name__nl": "Bibliotheek Lindeveld"},
        "url": _to("inclusion:translation_edit", demo_help_point),
    },
)

INCLUSION_MODELS = (JargonTerm, AssistedSession, ContentTranslation)

INCLUSION_FORMS_STORING_NOTHING: dict[str, str] = {
    "samen.inclusion.forms.ReadabilityCheckForm": (
        "Answers with reading hints and stores nothing; tests/inclusion covers its bad input."
    ),
    "samen.inclusion.forms.SampleLetterForm": (
        "Answers with a sample PDF and stores nothing; tests/inclusion covers its bad input."
    ),
}

__all__ = [
    "INCLUSION_FORMS",
    "INCLUSION_FORMS_STORING_NOTHING",
    "INCLUSION_MODELS",
    "INCLUSION_PAGES",
    "OK",
]
