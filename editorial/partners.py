"""Editorial roles: partner lab groups, workflow assignment and what a partner editor may see.

The "Communicants" and "Relecteurs" groups and the two workflows are created by the data
migration ``editorial/0001_editorial_roles_and_workflow``; this module adds one group and one
collection per partner lab (``add_partner_lab``), assigns the stricter workflow to index
pages created later, and restricts what partner editors see of other labs' drafts.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
)
from wagtail.permission_policies.pages import PagePermissionPolicy

COMMUNICATORS = "Communicants"
REVIEWERS = "Relecteurs"
PARTNER_GROUP_PREFIX = "Éditeurs – "
WORKFLOW = "Relecture"
STRICT_WORKFLOW = "Relecture renforcée"

# A partner editor edits their lab and its projects, and adds (then edits what they
# authored) in the method and curriculum indexes; never publishes.
LAB_PAGE_ACTIONS = ("add", "change")
INDEX_PAGE_ACTIONS = ("add",)
MEDIA_ACTIONS = ("add", "change", "choose")


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _media_permission(app_label, model, action):
    return Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")


def partner_group_name(lab):
    return f"{PARTNER_GROUP_PREFIX}{lab.title}"[:150]


def partner_group_for(lab):
    """The group of a lab's editors: the one holding 'change' on the lab page, if any."""
    permission = (
        GroupPagePermission.objects.filter(
            page=lab, permission__codename="change_page", group__name__startswith=PARTNER_GROUP_PREFIX
        )
        .select_related("group")
        .first()
    )
    return permission.group if permission else None


def _lab_collection(lab):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=lab.title).first()
    return existing or root.add_child(name=lab.title)


@dataclass
class PartnerSetup:
    lab: Page
    group: Group
    collection: Collection
    created: bool


def lab_versions(lab):
    """The lab page in every language: its default-language page first, then its translations
    (aliases aside: the copy Wagtail makes of an untranslated parent is not a translation)."""
    default_locale = Locale.get_default()
    versions = list(lab.get_translations(inclusive=True).filter(alias_of__isnull=True).order_by("depth", "path"))
    versions.sort(key=lambda version: version.locale_id != default_locale.pk)
    return versions


@transaction.atomic
def ensure_partner_group(lab):
    """Create (once) the lab's editor group, its collection and their permissions, on the lab page
    in every language (the group and collection are those of its default-language page)."""
    from methods.models import CurriculumIndexPage, MethodIndexPage

    versions = lab_versions(lab)
    if lab.locale_id != Locale.get_default().pk and versions[0].locale_id == Locale.get_default().pk:
        lab = versions[0].specific
    group = partner_group_for(lab)
    created = group is None
    if group is None:
        group, created = Group.objects.get_or_create(name=partner_group_name(lab))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))

    for version in versions:
        grant_lab_page(group, version)
    for index in [*MethodIndexPage.objects.all(), *CurriculumIndexPage.objects.all()]:
        for action in INDEX_PAGE_ACTIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=_page_permission(action))

    collection = _lab_collection(lab)
    for app_label, model in (("wagtaildocs", "document"), ("wagtailimages", "image")):
        for action in MEDIA_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_media_permission(app_label, model, action)
            )
    return PartnerSetup(lab=lab, group=group, collection=collection, created=created)


def grant_lab_page(group, page):
    """The partner group's rights on one version of its lab page (and so on its subtree)."""
    for action in LAB_PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_page_permission(action))


def grant_partner_group_on_translation(translated_lab):
    """A lab page translated: its partner group gets the same rights on the new version."""
    source = translated_lab.get_translation_or_none(Locale.get_default())
    group = partner_group_for(source) if source is not None else None
    if group is not None:
        grant_lab_page(group, translated_lab)


