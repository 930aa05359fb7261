"""Generators of the Word templates in ``templates_docx/`` (run ``python -m templates_docx.build``).

The generated files are ordinary Word documents with docxtpl tags; people may go on editing them
in Word or LibreOffice. Re-running the generator overwrites hand edits, so change the generator
when you change the structure, and edit the .docx only for wording and layout.
"""
