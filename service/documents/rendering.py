"""Render the Word templates in ``templates_docx/`` into .docx bytes.

The templates are ordinary Word files carrying docxtpl (Jinja) tags; people edit them in Word.
Rendering is strict and literal:

* a variable the context lacks raises :class:`jinja2.UndefinedError` instead of printing an
  empty line (``StrictUndefined``), and ``None`` prints as nothing, never as "None";
* every value is XML-escaped (``autoescape``) and never evaluated, so text a person typed
  (``& < > " '``, ``{{ 7*7 }}``, ``</w:t>``, emoji, diacritics) comes out exactly as typed;
* characters XML 1.0 forbids are dropped before rendering, so the file always opens.

Line breaks: the sanitiser turns every ``\\n`` in a value into ``<w:br/>`` and every ``\\t``
into ``<w:tab/>`` (what docxtpl's ``resolve_listing`` does, but once per value instead of over
the whole XML), so plain strings need no ``Listing``/``RichText`` wrapper. ``\\r\\n`` and ``\\r``
become ``\\n``; ``\\a`` and ``\\f`` (forbidden in XML) are dropped.

Speed: each template file is prepared once (see :mod:`service.documents.fast_docx`): patched by
docxtpl, compiled, its package kept as bytes; rendering is Jinja plus writing the ZIP.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, meta, nodes
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from service.documents import fast_docx

#: The Word templates, one ``<name>.docx`` per document type and language.
TEMPLATE_DIR: Path = Path(__file__).resolve().parents[2] / "templates_docx"

_TEMPLATE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
# XML 1.0 ``Char``: no C0 controls except tab/LF/CR, no surrogates, no U+FFFE/U+FFFF.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = re.compile(r"\r\n?")
# docxtpl rewrites these four sequences in the rendered XML ("{_{" becomes "{{" and so on).
_DOCXTPL_ESCAPES = re.compile(r"\{_[{%]|[}%]_\}")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'
_XML_TAG = re.compile(r"(<[^>]*>)")
#: Template names before the form followed the method's country (documents issued then keep
#: their name; a drawn signature renders them again).
LEGACY_NAMES = {
    **{f"{kind}_sv": f"{kind}_se_sv" for kind in ("agreement", "consent", "follow_up", "closing")},
    **{f"{kind}_en": f"{kind}_se_en" for kind in ("agreement", "consent", "follow_up", "closing")},
    **{f"{kind}_pl": f"{kind}_pl_pl" for kind in ("agreement", "consent", "follow_up", "closing")},
    "plan_sv": "plan_se_sv",
    "plan_en": "plan_se_en",
    "plan_pl": "plan_ipwzb_pl",
}
#: The language tag of each document language (``w:lang``, ``dc:language``).
LANGUAGE_TAGS = {"sv": "sv-SE", "pl": "pl-PL", "en": "en-GB"}


def _none_as_empty(value: Any) -> Any:
    """Jinja ``finalize`` hook: an explicit ``None`` prints as nothing, not as "None"."""
    return "" if value is None else value


def nobreak(value: Any) -> Markup:
    """Filter ``|nobreak``: a phone or identity number that never breaks across lines.

    Spaces become no-break spaces and hyphens Word's no-break hyphen, so "+48 58 521 37 40"
    and "19850709-1234" stay on one line in a narrow cell or header.
    """
    if value is None or value == "":
        return Markup("")
    text = value if isinstance(value, Markup) else escape(str(value))
    parts = _XML_TAG.split(str(text))  # keep the tags the sanitiser added (line breaks) intact
    for index in range(0, len(parts), 2):
        parts[index] = parts[index].replace(" ", "\u00a0").replace("-", _NO_BREAK_HYPHEN)
    return Markup("".join(parts))  # noqa: S704 - escaped first, then only our own tags added


class _DocumentEnvironment(SandboxedEnvironment):
    """Strict, autoescaping Jinja environment that compiles each distinct source only once.

    docxtpl compiles the document XML with ``from_string`` on every render; caching by source
    text makes rendering a template a second time skip the compile, and an edited template
    (different source) is simply compiled anew.
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined, finalize=_none_as_empty)
        self.filters["nobreak"] = nobreak
        self._compile_cached = lru_cache(maxsize=64)(self._compile_uncached)

    def _compile_uncached(self, source: str) -> Template:
        """Compile ``source`` without the cache."""
        return super().from_string(source)

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        """Compile ``source``, reusing the compiled template for plain sources seen before."""
        if isinstance(source, str) and globals is None and template_class is None:
            return self._compile_cached(source)
        return super().from_string(source, globals, template_class)


