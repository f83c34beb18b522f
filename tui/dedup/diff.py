"""What changed between two versions of a story, as plain data the UI can colour.

Paragraphs are compared first (difflib on the list of paragraphs), then the words
inside each changed paragraph, so a writethru reads as "two paragraphs added, the lede
rewritten" and a correction as "one number changed in paragraph 4".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tui.model import Item

#: two paragraphs in a replaced block are one paragraph changed (not one removed and
#: one added) when this share of their words survive
_SAME_PARAGRAPH = 0.5


@dataclass(frozen=True, slots=True)
class Span:
    """A run of words: "same", "added" (only in the new) or "removed" (only in the old)."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the comparison: "same", "added", "removed" or "changed"."""

    kind: str
    old: str = ""
    new: str = ""
    #: for a changed paragraph: its words in reading order, marked
    spans: tuple[Span, ...] = ()

    @property
    def words_changed(self) -> int:
        return sum(len(span.text.split()) for span in self.spans if span.kind != "same")


@dataclass(frozen=True, slots=True)
class VersionDiff:
    old_id: str
    new_id: str
    headline: Paragraph
    paragraphs: tuple[Paragraph, ...] = field(default=())

    def count(self, kind: str) -> int:
        return sum(1 for p in self.paragraphs if p.kind == kind)

    @property
    def unchanged(self) -> bool:
        return self.headline.kind == "same" and all(p.kind == "same" for p in self.paragraphs)

    def summary(self) -> str:
        """"2 paragraphs added, 1 changed (3 words); new headline" and the like."""
        parts: list[str] = []
        for kind in ("added", "removed", "changed"):
            n = self.count(kind)
            if not n:
                continue
            # The first part names the unit: "2 paragraphs added, 1 changed".
            noun = "" if parts else (" paragraph" if n == 1 else " paragraphs")
            text = f"{n}{noun} {kind}"
            if kind == "changed":
                words = sum(p.words_changed for p in self.paragraphs if p.kind == kind)
                text += f" ({words} word{'' if words == 1 else 's'})"
            parts.append(text)
        text = ", ".join(parts)
        if self.headline.kind != "same":
            text = f"{text}; new headline" if text else "new headline"
        return text or "no change"

    def to_json(self) -> dict[str, object]:
        def one(p: Paragraph) -> dict[str, object]:
            out: dict[str, object] = {"kind": p.kind, "old": p.old, "new": p.new}
            if p.spans:
                out["spans"] = [{"kind": s.kind, "text": s.text} for s in p.spans]
            return out
        return {"old": self.old_id, "new": self.new_id, "summary": self.summary(),
                "headline": one(self.headline), "paragraphs": [one(p) for p in self.paragraphs]}


def diff_items(old: Item, new: Item) -> VersionDiff:
    return VersionDiff(old.id, new.id, _compare(old.headline, new.headline),
                       diff_paragraphs(old.paragraphs, new.paragraphs))


def diff_paragraphs(old: list[str], new: list[str]) -> tuple[Paragraph, ...]:
    # Compare on spacing-normalised text, keep the text as sent for display.
    matcher = SequenceMatcher(None, [_norm(p) for p in old], [_norm(p) for p in new],
                              autojunk=False)
    out: list[Paragraph] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [Paragraph("same", old[i], new[j]) for i, j in zip(range(i1, i2), range(j1, j2),
                                                                     strict=True)]
        elif tag == "delete":
            out += [Paragraph("removed", old=old[i]) for i in range(i1, i2)]
        elif tag == "insert":
            out += [Paragraph("added", new=new[j]) for j in range(j1, j2)]
        else:
            out += _replaced(old[i1:i2], new[j1:j2])
    return tuple(out)


def _replaced(old: list[str], new: list[str]) -> list[Paragraph]:
    """Pair the paragraphs of a replaced block in order when they are still mostly the
    same words (an edited paragraph); the rest were removed or added."""
    out: list[Paragraph] = []
    j = 0
    for paragraph in old:
        match = next((k for k in range(j, len(new))
                      if _similarity(paragraph, new[k]) >= _SAME_PARAGRAPH), None)
        if match is None:
            out.append(Paragraph("removed", old=paragraph))
            continue
        out += [Paragraph("added", new=new[k]) for k in range(j, match)]
        out.append(_compare(paragraph, new[match]))
        j = match + 1
    out += [Paragraph("added", new=new[k]) for k in range(j, len(new))]
    return out


def _compare(old: str, new: str) -> Paragraph:
    if _norm(old) == _norm(new):
        return Paragraph("same", old, new)
    if not old:
        return Paragraph("added", new=new)
    if not new:
        return Paragraph("removed", old=old)
    a, b = old.split(), new.split()
    spans: list[Span] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            _push(spans, "same", a[i1:i2])
        else:
            _push(spans, "removed", a[i1:i2])
            _push(spans, "added", b[j1:j2])
    return Paragraph("changed", old, new, tuple(spans))


def _push(spans: list[Span], kind: str, words: list[str]) -> None:
    if words:
        spans.append(Span(kind, " ".join(words)))


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


def _norm(text: str) -> str:
    return " ".join(text.split())
