"""Demo jargon lists for Lindeveld, one per language; running it again changes nothing."""

from django.contrib.auth import get_user_model
from django.db import transaction

from samen.inclusion import services
from samen.inclusion.models import JargonTerm

ORGANISER = "organiser@demo.samen.test"

JARGON: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("participatory budgeting", "residents choose how to spend part of the budget"),
        ("eligibility", "who can take part"),
        ("stakeholder", "person or group involved"),
        ("allocate", "give"),
        ("commence", "start"),
        ("in accordance with", "following"),
    ),
    "nl": (
        ("participatief begroten", "bewoners kiezen waar geld naartoe gaat"),
        ("stemgerechtigd", "mag stemmen"),
        ("aanvraag indienen", "vragen"),
        ("conform", "volgens"),
        ("derhalve", "daarom"),
    ),
    "da": (
        ("borgerbudget", "borgerne vælger, hvad pengene skal bruges til"),
        ("stemmeberettiget", "må stemme"),
        ("vedrørende", "om"),
        ("endvidere", "også"),
        ("i henhold til", "efter"),
    ),
    "de": (
        ("Bürgerhaushalt", "Bewohner entscheiden, wofür Geld ausgegeben wird"),
        ("stimmberechtigt", "darf abstimmen"),
        ("gemäß", "nach"),
        ("infolgedessen", "deshalb"),
        ("Zuständigkeit", "wer dafür da ist"),
    ),
    "fr": (
        ("budget participatif", "les habitants choisissent comment dépenser l'argent"),
        ("éligibilité", "qui peut participer"),
        ("conformément à", "selon"),
        ("modalités", "comment faire"),
        ("dématérialisé", "en ligne"),
    ),
}


def seed() -> list[str]:
    """Add the demo jargon terms that are missing, as the demo organiser (audited)."""
    organiser = get_user_model().objects.filter(email=ORGANISER).first()
    added = 0
    with transaction.atomic():
        for language, pairs in JARGON.items():
            for term, suggestion in pairs:
                if JargonTerm.objects.filter(language=language, term__iexact=term).exists():
                    continue
                services.jargon_term_create(
                    actor=organiser, language=language, term=term, suggestion=suggestion
                )
                added += 1
    done = [f"inclusion: {added} jargon terms added"] if added else []
    return done + seed_assisted() + seed_translations()


COACH = "coach@demo.samen.test"
RESIDENT = "resident@demo.samen.test"


def seed_assisted() -> list[str]:
    """One finished assisted session, so receipts and statistics have something to show."""
    from samen.inclusion import services_assisted
    from samen.inclusion.models_assisted import AssistedActionKind, AssistedSession

    users = get_user_model().objects
    coach, resident = users.filter(email=COACH).first(), users.filter(email=RESIDENT).first()
    if coach is None or resident is None:
        return []
    if AssistedSession.objects.filter(coach=coach, resident=resident).exists():
        return []
    with transaction.atomic():
        session = services_assisted.assisted_session_start(
            coach=coach, resident=resident, consent_given=True, consent_method="spoken"
        )
        services_assisted.assisted_action_record(
            session=session,
            action=AssistedActionKind.SELF_ASSESS,
            summary="Started the digital skills check",
            url_name="skills:start",
        )
        services_assisted.assisted_session_end(session=session)
    return ["inclusion: 1 assisted session added"]


# Translations organisers made, so the other languages show translated content next to
# content that falls back to English.
TRANSLATIONS: dict[tuple[str, str], dict[tuple[str, str], str]] = {
    ("skills.helppoint", "Lindeveld Library"): {
        ("name", "nl"): "Bibliotheek Lindeveld",
        ("name", "da"): "Lindeveld Bibliotek",
        ("name", "de"): "Bibliothek Lindeveld",
        ("name", "fr"): "Bibliothèque de Lindeveld",
        (
            "description",
            "nl",
        ): "Loop binnen met je telefoon, tablet of laptop. Een Digicoach helpt je.",
        (
            "description",
            "de",
        ): "Kommen Sie mit Handy, Tablet oder Laptop vorbei. Ein Digicoach hilft.",
    },
    ("budgeting.process", "Power of Youth Lindeveld"): {
        ("title", "nl"): "Jongerenkracht Lindeveld",
        ("title", "fr"): "La force des jeunes de Lindeveld",
    },
}


def seed_translations() -> list[str]:
    """Translate a few demo objects, if they exist and are not translated yet."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    from samen.inclusion.models_translation import ContentTranslation
    from samen.inclusion.services_translation import content_translations_save

    organiser = get_user_model().objects.filter(email=ORGANISER).first()
    done = 0
    for (label, name), texts in TRANSLATIONS.items():
        model = apps.get_model(label)
        field = "name" if label == "skills.helppoint" else "title"
        obj = model._default_manager.filter(**{field: name}).first()
        if obj is None:
            continue
        content_type = ContentType.objects.get_for_model(model)
        if ContentTranslation.objects.filter(content_type=content_type, object_id=obj.pk).exists():
            continue
        content_translations_save(actor=organiser, obj=obj, texts=texts)
        done += 1
    return [f"inclusion: {done} objects translated"] if done else []
