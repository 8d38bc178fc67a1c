import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local 'admin' superuser with a fresh random password if no superuser exists yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="Username for the new superuser (default admin).")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "A superuser exists already. Set a new password with: "
                ".venv/bin/python manage.py changepassword <username>"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(f"Created superuser '{username}' with password: {password}"))
        self.stdout.write(
            "This password is shown once; change it with: .venv/bin/python manage.py changepassword admin"
        )
