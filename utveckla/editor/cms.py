"""The form editor at /admin/ (Decap CMS): its configuration, page and security policy.

The configuration is generated from the models at every build, through the same reading of
the models as the JSON Schemas and the field reference (fieldinfo.py): one collection per
content folder, a widget per field type, the Swedish label and hint of each field, required
fields, patterns and limits, the vocabularies of content/taxonomier.yml as selects with their
Swedish labels, references to other collections as relation widgets, images into docs/bilder/.
A field added to models.py appears in the form at the next build.

Every save is a pull request (publish_mode: editorial_workflow): the content check, the tests
and the preview build run on it before anything is published. The form helps; the check on
the pull request decides (cross-field rules, the county's outline and dates in order are only
there).
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from ..content import fields
from ..content.collections import COLLECTIONS
from ..content.fieldinfo import LABELS, FieldDoc, _group_model, _without_none, collection_fields
from ..content.site import URL_PREFIX, Site

ADMIN = "admin/"
BUNDLE = "assets/vendor/decap-cms/decap-cms.js"  # vendored (scripts/vendor_cms.py)
SETUP = "admin/admin.js"
STYLE = "admin/admin.css"
# The project's corrections to the CMS's own screens (axe, WCAG 2.1 AA): the login screen's
# "Tillbaka till sida" (the link to site_url) is grey #798291 on #eff0f4, contrast 3.4:1.
ADMIN_CSS = """/* Skapad av utveckla/editor/cms.py. */
html body [class*="-ButtonText"] { color: #4a5260; }
"""
MEDIA_FOLDER = "docs/bilder"
PUBLIC_FOLDER = "bilder"  # image paths are written from docs/, as the check wants them
GITHUB_API = "https://api.github.com"
# A collection's one item, for "Ny …" buttons.
# The municipality files are exactly the contract's seven: none is created or deleted in the form.
FIXED = frozenset({"kommuner"})
# Widgets for the shared field types (fields.py); the pattern's message is the fix in Swedish.
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
EVENT_TIME = {"widget": "datetime", "format": "YYYY-MM-DD HH:mm", "date_format": "YYYY-MM-DD",
              "time_format": "HH:mm"}
_TEXTS = {fields.Title: fields.TITLE_MAX, fields.Summary: fields.SUMMARY_MAX, fields.ShortText: fields.SHORT_TEXT_MAX,
          fields.Text: fields.TEXT_MAX, fields.Note: fields.NOTE_MAX, fields.Tag: fields.SHORT_TEXT_MAX}
_MULTILINE = {fields.Summary, fields.Text, fields.Note}
_PATTERNS = {
    fields.WebUrl: ("^https?://[^\\s<>\"]+$", "skriv en hel webbadress som börjar med https://"),
    fields.Email: ("^[\\w.%+\\-]+@[\\w\\-]+(\\.[\\w\\-]+)*\\.[A-Za-z]{2,}$", "skriv en e-postadress, till exempel namn@kommun.se"),
    fields.Id: (fields.ID_PATTERN.pattern, "små bokstäver a–z, siffror och bindestreck"),
}


# Phrases Decap CMS 3.16.3's Swedish locale lacks (it would show the English ones, such as
# "Add …" under every list); admin.js fills them in without replacing what the locale has.
SWEDISH_GAPS = {
    "collection": {"collectionTop": {"viewAsList": "Visa som lista", "viewAsGrid": "Visa som rutnät"},
                   "entries": {"unpublishedHeader": "Opublicerade inlägg"}},
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Fältet %{widgetLabel}"}},
        "editorToolbar": {
            "statusInfoTooltipDraft": "Inlägget är ett utkast. Sätt status till Granskas när det är klart att läsas.",
            "statusInfoTooltipInReview": "Inlägget granskas. Du kan fortfarande ändra det under tiden."},
        "editorWidgets": {
            "markdown": {"strikethrough": "Genomstruken",
                         "toggleMode": {"rich": "Byt till formaterad text", "markdown": "Byt till Markdown"}},
            "image": {"chooseMultiple": "Välj bilder", "addMore": "Lägg till fler bilder", "removeAll": "Ta bort alla bilder"},
            "file": {"chooseMultiple": "Välj filer", "addMore": "Lägg till fler filer", "removeAll": "Ta bort alla filer"},
            "datetime": {"setToNow": "Sätt %{fieldLabel} till nu"},
            "list": {"add": "Lägg till %{item}", "addType": "Lägg till %{item}"},
            "object": {"expand": "Visa", "collapse": "Dölj"}}},
    "mediaLibrary": {"mediaLibraryModal": {"close": "Stäng"}},
    "ui": {"settingsDropdown": {"account": "Kontoinställningar"}},
}


@dataclass(frozen=True)
class Settings:
    repo: str  # owner/name on GitHub
    branch: str
    auth_url: str  # the region's OAuth token-exchange endpoint (base_url), https
    auth_endpoint: str = "auth"
    local_backend: str = ""  # decap-server's address, only for local editing and the tests
    site_url: str = "/"


def settings_from(edit_uri: str | None, auth_url: str, local_backend: str = "", site_url: str = "/") -> Settings:
    """The repository and branch from mkdocs.yml's edit_uri (…/owner/name/edit/main/)."""
    match = re.match(r"https://github\.com/([^/]+/[^/]+)/edit/([^/]+)/", edit_uri or "")
    if not match:
        raise ValueError("edit_uri måste vara https://github.com/ägare/förråd/edit/gren/ för formulärredigeraren")
    if not re.match(r"^https://[^/\s]+(/[^\s]*)?$", auth_url or ""):
        raise ValueError(f"cms_auth_url måste vara en https-adress (inloggningstjänsten), inte {auth_url!r}")
    if local_backend and not re.match(r"^http://(127\.0\.0\.1|localhost):\d+/api/v1$", local_backend):
        raise ValueError("cms_local_backend måste vara http://127.0.0.1:PORT/api/v1 (decap-server på den egna datorn)")
    return Settings(match.group(1), match.group(2), auth_url.rstrip("/"), local_backend=local_backend, site_url=site_url)


def _hint(doc: FieldDoc) -> str:
    parts = [doc.description]
    if doc.condition:
        parts.append(f"Krävs: {doc.condition}.")
    return " ".join(part for part in parts if part)


def _options(site: Site, vocabulary: str) -> list[dict[str, str]]:
    return [{"label": label, "value": term} for term, label in site.taxonomy.get(vocabulary, {}).items()]


def _relation(target: str, multiple: bool) -> dict[str, Any]:
    return {"widget": "relation", "collection": target, "value_field": "{{slug}}",
            "search_fields": ["title"], "display_fields": ["title"], "multiple": multiple}


def _numbers(base: Any, info: Any) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "number", "value_type": "int" if base is int else "float"}
    for key, attribute in (("min", "ge"), ("max", "le")):
        bound = next((getattr(m, attribute) for m in info.metadata if hasattr(m, attribute)), None)
        if bound is not None:
            widget[key] = bound
    if base is float:
        widget["step"] = 0.000001
    return widget


