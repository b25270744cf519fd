"""Create the six role groups with their model permissions.

Samen checks roles by group name in `permissions.py`; the model permissions here are what the
roles need where Django's own permission checks apply. Later apps add theirs in their own
migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "resident": [],
    "staff": [],
    "digicoach": [("accounts", "view_user")],
    "organiser": [("accounts", "view_user")],
    "moderator": [("accounts", "view_user")],
    "admin": [
        ("accounts", "view_user"),
        ("accounts", "change_user"),
        ("auth", "view_group"),
        ("auth", "change_group"),
    ],
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now so we can assign them.
    for label in ("auth", "accounts"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, wanted in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in wanted
        ]
        group.permissions.set(permissions)


def delete_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_user_and_login_links"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_role_groups, delete_role_groups)]