def ensure_editor_account(group, email):
    """The editor's account (username = email), in the lab's group; created without a password."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User(username=email.lower(), email=email.lower())
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    return user, created


def password_reset_url(user, base_url):
    """A link where the editor chooses their password (Wagtail's reset confirmation view)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return base_url.rstrip("/") + path


def get_or_create_lab_page(name, host_organisation="", organisation_kind="other", publish=False):
    """The lab page under the lab index, found by slug; created (as a draft unless publish) when missing."""
    from home.models import HomePage
    from labs.models import LabIndexPage, LabPage

    index = LabIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        if home is None:
            raise LookupError("No home page: run migrate first.")
        index = home.add_child(instance=LabIndexPage(title="Les labs", slug="labs"))
        index.save_revision().publish()

    slug = slugify(name)[:255] or "lab"
    lab = LabPage.objects.child_of(index).filter(Q(slug=slug) | Q(title=name)).first()
    if lab is not None:
        return lab, False
    lab = index.add_child(
        instance=LabPage(
            title=name,
            slug=slug,
            host_organisation=host_organisation or name,
            organisation_kind=organisation_kind,
            live=False,
        )
    )
    revision = lab.save_revision()
    if publish:
        revision.publish()
    return lab, True


def assign_workflows():
    """Give the manifesto and session report indexes the "Relecture renforcée" workflow.

    Idempotent; an index that already has a workflow other than Wagtail's default keeps it.
    """
    from labs.models import ManifestoIndexPage, SessionReportIndexPage

    strict = Workflow.objects.filter(name=STRICT_WORKFLOW).first()
    if strict is None:
        return 0
    assigned = 0
    for model in (ManifestoIndexPage, SessionReportIndexPage):
        for page in model.objects.all():
            existing = WorkflowPage.objects.filter(page=page).select_related("workflow").first()
            if existing is None:
                WorkflowPage.objects.create(page=page, workflow=strict)
                assigned += 1
    return assigned


def setup_editorial_structure():
    """Assign the workflows and give every existing lab its editor group and collection.

    The same code path as ``add_partner_lab``; the demo content calls it after building the tree.
    """
    from labs.models import LabPage

    assign_workflows()
    labs = LabPage.objects.filter(locale=Locale.get_default()).order_by("path")
    return [ensure_partner_group(lab) for lab in labs]


# What a partner editor may see in the admin ------------------------------------------------


def partner_lab_paths(user):
    """Tree paths of the labs whose editor groups the user belongs to (cached on the user)."""
    if not hasattr(user, "_partner_lab_paths"):
        paths = []
        restricted = user.is_authenticated and user.is_active and not user.is_superuser
        if restricted and not user.groups.filter(name=COMMUNICATORS).exists():
            paths = list(
                GroupPagePermission.objects.filter(
                    group__user=user,
                    group__name__startswith=PARTNER_GROUP_PREFIX,
                    permission__codename="change_page",
                ).values_list("page__path", flat=True)
            )
        user._partner_lab_paths = paths
    return user._partner_lab_paths


def is_partner_editor(user):
    """True for an editor who belongs only to partner lab groups (not a communicator)."""
    return bool(partner_lab_paths(user))


def visible_pages_q(user):
    """Pages a partner editor may see in the admin.

    Their own labs' pages, pages they or their lab colleagues own, and live pages whose
    pending draft does not change the title (so no one else's draft title leaks).
    """
    User = get_user_model()
    lab_groups = Group.objects.filter(user=user, name__startswith=PARTNER_GROUP_PREFIX)
    colleagues = User.objects.filter(groups__in=lab_groups).values("pk")
    q = Q(owner_id__in=colleagues) | Q(live=True, has_unpublished_changes=False) | Q(live=True, draft_title=F("title"))
    for path in partner_lab_paths(user):
        q |= Q(path__startswith=path)
    # The tree above the labs (root, home, indexes) is needed to navigate.
    q |= Q(depth__lte=2)
    return q


def hidden_page_ids(user):
    """Ids of the pages a partner editor may not see (few: other people's drafts); cached on the user."""
    if not hasattr(user, "_partner_hidden_page_ids"):
        user._partner_hidden_page_ids = list(Page.objects.exclude(visible_pages_q(user)).values_list("pk", flat=True))
    return user._partner_hidden_page_ids


def other_lab_paths(user):
    """Tree paths of the labs the partner editor does not belong to."""
    from labs.models import LabPage

    own = partner_lab_paths(user)
    return [path for path in LabPage.objects.values_list("path", flat=True) if path not in own]


def restrict_for_partner(queryset, user):
    """Remove the pages a partner editor may not see; leave other users' querysets unchanged.

    Excludes by id (not by a join) so that it also works on search querysets.
    """
    if is_partner_editor(user):
        return queryset.exclude(id__in=hidden_page_ids(user))
    return queryset


class PartnerAwarePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with other labs' drafts removed from what partner editors explore.

    ``explorable_instances`` feeds the page explorer, the admin page search, the admin API
    (listing and detail) and the history reports.
    """

    def explorable_instances(self, user):
        return restrict_for_partner(super().explorable_instances(user), user)