def _widget(site: Site, annotation: Any, info: Any, target: str | None) -> dict[str, Any]:
    annotation = _without_none(annotation)
    is_list = annotation == fields.IdList
    if target is not None:
        if target.startswith("taxonomi:"):
            return {"widget": "select", "options": _options(site, target.split(":", 1)[1]), "multiple": is_list}
        return _relation(target, is_list)
    if annotation == fields.Date:
        return dict(DATE)
    if annotation == fields.EventTime:
        return dict(EVENT_TIME)
    if annotation in _PATTERNS:
        return {"widget": "string", "pattern": list(_PATTERNS[annotation])}
    if annotation in _TEXTS:
        limit = _TEXTS[annotation]
        widget = "text" if annotation in _MULTILINE else "string"
        return {"widget": widget, "pattern": [f"^[\\s\\S]{{0,{limit}}}$", f"högst {limit} tecken"]}
    if typing.get_origin(annotation) is typing.Literal:
        values = typing.get_args(annotation)
        if all(isinstance(value, int) for value in values):
            return {"widget": "number", "value_type": "int", "min": min(values), "max": max(values)}
        return {"widget": "select", "options": list(values)}
    base = annotation
    if typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    if base is bool:
        return {"widget": "boolean"}
    if typing.get_origin(base) is list:
        item = typing.get_args(base)[0]
        inner = _widget(site, item, info, None)
        return {"widget": "list", "field": {"name": "value", "label": "Rad", **inner}}
    if base in (int, float):
        return _numbers(base, info)
    return {"widget": "string"}


