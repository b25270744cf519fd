"""Users who log in with their email address, with their profile and accessibility preferences."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles are Django groups with these names; the choices give them translatable labels."""

    RESIDENT = "resident", _("Resident")
    STAFF = "staff", _("Staff member")
    DIGICOACH = "digicoach", _("Digicoach")
    ORGANISER = "organiser", _("Organiser")
    MODERATOR = "moderator", _("Moderator")
    ADMIN = "admin", _("Administrator")


# Roles whose holders reach management pages and so must use two-factor authentication.
TWO_FACTOR_ROLES = frozenset({Role.ORGANISER, Role.MODERATOR, Role.ADMIN})


class TextSize(models.TextChoices):
    NORMAL = "100", _("Normal")
    LARGE = "150", _("Large (150%)")
    LARGEST = "200", _("Largest (200%)")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_superuser", True)
        extra.setdefault("is_staff", True)
        extra.setdefault("email_verified_at", timezone.now())
        return self.create_user(email, password, **extra)


postcode_validator = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9 \-]{1,9}$",
    _("Enter a postcode of 2 to 10 letters, digits, spaces or hyphens."),
)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    display_name = models.CharField(_("display name"), max_length=80)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    year_of_birth = models.PositiveSmallIntegerField(
        _("year of birth"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    postcode = models.CharField(
        _("postcode"), max_length=10, blank=True, validators=[postcode_validator]
    )
    text_size = models.CharField(
        _("text size"), max_length=3, choices=TextSize.choices, default=TextSize.NORMAL
    )
    high_contrast = models.BooleanField(_("high contrast"), default=False)
    reduced_motion = models.BooleanField(_("reduced motion"), default=False)
    easy_read = models.BooleanField(_("easy-read"), default=False)
    email_verified_at = models.DateTimeField(_("email verified at"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            # Emails are stored lower-case; this keeps two sign-ups racing apart either way.
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    @property
    def is_email_verified(self) -> bool:
        return self.email_verified_at is not None

    def role_names(self) -> set[str]:
        # Cached per instance: templates and permissions ask several times per request.
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return self._role_names

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_names() & set(roles))

    @property
    def needs_two_factor(self) -> bool:
        return self.is_superuser or self.has_role(*TWO_FACTOR_ROLES)


class MagicLinkToken(models.Model):
    """A one-time login link sent by email. Only the SHA-256 of the secret is stored, so a
    database leak does not hand out working links."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="magic_link_tokens",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("login link")
        verbose_name_plural = _("login links")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"
