import logging
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.models import AgendaPage, EventPage
from home.bulk import without_save_signals
from labs.models import LabIndexPage, LabPage
from methods.models import MethodIndexPage, MethodPage


class Command(BaseCommand):
    help = (
        "Grow the demo site to --scale times its size (page benchmark, `make bench`): copies of its "
        "labs with their projects and news, of its methods and of its events, live, then indexed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, required=True, help="2 or more: the demo content times N")

    def handle(self, *args, scale, **options):
        if scale < 2:
            raise CommandError("--scale must be 2 or more (1 is the demo content itself).")
        lab_index, method_index = LabIndexPage.objects.first(), MethodIndexPage.objects.first()
        agenda = AgendaPage.objects.first()
        if not (lab_index and method_index and agenda):
            raise CommandError("Load the demo content first (manage.py load_demo_content).")
        labs = list(LabPage.objects.child_of(lab_index).live().order_by("path"))
        methods = list(MethodPage.objects.child_of(method_index).live().order_by("path"))
        events = list(EventPage.objects.child_of(agenda).live().order_by("path"))
        started = time.perf_counter()
        logging.getLogger("wagtail").setLevel(logging.WARNING)  # not one line per page
        # Indexed once at the end by update_index, and the caches are empty at the server's start.
        with without_save_signals(), transaction.atomic():
            for copy_number in range(1, scale):
                self.copy_demo(copy_number, labs, methods, events, lab_index, method_index, agenda)
                self.stdout.write(f"copy {copy_number}/{scale - 1}")
        call_command("update_index", verbosity=0)
        self.stdout.write(f"Site grown to {scale}x the demo in {time.perf_counter() - started:.0f} s.")

    def copy_demo(self, number, labs, methods, events, lab_index, method_index, agenda):
        for lab in labs:
            lab_copy = self.copy(lab, lab_index, number)
            for child in lab.get_children().live().specific():  # projects and news
                self.copy(child, lab_copy, number)
        for page in methods:
            self.copy(page, method_index, number)
        for page in events:
            self.copy(page, agenda, number)

    @staticmethod
    def copy(page, parent, number):
        return page.copy(
            to=parent,
            update_attrs={"slug": f"{page.slug}-{number}", "title": f"{page.title} ({number})"},
            copy_revisions=False,
            keep_live=True,
            log_action=None,
        )
