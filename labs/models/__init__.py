from .labs import LabIndexPage, LabPage, LabTeamMember, ProjectIndicator, ProjectMethod, ProjectPage
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
    "ProjectMethod",
    "ProjectPage",
    "SessionParticipant",
    "SessionReportIndexPage",
    "SessionReportPage",
]
