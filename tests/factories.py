"""factory_boy factories shared by the test suites. Users are made through the service."""

from typing import Any

import factory

from samen.accounts import services as account_services
from samen.accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """`UserFactory(roles=["admin"])` gives an admin; the default is a verified resident."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = DEFAULT_PASSWORD
    roles: Any = ("resident",)
    verified = True

    @classmethod
    def _create(cls, model_class: type[User], *args: Any, **kwargs: Any) -> User:
        return account_services.user_create(**kwargs)
