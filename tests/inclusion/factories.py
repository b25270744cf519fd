"""factory_boy factories for the inclusion tests. Writes go through the services."""

from typing import Any

import factory

from samen.inclusion import services
from samen.inclusion.models import JargonTerm


class JargonTermFactory(factory.django.DjangoModelFactory):
    """`JargonTermFactory(language="nl", term="conform", suggestion="volgens")`."""

    class Meta:
        model = JargonTerm

    language = "en"
    term = factory.Sequence(lambda n: f"jargon{n}")
    suggestion = "a plainer word"
    actor: Any = None

    @classmethod
    def _create(cls, model_class: type[JargonTerm], *args: Any, **kwargs: Any) -> JargonTerm:
        return services.jargon_term_create(**kwargs)
