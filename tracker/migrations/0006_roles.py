"""The roles, as data: a "curators" group that may add, change and delete every tracker record (and so sees rejected
statements and sets curation fields), and a read-only "reviewers" group for the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["article", "publication", "review", "source", "speaker", "speakeralias", "speakerrole", "statement"]
ROLES = {
    "curators": [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")],
    "reviewers": [f"view_{model}" for model in MODELS],
}


def create_roles(apps, schema_editor):
    # Permissions are created after the last migration (post_migrate): on a new database there are none yet.
    tracker = apps.get_app_config("tracker")
    tracker.models_module = True
    create_permissions(tracker, apps=apps, verbosity=0)
    tracker.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0005_attribution_rule_and_surnames"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