def _max_items(info: Any) -> int | None:
    return next((m.max_length for m in info.metadata if getattr(m, "max_length", None)), None)


def _fields(site: Site, model: type[BaseModel], docs: tuple[FieldDoc, ...]) -> list[dict[str, Any]]:
    hints = typing.get_type_hints(model, include_extras=True)
    result = []
    for doc in docs:
        info = model.model_fields[doc.name]
        annotation = hints[doc.name]
        group = _group_model(annotation)
        entry: dict[str, Any] = {"name": doc.name, "label": doc.label, "hint": _hint(doc), "required": doc.required}
        if group is None:
            entry.update(_widget(site, annotation, info, doc.target))
        elif typing.get_origin(_without_none(annotation)) is list:
            entry.update({"widget": "list", "fields": _fields(site, group, doc.children)})
        else:
            entry.update({"widget": "object", "fields": _fields(site, group, doc.children), "collapsed": not doc.required})
        if entry["widget"] == "list" and _max_items(info) is not None:
            entry["max"] = _max_items(info)
        if not doc.required and entry["widget"] in ("boolean", "number") and isinstance(info.default, (bool, int)):
            entry["default"] = info.default
        result.append(entry)
    return result


def collection_config(site: Site, name: str) -> dict[str, Any]:
    collection = COLLECTIONS[name]
    form = _fields(site, collection.model, collection_fields(name))
    form.append({"name": "body", "label": "Brödtext", "widget": "markdown", "required": False,
                 "hint": "Sidans text i Markdown. Bilder läggs i docs/bilder/ och behöver alt-text.",
                 "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list"],
                 "editor_components": ["image"]})
    return {
        "name": name,
        "label": collection.label[:1].upper() + collection.label[1:],
        "label_singular": COLLECTIONS[name].singular,
        "folder": f"content/{name}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": name not in FIXED,
        # Deleting a published file would be a commit straight to the main branch, past the pull
        # request; a draft (its branch) can still be deleted. Retiring a page goes through a pull
        # request (draft: true, or the file removed on GitHub).
        "delete": False,
        "slug": "{{title}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": ["title"],
        "preview_path": f"{URL_PREFIX.get(name, name)}/{{{{slug}}}}/",
        "fields": form,
    }


def config(site: Site, settings: Settings) -> dict[str, Any]:
    result: dict[str, Any] = {
        "backend": {"name": "github", "repo": settings.repo, "branch": settings.branch,
                    "base_url": settings.auth_url, "auth_endpoint": settings.auth_endpoint,
                    # The repository is public: the sign-in asks GitHub for no more than public_repo.
                    "auth_scope": "public_repo",
                    "commit_messages": {
                        "create": "Nytt i {{collection}}: {{slug}}", "update": "Ändrat i {{collection}}: {{slug}}",
                        "delete": "Borttaget i {{collection}}: {{slug}}", "uploadMedia": "Ny bild: {{path}}",
                        "deleteMedia": "Bild borttagen: {{path}}"}},
        "publish_mode": "editorial_workflow",
        "locale": "sv",
        "logo_url": "../assets/logo.svg",
        "site_url": settings.site_url,
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        # File names follow the slug rule (loader.SLUG_PATTERN): a–z, digits, hyphens; å, ä, ö → a, a, o.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection_config(site, name) for name in COLLECTIONS],
    }
    if settings.local_backend:
        result["local_backend"] = {"url": settings.local_backend}
    return result


