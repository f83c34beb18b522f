"""`wiredesk dupes`: every story of two or more items, as JSON data or a text table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tui.dedup.detector import Detector, in_time_order
from tui.dedup.lineage import by_lineage, lineage_why
from tui.dedup.settings import Settings
from tui.model import Item
from tui.textsafe import cell, clean_line

_HEADLINE = 60


def dupes_report(items: Iterable[Item], settings: Settings | None = None) -> dict[str, Any]:
    """Group the items and describe each story of two or more. They are placed in
    `in_time_order`, as the app places a day it loads, so the stories do not depend on
    the order the items are given in.

    Shape: {"items": n, "clusters": [{"id", "lead", "size", "members": [{"id",
    "relation", "score", "why", "to", "lineage", "lineage_why", "source",
    "headline"}]}]}. Ids are `Item.key` (agency id, and version where there is one).
    A member's relation is to `to` (the lead when it links to it, else its nearest
    member); the lead's is "lead". A story is a set of lineages (an agency's repeats,
    versions, corrections): `lineage` is the first item of the member's, and
    `lineage_why` says why that lineage is in the story."""
    detector = Detector(settings)
    by_id: dict[str, Item] = {}
    for item in in_time_order(items):
        if item.key not in by_id:
            by_id[item.key] = item
            detector.add(item)
    clusters = []
    for cluster in detector.clusters(min_size=2):
        members = []
        for m in cluster.members:
            item = by_id[m.id]
            members.append({"id": m.id, "relation": m.relation, "score": m.score,
                            "why": list(m.why), "to": m.to, "lineage": m.lineage,
                            "lineage_why": list(m.joined), "source": item.source,
                            "headline": item.headline})
        clusters.append({"id": cluster.id, "lead": cluster.lead, "size": len(members),
                         "members": members})
    return {"items": len(by_id), "clusters": clusters}


def dupes_table(report: dict[str, Any]) -> str:
    """The report as text for a terminal: one block per story, lead first."""
    clusters = report.get("clusters", [])
    lines = [f"{report.get('items', 0)} items, {len(clusters)} stories with more than "
             f"one item"]
    for cluster in clusters:
        lead = next((m for m in cluster["members"] if m["id"] == cluster["lead"]), None)
        headline = _cut(lead["headline"]) if lead else ""
        lines += ["", f"{cluster['id']}  ({cluster['size']} items)  {headline}"]
        for m in by_lineage(cluster["members"], _fields):
            relation = m["relation"] if m["relation"] == "lead" else \
                f"{m['relation']} {m['score']:>3}"
            first = m.get("lineage", m["id"]) == m["id"]
            relation = relation if first else "└ " + relation
            why = "; ".join([*m["why"],
                             *lineage_why(first, m["relation"], m.get("lineage_why", ()))])
            lines.append(f"  {relation:<17} {_cut(m['source'], 10):<10} {_cut(m['id'], 34):<34}"
                         f"  {_cut(m['headline'])}")
            if why:
                lines.append(f"  {'':<17} {why}")
    return "\n".join(lines)


def _fields(m: dict[str, Any]) -> tuple[str, str, str]:
    return m["id"], m.get("lineage", m["id"]), m["relation"]


def _cut(text: str, width: int = _HEADLINE) -> str:
    # Wire text reaches a terminal here: no control characters, no bidi overrides, one line.
    text = cell(clean_line(text))
    return text if len(text) <= width else text[:width - 1] + "…"
