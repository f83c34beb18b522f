"""Grouping the wire into stories. Never imports textual.

* detector.py: `Detector` (add an item, get its links; stories and clusters), and the
  `Link`, `Member`, `Cluster` it answers with;
* features.py: what is kept of an item; judge.py: the rules that link two items;
  stories.py: placement into stories and the desk's `Overrides`;
* settings.py: every threshold, with why; diff.py: what changed between versions;
* report.py: `dupes_report` / `dupes_table` for `wiredesk dupes`; groups.py: the
  app's `StoryIndex`;
* synth.py (+ synth_text.py and its frames per language, synth_en/de/fr/es.py): a
  labelled synthetic wire; metrics.py: pairwise P/R/F1.
"""