_ENVIRONMENT = _DocumentEnvironment()


#: An image placed by the template: PNG/JPEG bytes and the printed width in millimetres.
ImageSpec = tuple[bytes, float]


def render_document(
    template_name: str,
    context: Mapping[str, Any],
    images: Mapping[str, ImageSpec | None] | None = None,
) -> bytes:
    """Render ``templates_docx/<template_name>.docx`` with ``context`` and return the .docx bytes.

    The context is deep-copied and every string in it sanitised (see :func:`sanitise_text`);
    the caller's data is never modified. ``images`` adds variables holding pictures (the QR
    code, a drawn signature); ``None`` for one defines it as absent (``{% if signature %}``).
    Raises :class:`ValueError` for a malformed template name, :class:`FileNotFoundError` for
    an unknown one, :class:`jinja2.UndefinedError` when the context lacks a variable the
    template uses, and :class:`jinja2.TemplateSyntaxError` when a template's tags are broken.
    """
    prepared = _prepared_template(template_name)
    properties = _properties(template_name, prepared, context)
    return fast_docx.render(
        prepared, _prepared_context(_added_later(context)), images or {}, properties
    )


def _added_later(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """A context stored before a part was added prints that part as absent: no legal
    representative, the unit as the controller, the consent's parties in free text only."""
    if "legal_rep" in context and "controller" in context:
        return context
    unit = context.get("unit") or {}
    filled = {
        "legal_rep": {"kind": "", "name": "", "contact": ""},
        "controller": {"name": unit.get("name", ""), "address": "", "retention_years": 0},
        **context,
    }
    if isinstance(context.get("consent"), Mapping):
        filled["consent"] = {"recipients": [], "confidentiality": "osl", **context["consent"]}
    return filled


def template_language(template_name: str) -> str:
    """The language of a template, from its name (``plan_ipwzb_sv`` → ``sv``), or ""."""
    language = LEGACY_NAMES.get(template_name, template_name).rsplit("_", 1)[-1]
    return language if language in LANGUAGE_TAGS else ""


def _properties(
    template_name: str, prepared: fast_docx.PreparedTemplate, context: Mapping[str, Any]
) -> fast_docx.Properties | None:
    """Title (the template's), subject (method and number), author (the unit) and language."""
    language = template_language(template_name)
    if not language:
        return None
    document, unit, case = (context.get(key) or {} for key in ("document", "unit", "case"))
    subject = " · ".join(str(part) for part in (case.get("method"), document.get("number")) if part)
    return fast_docx.Properties(
        title=prepared.title,
        subject=subject,
        author=str(unit.get("name") or ""),
        language=LANGUAGE_TAGS[language],
    )


def template_variables(template_name: str) -> set[str]:
    """The top-level variables the template reads from its context (``{"person", ...}``)."""
    source = _template_source(template_name)
    return set(meta.find_undeclared_variables(_ENVIRONMENT.parse(source)))


def template_fields(template_name: str) -> set[str]:
    """Every dotted field the template reads, e.g. ``"person.full_name"``.

    Loop variables are spelled through what they loop over: ``{%tr for a in agreement.actions
    %}`` … ``{{ a.what }}`` gives ``"agreement.actions"`` and ``"agreement.actions[].what"``.
    Used to check that the language versions of a document carry the same fields.
    """
    tree = _ENVIRONMENT.parse(_template_source(template_name))
    roots = meta.find_undeclared_variables(tree)
    aliases = _loop_aliases(tree)
    paths = {_dotted_path(node, aliases) for node in tree.find_all(nodes.Getattr)}
    paths |= {_dotted_path(loop.iter, aliases) for loop in tree.find_all(nodes.For)}
    known = {path for path in paths if path and path.split(".")[0] in roots}
    return {path for path in known if not any(other.startswith(f"{path}.") for other in known)}


def clean_text(text: str) -> str:
    """``text`` with line ends as ``\\n`` and the characters XML 1.0 forbids dropped."""
    return _XML_FORBIDDEN.sub("", _LINE_ENDS.sub("\n", str(text)))


def clean_context(value: Any) -> Any:
    """A copy of a context (dicts, lists, strings) with every string cleaned (:func:`clean_text`).

    This is what is stored and hashed: plain JSON that any text (lone surrogates, control
    characters) can no longer break.
    """
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {key: clean_context(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean_context(item) for item in value]
    return value


def sanitise_text(text: str) -> str:
    """Make one string safe to place in the document as literal text.

    Line ends become ``\\n``; characters XML 1.0 forbids are dropped. The rare text containing
    one of docxtpl's own escape sequences (``{_{`` …) is returned pre-escaped, with the
    underscore as a character reference, so docxtpl's post-processing cannot rewrite it.
    """
    cleaned = clean_text(text)
    docxtpl_escapes = _DOCXTPL_ESCAPES.search(cleaned) is not None
    if not (docxtpl_escapes or "\n" in cleaned or "\t" in cleaned):
        return cleaned
    escaped = str(escape(cleaned))
    if docxtpl_escapes:
        escaped = escaped.replace("_", "&#95;")
    escaped = escaped.replace("\n", _BREAK).replace("\t", _TAB)
    return Markup(escaped)  # noqa: S704 - escaped first, then only our own tags added


def _prepared_context(context: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``context`` with every string sanitised (dicts and lists are rebuilt, so the
    caller's data is never modified; other values are immutable)."""
    return {key: _sanitised(value) for key, value in context.items()}


def _sanitised(value: Any) -> Any:
    """``value`` with every string inside it (dict values, list items) sanitised."""
    if isinstance(value, str):
        return sanitise_text(value)
    if isinstance(value, Mapping):
        return {key: _sanitised(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_sanitised(item) for item in value]
    return value


def _template_path(template_name: str) -> Path:
    """The file of ``template_name``; refuses names that could leave :data:`TEMPLATE_DIR`."""
    if not _TEMPLATE_NAME.match(template_name):
        raise ValueError(f"Invalid document template name: {template_name!r}")
    path = TEMPLATE_DIR / f"{template_name}.docx"
    if not path.is_file() and template_name in LEGACY_NAMES:
        path = TEMPLATE_DIR / f"{LEGACY_NAMES[template_name]}.docx"
    if not path.is_file():
        raise FileNotFoundError(f"No document template {template_name!r} in {TEMPLATE_DIR}")
    return path


@lru_cache(maxsize=64)
def _prepared(path: Path, mtime_ns: int, size: int) -> fast_docx.PreparedTemplate:
    """The prepared template; keyed on mtime and size so an edited file is prepared again."""
    language = template_language(path.stem)
    return fast_docx.prepare(path, _ENVIRONMENT, LANGUAGE_TAGS[language] if language else "")


def _prepared_template(template_name: str) -> fast_docx.PreparedTemplate:
    """The prepared template of ``template_name`` (from the cache while the file is unchanged)."""
    path = _template_path(template_name)
    stat = path.stat()
    return _prepared(path, stat.st_mtime_ns, stat.st_size)


def _template_source(template_name: str) -> str:
    """The Jinja source rendered: the patched XML of the body, headers and footers."""
    return "\n".join(_prepared_template(template_name).sources.values())


def _loop_aliases(tree: nodes.Template) -> dict[str, str]:
    """Map each ``for`` loop variable to the dotted path of its items (``"x.items[]"``)."""
    aliases: dict[str, str] = {}
    for loop in tree.find_all(nodes.For):
        items = _dotted_path(loop.iter, aliases)
        if items and isinstance(loop.target, nodes.Name):
            aliases[loop.target.name] = f"{items}[]"
    return aliases


def _dotted_path(node: nodes.Node, aliases: Mapping[str, str]) -> str | None:
    """``a.b.c`` for a chain of attribute lookups on a name, else ``None``."""
    attributes: list[str] = []
    while isinstance(node, nodes.Getattr):
        attributes.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return None
    root = aliases.get(node.name, node.name)
    return ".".join([root, *reversed(attributes)])