def config_yaml(site: Site, settings: Settings) -> str:
    head = ("# Formulärredigerarens inställningar, skapade från utveckla/content/models.py och content/taxonomier.yml\n"
            "# vid varje bygge (utveckla/editor/cms.py). Ändra inte här: ändra modellen.\n")
    return head + yaml.safe_dump(config(site, settings), allow_unicode=True, sort_keys=False, width=10**9)


def policy(settings: Settings) -> str:
    """/admin/'s own Content Security Policy: the CMS's files from the site, the GitHub API and the
    sign-in endpoint; nothing else. Two allowances are the CMS's own needs, here and on no other
    page: it checks config.yml with ajv, which compiles validators with new Function
    ('unsafe-eval'), and it styles itself with inline <style> elements (emotion; 'unsafe-inline'
    for styles). Content never reaches this page: the form shows what the editor types."""
    connect = ["'self'", GITHUB_API, origin(settings.auth_url)]
    if settings.local_backend:
        connect.append(origin(settings.local_backend))
    directives = [
        "default-src 'none'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        f"connect-src {' '.join(connect)}",
        "frame-src 'self'",
        "worker-src 'self' blob:",
        "base-uri 'self'",
        "form-action 'none'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


def origin(url: str) -> str:
    match = re.match(r"^(https?://[^/]+)", url)
    if not match:
        raise ValueError(url)
    return match.group(1)


def admin_html(settings: Settings) -> str:
    return f"""<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy(settings)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="description" content="Formulär där redaktörerna ändrar webbplatsens innehåll; varje ändring blir en pull request.">
<title>Redigera innehållet – Utveckla Västernorrland</title>
<link rel="icon" href="../assets/favicon.svg">
<link rel="stylesheet" href="admin.css">
</head>
<body>
<noscript>Formulärredigeraren behöver JavaScript. Du kan också ändra filerna i content/ direkt på GitHub.</noscript>
<script src="../{BUNDLE}"></script>
<script src="admin.js"></script>
</body>
</html>
"""


def setup_script(preview_styles: list[str]) -> str:
    """admin.js: Swedish for the phrases the CMS's locale lacks, and the preview: the site's own CSS (the theme's and site.css) on the page's
    heading, summary and body, laid out as on the site (Material's md-typeset); notes and
    other fields that are never published stay out of it."""
    registered = "\n".join(f"  CMS.registerPreviewStyle({json.dumps('../' + style)});" for style in preview_styles)
    return f"""// Skapad av utveckla/editor/cms.py: förhandsvisningen använder webbplatsens egen CSS.
(function () {{
  var CMS = window.CMS, h = window.h;
{registered}
  function fill(target, extra) {{
    Object.keys(extra).forEach(function (key) {{
      if (typeof extra[key] === "object") {{ target[key] = target[key] || {{}}; fill(target[key], extra[key]); }}
      else if (!(key in target)) {{ target[key] = extra[key]; }}
    }});
  }}
  fill(CMS.getLocale("sv"), {json.dumps(SWEDISH_GAPS, ensure_ascii=False)});
  function Preview(props) {{
    var data = props.entry.get("data");
    return h("div", {{className: "md-main"}}, h("div", {{className: "md-content"}},
      h("article", {{className: "md-content__inner md-typeset"}},
        h("h1", null, data.get("title")),
        h("p", {{className: "uv-lead"}}, data.get("summary")),
        props.widgetFor("body"))));
  }}
  {json.dumps(list(COLLECTIONS))}.forEach(function (name) {{ CMS.registerPreviewTemplate(name, Preview); }});
}})();
"""


def labels_missing() -> list[str]:
    """Field names of the models that have no Swedish label (a test wants none)."""
    missing = set()

    def walk(docs):
        for doc in docs:
            if doc.name not in LABELS:
                missing.add(doc.name)
            walk(doc.children)

    for name in COLLECTIONS:
        walk(collection_fields(name))
    return sorted(missing)
