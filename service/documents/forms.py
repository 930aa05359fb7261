"""Forms of the documents pages: signing by scan or by drawing."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField

from forms.base import BaseForm


class ScanForm(BaseForm):
    """Upload of a scan of the signed paper (type and size checked from the content)."""

    scan = FileField(
        _l("Scan of the signed paper (PDF, JPEG or PNG, at most 10 MB)"),
        validators=[FileRequired(_l("Choose the file of the scan."))],
    )


class DrawnSignatureForm(BaseForm):
    """A signature drawn on the tablet, sent as a PNG data URL by signature.js."""

    drawing = HiddenField()
