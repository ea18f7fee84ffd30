"""Pages whose text does not run left to right across the page, turned into reading orientation.

pdfplumber already applies a page's ``/Rotate``: a landscape table stored on a portrait page
with ``/Rotate 90`` comes out with upright characters. Two cases are left to this module:

* Sideways or upside-down content: the text itself is drawn turned (its characters have a
  rotated text matrix, so pdfplumber marks them ``upright=False``, or, upside down, gives them
  a negative matrix), for example a landscape table printed down a portrait page. The page's
  dominant text direction is found from the characters' matrices, and a derived pdfplumber
  page holds every object (characters, rectangles, lines, curves, images) turned by 90, 180 or
  270 degrees anticlockwise about the page so that the dominant text reads left to right, top
  to bottom (text running down the page is turned 90 degrees, text running up it 270).
  Table finding, word grouping and the borderless layout then work unchanged on it.
* Rounding noise from ``/Rotate``: pdfplumber rotates coordinates in floating point, so a
  horizontal ruling line can end up with its two ends 1e-13 apart, and pdfplumber then calls it
  a vertical edge (``top == bottom`` is its test), losing the table's rows. Ruling lines and
  curve points on such pages are snapped straight.

Pages with upright text and no ``/Rotate`` are returned as they are.
"""

from __future__ import annotations

from collections import Counter

from pdfplumber.page import DerivedPage, Page

# A text direction, and the page turn (degrees anticlockwise) that makes it read left to right.
_TURN_FOR = {"ltr": 0, "ttb": 90, "rtl": 180, "btt": 270}
_MIN_SHARE = 0.5  # the dominant direction must cover more than this share of the characters
_SNAP = 0.01  # coordinates closer than this (points) are the same coordinate


def text_direction(matrix) -> str:
    """Which way a character's baseline runs on the page: 'ltr', 'ttb' (down), 'rtl' or 'btt' (up).

    The matrix is in PDF space (y upwards); its first row is the baseline's direction.
    """
    a, b = matrix[0], matrix[1]
    if abs(a) >= abs(b):
        return "ltr" if a >= 0 else "rtl"
    return "btt" if b > 0 else "ttb"


def page_turn(page) -> int:
    """Degrees anticlockwise to turn ``page`` so that most of its text reads left to right (0, 90, 180, 270)."""
    counts = Counter(text_direction(c["matrix"]) for c in page.chars if c.get("matrix") and c["text"].strip())
    if not counts:
        return 0
    direction, count = counts.most_common(1)[0]
    if count <= _MIN_SHARE * sum(counts.values()):
        return 0
    return _TURN_FOR[direction]


def reading_page(page):
    """``page`` in reading orientation: a derived page turned and straightened as needed, else ``page`` itself."""
    turn = page_turn(page) if page.chars else 0
    if turn == 0 and not page.rotation:
        return page
    return TurnedPage(page, turn)


class TurnedPage(DerivedPage):
    """A pdfplumber page whose objects are turned ``turn`` degrees anticlockwise about the page.

    The page's bounding box becomes (0, 0, width, height) of the turned page. Every object's
    coordinates, text matrix and ``upright`` flag are recomputed, so pdfplumber's own table
    finder and word extractor see ordinary left-to-right text.
    """

    def __init__(self, parent_page: Page, turn: int) -> None:
        if turn not in (0, 90, 180, 270):
            raise ValueError(f"turn must be 0, 90, 180 or 270, not {turn}")
        self.turn = turn
        x0, top, x1, bottom = parent_page.bbox
        self._origin = (x0, top)
        self._size = (x1 - x0, bottom - top)
        width, height = self._size if turn in (0, 180) else self._size[::-1]
        self.bbox = (0, 0, width, height)
        super().__init__(parent_page)

    # The point transform, in pdfplumber's page coordinates (x rightwards, top downwards).
    def _point(self, x: float, top: float) -> tuple[float, float]:
        x, top = x - self._origin[0], top - self._origin[1]
        width, height = self._size
        if self.turn == 90:  # text ran down the page: down becomes rightwards
            return top, width - x
        if self.turn == 180:
            return width - x, height - top
        if self.turn == 270:  # text ran up the page: up becomes rightwards
            return height - top, x
        return x, top

    def _matrix(self, matrix):
        """The text matrix on the turned page (PDF space, y upwards)."""
        a, b, c, d, e, f = matrix
        x, top = self._point(*self.parent_page.point2coord((e, f)))
        e, f = x, self.height - top
        if self.turn == 90:
            return (-b, a, -d, c, e, f)
        if self.turn == 180:
            return (-a, -b, -c, -d, e, f)
        if self.turn == 270:
            return (b, -a, d, -c, e, f)
        return (a, b, c, d, e, f)

    def _object(self, obj: dict) -> dict:
        new = dict(obj)
        if "x0" in obj and "top" in obj:
            corners = [self._point(x, t) for x in (obj["x0"], obj["x1"]) for t in (obj["top"], obj["bottom"])]
            xs = [p[0] for p in corners]
            tops = [p[1] for p in corners]
            new["x0"], new["x1"] = min(xs), max(xs)
            new["top"], new["bottom"] = min(tops), max(tops)
            if obj["object_type"] == "line":
                _straighten(new)
            new["y0"], new["y1"] = self.height - new["bottom"], self.height - new["top"]
            new["width"], new["height"] = new["x1"] - new["x0"], new["bottom"] - new["top"]
            new["doctop"] = self.initial_doctop + new["top"]
        if obj.get("pts"):
            new["pts"] = _snap_points([self._point(*p) for p in obj["pts"]])
        if obj.get("path"):
            new["path"] = [(cmd, *(self._point(*p) for p in pts)) for cmd, *pts in obj["path"]]
        if obj.get("matrix") and len(obj["matrix"]) == 6:
            new["matrix"] = self._matrix(obj["matrix"])
            a, b, c, d = new["matrix"][:4]
            new["upright"] = a * d > 0 and b * c <= 0  # pdfminer's test
            if self.turn in (90, 270) and obj.get("upright") is False and "size" in obj:
                new["size"] = new["height"]  # pdfminer gives a sideways character's advance as its size
        return new

    @property
    def objects(self) -> dict[str, list[dict]]:
        if hasattr(self, "_objects"):
            return self._objects
        self._objects: dict[str, list[dict]] = {
            kind: [self._object(o) for o in objs] for kind, objs in self.parent_page.objects.items()
        }
        return self._objects


def _straighten(obj: dict) -> None:
    """A line whose ends differ by rounding noise in one direction is axis-aligned."""
    if 0 < obj["bottom"] - obj["top"] < _SNAP:
        obj["bottom"] = obj["top"]
    if 0 < obj["x1"] - obj["x0"] < _SNAP:
        obj["x1"] = obj["x0"]


def _snap_points(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Consecutive points whose x (or top) differ by rounding noise get the same x (or top)."""
    out: list[tuple[float, float]] = []
    for x, top in points:
        if out:
            px, ptop = out[-1]
            x = px if abs(x - px) < _SNAP else x
            top = ptop if abs(top - ptop) < _SNAP else top
        out.append((x, top))
    return out
