"""Editorial roles and review workflows, present from a fresh ``migrate``.

Creates the "Communicants" and "Relecteurs" groups with their permissions, the
"Relecture" workflow (Communicants approve) on the whole site, and the "Relecture
renforcée" workflow (Relecteurs, then Communicants) on the manifesto and session report
indexes when they already exist. Existing groups are kept (get_or_create, never delete);
partner lab groups are created by ``add_partner_lab`` (see editorial/partners.py).
"""

from django.db import migrations

COMMUNICATORS = "Communicants"
REVIEWERS = "Relecteurs"
WORKFLOW = "Relecture"
STRICT_WORKFLOW = "Relecture renforcée"
COMMUNICATORS_TASK = "Validation par les communicants"
REVIEWERS_TASK = "Relecture par les relecteurs"

PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
MEDIA_ACTIONS = ["add", "change", "choose", "delete"]


def get_permission(apps, app_label, model, codename, name):
    """The permission row, created when post_migrate has not run yet (fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_roles_and_workflows(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    access_admin = get_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    communicators, _ = Group.objects.get_or_create(name=COMMUNICATORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    communicators.permissions.add(access_admin)
    reviewers.permissions.add(access_admin)

    # Themes (snippet) and site settings: model permissions.
    for codename in ("add_theme", "change_theme", "delete_theme", "view_theme", "change_sitesettings"):
        model = codename.split("_", 1)[1]
        communicators.permissions.add(get_permission(apps, "home", model, codename, codename.replace("_", " ")))

    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for action in PAGE_ACTIONS:
            permission = get_permission(apps, "wagtailcore", "page", f"{action}_page", f"Can {action} page")
            GroupPagePermission.objects.get_or_create(group=communicators, page=root_page, permission=permission)

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for model, app_label in (("document", "wagtaildocs"), ("image", "wagtailimages")):
            for action in MEDIA_ACTIONS:
                permission = get_permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=communicators, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")

    def approval_task(name, group):
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.add(group)
        return task

    communicators_task = approval_task(COMMUNICATORS_TASK, communicators)
    reviewers_task = approval_task(REVIEWERS_TASK, reviewers)

    def workflow_with_tasks(name, tasks):
        workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        for sort_order, task in enumerate(tasks):
            WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": sort_order})
        return workflow

    review = workflow_with_tasks(WORKFLOW, [communicators_task])
    strict_review = workflow_with_tasks(STRICT_WORKFLOW, [reviewers_task, communicators_task])

    # "Relecture" replaces Wagtail's default "Moderators approval" on the whole site.
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": review})

    for model in ("manifestoindexpage", "sessionreportindexpage"):
        content_type = ContentType.objects.filter(app_label="labs", model=model).first()
        if content_type is None:
            continue
        for page in Page.objects.filter(content_type=content_type):
            WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": strict_review})


class Migration(migrations.Migration):
    dependencies = [
        ("labs", "0001_initial"),
        ("methods", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflows, migrations.RunPython.noop)]
