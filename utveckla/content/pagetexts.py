"""content/sidor.yml: the listing pages' titles, descriptions and intros, which editors reword.

    stod:
      title: Stöd och finansiering
      summary: Bidrag, lån, rådgivning och nätverk för företag i Västernorrland …
      intro: Här finns stöd och finansiering för företag i Västernorrland …

Every listing page must be in the file with all three texts, so that no page is ever
published without a title or description: a missing page, a missing text or an unknown page
is an error, as is a missing file. Each page is checked by the model (models.PageText), so
its limits are an item's and its messages name file, line and field like any content file.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from . import models
from .collections import Collection
from .diagnostics import Diagnostic, field_label
from .loader import RawItem, read_yaml_file

PAGE_TEXTS_FILE = "content/sidor.yml"
CODE = "sidtexter"
# The listing pages, by their key in the file (pages.py reads each page's texts by its key).
LISTING_PAGES = ("stod", "aktorer", "kommuner", "kalender", "kalender-arkiv", "investeringar", "aktuellt",
                 "resultat", "oppna-data", "en-investments")
FIX = ("skriv en grupp per sida, med sidans namn följt av kolon och under den title, summary och intro "
       "indragna två mellanslag (se exemplet i redaktörsguiden)")
PAGE_TEXTS = Collection("sidor", "sidtexterna i sidor.yml", models.PageText, singular="sida")


def load_page_texts(root: Path, validate_item, diagnostics: list[Diagnostic]) -> dict[str, models.PageText]:
    """Each listing page's texts by its key; every problem goes to diagnostics with its field as
    page.field. (validate_item is validate.py's, passed in, so this module does not import it.)"""
    path = root / PAGE_TEXTS_FILE
    if not path.exists() and not path.is_symlink():
        diagnostics.append(Diagnostic(PAGE_TEXTS_FILE, 1, "fil", CODE, "filen med sidornas rubriker och ingresser saknas",
                                      f"återställ {PAGE_TEXTS_FILE} från git"))
        return {}
    located = read_yaml_file(root, PAGE_TEXTS_FILE, FIX, diagnostics)
    if located is None:
        return {}
    data = located.value
    if not isinstance(data, dict):
        diagnostics.append(Diagnostic(PAGE_TEXTS_FILE, 1, "fil", CODE, "filen ska ha en grupp per sida", FIX))
        return {}
    for key_path, line in located.duplicate_keys:
        diagnostics.append(Diagnostic(PAGE_TEXTS_FILE, line, field_label(key_path), "dubbelt-falt",
                                      "samma namn står två gånger, och bara det sista skulle gälla",
                                      "ta bort den ena så att varje sida och text står en gång"))
    texts = {}
    for key, value in data.items():
        line = located.lines.get((key,), 1)
        if key not in LISTING_PAGES:
            guess = difflib.get_close_matches(str(key), LISTING_PAGES, n=1, cutoff=0.6)
            start = f"menade du {guess[0]}? Rätta namnet" if guess else "rätta namnet eller ta bort gruppen"
            diagnostics.append(Diagnostic(PAGE_TEXTS_FILE, line, str(key), CODE, f"sidan ”{key}” finns inte",
                                          f"{start}; sidorna heter: {', '.join(LISTING_PAGES)}"))
            continue
        if not isinstance(value, dict):
            diagnostics.append(Diagnostic(PAGE_TEXTS_FILE, line, str(key), CODE,
                                          "sidan ska vara en grupp med title, summary och intro", FIX))
            continue
        lines = {path[1:]: number for path, number in located.lines.items() if path[:1] == (key,)}
        found: list[Diagnostic] = []
        text = validate_item(RawItem("sidor", key, PAGE_TEXTS_FILE, value, lines, "", line), PAGE_TEXTS, found)
        # A missing text has no line of its own (line 1): it is reported on its page's line.
        diagnostics.extend(replace(d, field=key if d.field == "fil" else f"{key}.{d.field}", line=max(d.line, line))
                           for d in found)
        if text is not None:
            texts[key] = text
    for key in LISTING_PAGES:
        if key not in data:
            diagnostics.append(Diagnostic(PAGE_TEXTS_FILE, 1, key, CODE, f"texterna för sidan ”{key}” saknas",
                                          f"lägg till en grupp {key}: med title, summary och intro"))
    return texts
