"""pdfplumber's ``Page.process_object`` (one pdfminer layout object as a dict), with its per-attribute work done
only where it changes something.

On a table page pdfplumber spends more time turning pdfminer's characters into dicts than pdfminer spends
reading them: every attribute of every character goes through ``resolve_all`` (a number or a string comes back
as it went in), the colour space's name is decoded character by character, and the object's kind is worked
out with a regular expression. This version gives the same dicts (the same keys in the same order, equal
values) and does that work for the values that need it. :func:`use_fast_objects` installs it on one page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MethodType
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar, LTCurve, LTTextContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes
from pdfplumber.utils import resolve_all, resolve_and_decode

_PLAIN = frozenset({int, float, str, bool, type(None)})


@lru_cache(maxsize=64)
def _kind(name: str) -> str:
    return re.sub(r"^LT", "", name).lower()


@lru_cache(maxsize=256)
def _decoded(name: str):
    return resolve_and_decode(name)


def _plain_tuple(value) -> bool:
    return type(value) is tuple and _PLAIN.issuperset(map(type, value))


def process_object(self, obj) -> dict:
    """As ``pdfplumber.page.Page.process_object`` (pdfplumber 0.11)."""
    attr = {}
    for k, v in obj.__dict__.items():
        if k in ALL_ATTRS:
            attr[k] = v if type(v) in _PLAIN or _plain_tuple(v) else resolve_all(v)

    attr["object_type"] = _kind(type(obj).__name__)
    attr["page_number"] = self.page_number

    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            name = getattr(obj, cs).name
            attr[cs] = _decoded(name) if isinstance(name, str) else resolve_and_decode(name)

    if isinstance(obj, (LTChar, LTTextContainer)):
        text = obj.get_text()
        attr["text"] = normalize_unicode(self.pdf.unicode_norm, text) if self.pdf.unicode_norm is not None else text

    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        attr["pts"] = list(map(self.point2coord, attr["pts"]))
        attr["path"] = [(cmd, *map(self.point2coord, pts)) for cmd, *pts in obj.original_path or ()]
        attr["dash"] = obj.dashing_style

    mb_x0, mb_top = self.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (self.height - attr["y1"]) + mb_top
        attr["bottom"] = (self.height - attr["y0"]) + mb_top
        attr["doctop"] = self.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


def use_fast_objects(page) -> None:
    """Have ``page`` (a pdfplumber Page) build its objects with :func:`process_object`."""
    page.process_object = MethodType(process_object, page)
