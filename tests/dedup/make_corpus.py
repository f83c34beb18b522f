"""Write tests/dedup/corpus/synth.jsonl: a labelled synthetic wire for the quality test.

    .venv/bin/python tests/dedup/make_corpus.py [--items 900] [--seed 7]

Each line is {"item": <Item.to_json, empty fields left out>, "label": <Label>}. The
stream is deterministic for a seed (tui/dedup/synth.py), so running this again gives
the same file; change the seed or size only together with the thresholds in
test_corpus.py, which were measured on this file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tui.dedup.synth import generate

OUT = Path(__file__).resolve().parent / "corpus" / "synth.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=900)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for item, label in generate(args.items, args.seed):
            data = {k: v for k, v in item.to_json().items()
                    if v not in ("", [], None, 0) and not (k == "dateline" and not any(v.values()))}
            fh.write(json.dumps({"item": data, "label": label.to_json()}, ensure_ascii=False)
                     + "\n")
    print(f"wrote {args.items} items to {args.out}")


if __name__ == "__main__":
    main()
