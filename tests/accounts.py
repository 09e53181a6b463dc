"""The people the sign-in tests log in as, with a password Django's validators accept."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial.partners import COMMUNICATORS

PASSWORD = "Pivoine-Lagune-Carafe-71"


def create_communicator():
    """Camille, of the communicators' group (the group its migration created)."""
    user = get_user_model().objects.create_user("camille", "camille@entrelabs.example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    return user


def create_partner_editor():
    """Alice, of a partner lab: no permission yet, each test gives her what it needs."""
    return get_user_model().objects.create_user("alice", "alice@lab-alpha.example.org", PASSWORD)
