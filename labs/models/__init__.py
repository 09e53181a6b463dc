from .labs import LabIndexPage, LabPage, LabTeamMember, ProjectIndicator, ProjectPage
from .manifestos import ManifestoIndexPage, ManifestoPage, ManifestoSignatory
from .reports import SessionParticipant, SessionReportIndexPage, SessionReportPage

__all__ = [
    "LabIndexPage",
    "LabPage",
    "LabTeamMember",
    "ManifestoIndexPage",
    "ManifestoPage",
    "ManifestoSignatory",
    "ProjectIndicator",
    "ProjectPage",
    "SessionParticipant",
    "SessionReportIndexPage",
    "SessionReportPage",
]
