"""Hand audits of rows drawn at random from the corpus run still score as judged.

Each sheet in ``tests/data/audits/`` is a random sample of a table's rows, judged field by
field against docs/annotation.md (``python -m pipeline.evaluation.audit``). An audit
answers what an analyst meets in the table: the share of rows right in every field. The
floors are the judged figures of the run the sheets were drawn from; a change that makes a
judged row wrong (or stops producing it) lowers the share and fails here. Floors only go up,
with one exception, given with its reason: in the eighth round the first sheet's floor went
from 0.72 to 0.71, because a subject no longer keeps the verb of having (共有[7个]基层党支部
获评… → 基层党支部获评…), which its judge had accepted; the same change put subjects or
keys right on 5 rows of the fourth and fifth sheets and on 9 matched pairs of the gold sets.
In the ninth round (in-sample) the second target sheet's floor went to 0.66 and three
entity sheets' to 0.97, just below that round's figures; in the tenth the first target
sheet's went to 0.72, the second's to 0.67 and the fourth's to 0.50; in the eleventh the
first's to 0.75, the second's to 0.69 and the fourth's to 0.51; in the twelfth the first's to
0.76 and the second's to 0.71. In the twelfth round three judged rows of the second and
fourth sheets and one of the first were brought in line with conventions set after they
were judged (the reckoning words a subject keeps, docs/annotation.md; 裁减军队员额 a measure
of the vocabulary), each with a note in the row. In the thirteenth, twelve indicator keys of
changes by a multiple (增长一点二倍) in the fourth, fifth, sixth and in-sample sheets were
brought in line with the convention set then (a multiple is a relative change and keys like
%, 增长 not 增加: the eighth audit's judge asked for it on four rows, as judges of the second
and fifth sheets had on one row each, while other judges had accepted 增加), each with a
note in the row. In the nineteenth round two rows of the eleventh and thirteenth audits whose
judges had accepted a word of manner in the key (成功化解…, 先后来我国访问) were brought in line
with the written rule (measures.yaml keep_adverbs and manner_words) that judges of four other
sheets had asked for, each with a note in the row; and three rows of the first, sixth and
tenth (c) audits whose judges had accepted a verb of completion inside the subject (…完成改造,
全国完成技术改造投资, 省（区、市）完成…并轨) were brought in line with the written rule
(docs/annotation.md: a bare verb of completion is no part of the subject or key) that judges of
the eighteenth and twentieth audits asked for on four rows. In the twentieth round four rows
whose judges had accepted what the written rules leave out were brought in line the same way,
each with a note in the row: 加快 and 初步 in keys (words of manner; heldout, dev13b: both judges
of the twenty-first audit's development sheet asked for it) and a bare 投资总额 after a count
(dev12b: an attribute after a count is the counted things').

- ``targets_heldout.json`` / ``entities_heldout.json``: 160 target and 100 entity rows of
  the first held-out documents (the seven held-out plans and gov-report 2001, 2003, 2007),
  judged by an annotator who wrote none of the rules. Measured once as held-out (targets
  every field right 0.512); their misses were then studied and fixed, so they are in-sample
  since and their floors follow the later runs.
- ``targets_heldout2.json`` / ``entities_heldout2.json``: 160 target and 100 entity rows
  of gov-report 1998, 2000, 2002 and 2009, set aside before the second round of changes
  (benchmarks/data/heldout2_preregistration.md), drawn from the run of its final commit
  and judged once by annotators who wrote none of the rules (targets every field right
  0.469, entities 0.910); studied since, so in-sample, their floors following later runs.
- ``targets_heldout4.json`` / ``entities_heldout4.json``: 150 target and 100 entity rows
  of gov-report 1978, 1985, 1986 and 1995, registered before the third round's changes,
  drawn from the run of its final commit (733db08) and judged once the same way; studied
  since, so in-sample, their floors following later runs.
- ``targets_heldout5.json`` / ``entities_heldout5.json``: 150 target and 100 entity rows
  of gov-report 1957, 1958 and 1960, registered before the fourth round's changes, drawn
  from the run of its final commit (bdc3af5, seed 2031) and judged once the same way
  (targets every field right 0.247, entities 0.840).
- ``targets_heldout6.json`` / ``entities_heldout6.json``: 150 target and 100 entity rows
  of gov-report 1992, 1993, 1997, 1999, 2005 and 2006 — reports no gold set or audit had
  covered, though earlier rounds' whole-corpus scans saw their output — drawn at the start
  of the twelfth round from the run of its first commit (939ce7e, seed 2033) and judged once
  by annotators who wrote none of the rules, before any change of that round (targets every
  field right 0.700, entities 0.950); studied since, so in-sample.
- ``targets_heldout7.json`` / ``entities_heldout7.json``: 150 target and 100 entity rows
  of the plans of other issuers no audit or targets gold had covered (fujian-zwgk-tasks
  2016/2018, pingtan-gov-report 2017/2020/2021/2024, pingtan-suping-2022,
  pingtan-zwgk-tasks-2018), and ``targets_heldout8.json`` / ``entities_heldout8.json``: 100
  target and 50 entity rows of gov-report 1979–1983; drawn at the start of the thirteenth
  round from the run of its first commit (53f920c, seed 2034) and judged once, blind,
  before any change of that round (targets every field right 0.707 and 0.400, entities
  0.900 and 0.920); studied since, so in-sample, their floors just below that round's end
  (targets 0.800 and 0.560, entities 0.950 counting five rows judged no mention and gone).
- ``targets_heldout9.json`` / ``entities_heldout9.json``: 150 target and 100 entity rows
  of gov-report 1954, 1955, 1956, 1959, 1964, 1975, 1988 and 1994, which no audit or
  targets gold had covered; drawn at the start of the fourteenth round from the run of its
  first commit (4ea915a, seed 2035) and judged once, blind, before any change of that round
  (targets every field right 0.287, entities 0.890); studied since, so in-sample, their
  floors just below that round's end (targets 0.420; entities 1.000 counting the eleven
  rows judged no mention, all gone, three replaced by the span the judges gave).
- ``targets_dev10.json`` / ``entities_dev10.json``: the tenth (development) audit, 150
  target and 100 entity rows no audit had judged, drawn at the start of the sixteenth round
  (50869b0, seed 2036, ``--skip-judged``) from one random half of the plans of other
  issuers, the 大连 plan and the 政府工作报告 since 1978 (the other half is the eleventh,
  held-out audit: benchmarks/data/heldout11_preregistration.md) and judged once, blind,
  before any change of that round (targets every field right 0.700, entities 0.950);
  studied in that round, so in-sample, their floors just below its end (targets 0.79;
  entities 0.97 counting the three rows judged no mention and gone). ``targets_dev10b.json``:
  150 more target rows of the same half (seed 2038), drawn from the run after that round's
  first fixes and judged the same way (every field right 0.713 as drawn); in-sample, floor
  0.78. ``targets_dev10c.json`` / ``entities_dev10c.json``: 150 target and 100 entity rows
  of the same half's plans of other issuers, 大连 plan and reports since 2000 (seed 2039),
  drawn later in that round and judged the same way (targets 0.713, entities 0.820 as
  drawn); in-sample, floors 0.73 and 0.87 (counting six rows judged no mention and gone).
  ``targets_dev10d.json`` / ``entities_dev10d.json``: 150 target and 100 entity rows more of
  the development half (seed 2040), judged the same way (0.673 and 0.940 as drawn);
  in-sample, floors 0.74 and 0.95. In the sixteenth round the development sheets' rows whose
  only fault was a subject without 完成 or 实现 were brought in line with the written rule (a
  bare verb of completion is no part of a subject: the contract's 暖校舍改造, the gold; the
  example docs/annotation.md gave the judges, 完成造林, contradicted it and was corrected),
  each with a note in the row. ``targets_dev10e.json``: 150 target rows more of the
  development half (seed 2041), judged the same way (0.687 as drawn); in-sample, floor 0.70.
- ``targets_heldout11.json`` / ``entities_heldout11.json``: the eleventh (held-out) audit,
  150 target and 100 entity rows no audit had judged, of the other random half of the same
  documents (seed 2037), registered and judged blind at the start of the sixteenth round,
  its sheets unopened until they were scored once at that round's end (targets every field
  right 0.673 at its start and at its end, entities 0.940 at both; see
  benchmarks/data/heldout11_measurement.txt); in-sample from then on, floors just below.
- ``targets_dev12.json`` / ``entities_dev12.json``: the twelfth (development) audit of the
  seventeenth round, 150 target and 100 entity rows no audit had judged, drawn at its start
  (commit 3e0bd5d, seed 2038) from one half of a new random split by document of the same
  modern documents (benchmarks/data/heldout12_preregistration.md) and judged once, blind,
  before any change (targets every field right 0.647, entities 0.970); studied in that round,
  so in-sample, floors just below its end (0.81; entities 0.98). ``targets_dev12b.json``
  (seed 2040) and ``targets_dev12c.json`` / ``entities_dev12c.json`` (seed 2041): 150 target
  (and 100 entity) rows more of the same half, drawn from runs later in that round and judged
  the same way (0.640; 0.713 and 0.930 as drawn); in-sample, floors 0.72, 0.73 and 0.96.
- ``targets_heldout12.json`` / ``entities_heldout12.json``: the thirteenth (held-out) audit,
  150 target and 100 entity rows no audit had judged, of the other half of that split (seed
  2039), registered and judged blind at the start of the seventeenth round, scored once at
  its end (targets every field right 0.673 at its start and at its end, entities 0.940 at
  both; benchmarks/data/heldout12_measurement.txt); in-sample from then on, floors just below.
- ``targets_dev13.json`` / ``entities_dev13.json``: the fourteenth (development) audit of the
  eighteenth round, 150 target and 100 entity rows no audit had judged, drawn at its start
  (commit a01ef52, seed 2040) from one half of a third random split by document
  (benchmarks/data/heldout13_preregistration.md) and judged once, blind, before any change
  (targets every field right 0.793, entities 0.920); studied in that round, so in-sample,
  floors just below its end (0.84; entities 0.92). ``targets_dev13b.json`` (seed 2043): 150
  target rows more of the same half, drawn at commit 7307f0c and judged the same way (0.733
  as drawn, 0.787 at the end); in-sample, floor 0.78.
- ``targets_heldout13.json`` / ``entities_heldout13.json``: the fifteenth (held-out) audit, 150
  target and 100 entity rows no audit had judged, of the other half of that split (seed 2041),
  judged blind at the start of the eighteenth round and scored once at commit 7307f0c
  (targets every field right 0.673 at both ends, entities 0.910 at both;
  benchmarks/data/heldout13_measurement.txt); floors just below.
- ``targets_heldout14.json`` / ``entities_heldout14.json``: the sixteenth (held-out) audit, 150
  target and 100 entity rows more of the held-out half (seed 2042), drawn at commit 7307f0c,
  judged blind and scored once at the round's end (targets every field right 0.720 → 0.733,
  entities 0.910 at both; benchmarks/data/heldout14_measurement.txt); floors at the end.
- ``targets_heldout15.json`` / ``entities_heldout15.json``: the seventeenth (held-out) audit, 150
  target and 100 entity rows more of the held-out half (seed 2044), drawn at commit eee3ddf,
  judged blind and scored once at the session's end (targets every field right 0.667, entities
  0.970; benchmarks/data/heldout15_measurement.txt); floors at the end.
- ``targets_dev16.json`` / ``entities_dev16.json``: the eighteenth (development) audit of the
  nineteenth round, 150 target and 100 entity rows no audit had judged, drawn at its start
  (commit 884fcc6, seed 2045) from the development half of the seed-2040 split
  (benchmarks/data/heldout16_preregistration.md) and judged once, blind, before any change
  (targets every field right 0.780, entities 0.950); studied in that round, so in-sample,
  floors at its end (0.85; entities 0.97 counting the three rows judged no mention and gone).
  ``targets_dev17.json`` (seed 2047): 150 target rows more of the same half, drawn later in
  the round at the code of 63582c6 and judged the same way (0.747 as drawn, 0.827 at the end);
  in-sample, floor 0.82.
- ``targets_heldout16.json`` / ``entities_heldout16.json``: the nineteenth (held-out) audit,
  150 target and 100 entity rows no audit had judged, of the held-out half (seed 2046), judged
  blind at the start of the nineteenth round and scored once at its end (targets every field
  right 0.680 at both ends, entities 0.950 at both; benchmarks/data/heldout16_measurement.txt);
  floors at the end, the target floor lowered once (0.68 → 0.67) when a later change of the
  round made a bare verb of completion leave the subject (docs/annotation.md: 完成投资46亿元 →
  投资) and one row whose judge had accepted it (重灾区已完成投资…占规划总投资的65.5%) no longer
  scores; the sheet is held-out, so that row was not re-judged.
- ``targets_heldout17.json`` / ``entities_heldout17.json``: the twentieth (held-out) audit, 150
  target and 100 entity rows more of the held-out half (seed 2048), drawn at the code of 63582c6
  once the nineteenth had been scored (benchmarks/data/heldout17_preregistration.md), judged
  blind and scored once at the round's end (targets every field right 0.673 at both ends,
  entities 0.980 at both; benchmarks/data/heldout17_measurement.txt); floors at the end.
- ``targets_dev18.json`` / ``entities_dev18.json``: the twenty-first audit's development sheets,
  150 target and 100 entity rows of the development half (seed 2049) no audit had judged, drawn
  at 85b33c2 and judged blind before the twentieth round's changes (targets every field right
  0.807, entities 0.950); a second judge judged the same target rows apart
  (benchmarks/data/agreement/, test below). ``targets_dev19.json`` (seed 2051): 150 target rows
  more of the same half, drawn mid-round at the code of 696e5be and judged the same way (0.760
  as drawn, 0.847 at the end). Studied in that round, so in-sample; floors at its end (0.867 and
  0.847 for the two target sheets).
- ``targets_heldout18.json`` / ``entities_heldout18.json``: the twenty-first (held-out) audit,
  150 target and 100 entity rows of the held-out half (seed 2050) no audit had judged, drawn at
  85b33c2 (benchmarks/data/heldout18_preregistration.md), judged blind and scored once at the
  twentieth round's end (targets every field right 0.727 at both ends, entities 0.970 at both;
  benchmarks/data/heldout18_measurement.txt); floors at the end. The seventeenth audit's target
  floor rose to 0.67 (0.673 at that round's end).
- ``targets_dev20.json``: the twenty-second audit's development sheet, the 82 last target rows of
  the development half no audit had judged (seed 2059), drawn at 7c2cc2c and judged blind before
  the twenty-first round's changes (0.720 as drawn, 0.768 at the end); in-sample, floor at the end.
- ``targets_heldout19.json`` / ``entities_heldout19.json``: the twenty-second (held-out) audit:
  the 3 last target rows of the held-out half no audit had judged and 100 entity rows (seed
  2060), drawn at 7c2cc2c (benchmarks/data/heldout19_preregistration.md), judged blind and scored
  at the twenty-first round's end (targets 1/3 at both ends, entities 0.970 at both;
  benchmarks/data/heldout19_measurement.txt); floors at the end. The six earlier held-out
  draws re-scored then without being opened (626 → 635/900): the floors of heldout13–16 rose to
  just below their end (0.693, 0.747, 0.687, 0.700), and targets_dev16's, dev17's and dev19's
  (0.880, 0.840, 0.853).
- ``entities_heldout21a.json``, ``entities_heldout21b.json``, ``entities_heldout21p.json``: the
  twenty-third (held-out) audit, 200 entity rows of the held-out half no audit had judged (seed
  2070) and 50 more of its PROGRAM rows (seeds 2071, 2072), drawn at 7d8ae8c
  (benchmarks/data/heldout21_preregistration.md), judged blind by three annotators and scored at
  the twenty-fourth round's start and end (benchmarks/data/heldout21_measurement.txt); floors at
  the end. The in-sample sheets the round's changes moved have their floors raised to just below
  their end (targets_heldout5, heldout9, heldout11, dev12b; entities_dev10d, dev16, heldout5).
- ``entities_heldout22p1.json``, ``entities_heldout22p2.json``, ``entities_heldout22r.json``: the
  twenty-fourth (held-out) audit, 100 of the 181 PROGRAM rows of the held-out half no audit had
  judged (seed 2081) and 100 of its other unjudged entity rows (seed 2082), drawn at 3ff277e
  (benchmarks/data/heldout22_preregistration.md), judged blind by three annotators and scored at
  the twenty-fifth round's start and end (benchmarks/data/heldout22_measurement.txt); floors at
  the end. The in-sample target sheets the round's changes moved have their floors raised to just
  below their end (dev10, dev10b, dev10c, dev10d, dev13, dev13b, dev17, dev19, dev20, heldout,
  heldout6, heldout12).
- ``entities_heldout23p1.json``, ``entities_heldout23p2.json``, ``entities_heldout23r.json``: the
  twenty-fifth (held-out) audit, all 77 PROGRAM rows of the held-out half no audit had judged
  (shuffled with seed 2091 into two sheets) and 120 of its other unjudged entity rows (seed 2092),
  drawn at 32a4b7a (benchmarks/data/heldout23_preregistration.md), judged blind by three
  annotators and scored at the twenty-sixth round's start and end
  (benchmarks/data/heldout23_measurement.txt); floors at the end. The in-sample target sheets the
  round's changes moved have their floors raised to just below their end (dev10d, dev10e, dev12c,
  dev17, dev19, heldout4, heldout7, heldout9, heldout11, heldout12).
- ``entities_heldout24g1.json``, ``entities_heldout24g2.json``, ``entities_heldout24r.json``: the
  twenty-sixth (held-out) audit, 140 of the 403 GPE rows of the held-out half no audit had judged
  (seed 2101, two sheets) and 70 of its 340 unjudged ORG and PERSON rows (seed 2102), drawn at
  dbeb0ae (benchmarks/data/heldout24_preregistration.md), judged blind by three annotators and
  scored at the twenty-seventh round's start and end (benchmarks/data/heldout24_measurement.txt);
  floors at the end.
- ``entities_dev24p.json``, ``entities_dev24g.json`` (and ``entities_dev24p2.json``,
  ``entities_dev24g2.json``, 100 more of each drawn after the first rules, seeds 2114 and 2113;
  ``entities_dev24p3.json``, ``entities_dev24g3.json``, 100 and 120 more, seeds 2116 and 2115;
  ``entities_dev24g4.json``, 120 more GPE rows, seed 2117, and ``entities_dev24o.json``, 100 of
  the 702 ORG rows, seed 2118; ``entities_dev24g5.json``, 120 more GPE rows, seed 2119, and
  ``entities_dev24p4.json``, 100 more PROGRAM rows, seed 2120):
  in-sample sheets of the twenty-seventh round,
  100 of the 671 PROGRAM rows (seed 2111) and 100 of the 1,627 GPE rows (seed 2112) of the other
  half's documents no audit had judged, drawn at dbeb0ae with the held-out heldout24 sheets
  (benchmarks/data/heldout24_preregistration.md) and judged the same way; their misses were read
  and the round's entity rules written from them (0.920, 0.900, 0.920, 0.930, 0.883 for dev24g3, 0.933, 0.940, 0.958 and 0.860 as drawn); floors at
  the end. The round's entity rules cost ``entities_heldout15.json`` and ``entities_heldout18.json``
  one judged-right row each (0.97 → 0.96; rows not opened, floors lowered to the end), see
  benchmarks/data/heldout24_measurement.txt for every held-out entity sheet at both ends.
- ``entities_heldout25g1.json``, ``entities_heldout25g2.json``, ``entities_heldout25r.json``: the
  twenty-seventh (held-out) audit, 140 of the 263 GPE rows of the held-out half no audit had
  judged (seed 2201, two sheets) and 70 of its 269 unjudged ORG and PERSON rows (seed 2202), drawn
  at 7cad291 (benchmarks/data/heldout25_preregistration.md), judged blind by three annotators and
  scored at the twenty-eighth round's start and end (benchmarks/data/heldout25_measurement.txt);
  floors at the end.
- ``entities_dev25g.json``, ``entities_dev25g2.json`` (200 of the 1,048 GPE rows, seed 2221),
  ``entities_dev25p.json``, ``entities_dev25p2.json`` (200 of the 269 PROGRAM rows, seed 2222),
  ``entities_dev25o.json`` (100 of the 608 ORG rows, seed 2223), ``entities_dev25p3.json`` (the 69
  PROGRAM rows left), ``targets_dev25.json`` (240 of the 1,593 target rows, seed 2211) and
  ``targets_dev25b.json`` (240 more, seed 2212): in-sample sheets of the twenty-eighth round from
  the other half's documents, rows no audit had judged (the target rows almost all of the 1950s
  reports), judged the same way; their misses were read and the round's rules written from them;
  floors at the end. One judged-right row of ``targets_heldout9.json`` (an old in-sample sheet)
  took the output head its judge had not asked for (原煤增长 → 原煤产量增长, as the conventions and
  two later judges ask): floor 0.47 → 0.46.
- ``entities_heldout26g1.json``, ``entities_heldout26g2.json`` (the 123 GPE rows of the held-out half
  no audit had judged, seed 2301) and ``entities_heldout26r1.json`` … ``r3`` (its 199 unjudged ORG
  and PERSON rows, seed 2302): the twenty-eighth (held-out) audit, drawn at e21f0f5
  (benchmarks/data/heldout26_preregistration.md), judged blind by five annotators and scored at the
  twenty-ninth round's start and end (benchmarks/data/heldout26_measurement.txt); floors at the end.
- ``entities_dev26g.json``, ``entities_dev26g2.json`` (200 of the 848 GPE rows, seed 2321),
  ``entities_dev26o.json`` (100 of the 506 ORG rows, seed 2323), ``entities_dev26pe.json`` (70 of
  the 137 PERSON rows, seed 2324), ``targets_dev26.json`` (160 of the 1,109 target rows, seed 2311)
  and ``targets_dev26b.json`` (160 more, drawn from the round's outputs mid-round, seed 2313):
  in-sample sheets of the twenty-ninth round from the other half's unjudged rows (the target rows
  all of the reports of 1954–1978), judged the same way; their misses were read and the round's
  rules written from them; floors at the end. The round's rules cost ``entities_heldout15.json``
  one judged-right row (0.96 → 0.95) and ``targets_heldout13.json`` one (every field 0.69 → 0.68;
  rows not opened, floors lowered to the end; benchmarks/data/heldout26_measurement.txt).
- ``targets_in_sample.json``: 60 rows of documents the targets rules were tuned on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.audit import agree, score

AUDITS = Path(__file__).parent / "data" / "audits"

# sheet → (mention right, every field right), shares of the judged rows
FLOORS = {
    "targets_heldout.json": (0.99, 0.79),
    "entities_heldout.json": (0.95, 0.97),
    "targets_in_sample.json": (0.95, 0.90),
    "targets_heldout2.json": (0.99, 0.71),
    "entities_heldout2.json": (0.96, 0.97),
    "targets_heldout4.json": (0.97, 0.60),
    "entities_heldout4.json": (0.96, 0.97),
    "targets_heldout5.json": (0.97, 0.31),
    "entities_heldout5.json": (0.99, 0.99),
    "targets_heldout6.json": (0.99, 0.83),
    "entities_heldout6.json": (0.97, 0.97),
    "targets_heldout7.json": (0.99, 0.83),
    "entities_heldout7.json": (0.94, 0.94),
    "targets_heldout8.json": (0.99, 0.67),
    "entities_heldout8.json": (0.91, 0.91),
    "targets_heldout9.json": (0.99, 0.46),
    "entities_heldout9.json": (0.99, 0.99),
    "targets_dev10.json": (0.98, 0.85),
    "targets_dev10b.json": (0.99, 0.85),
    "targets_dev10c.json": (0.99, 0.83),
    "entities_dev10c.json": (0.87, 0.87),
    "targets_dev10d.json": (0.99, 0.82),
    "entities_dev10d.json": (0.98, 0.98),
    "targets_dev10e.json": (0.98, 0.80),
    "targets_heldout11.json": (0.99, 0.78),
    "entities_heldout11.json": (0.93, 0.93),
    "entities_dev10.json": (0.97, 0.97),
    "targets_dev12.json": (0.99, 0.81),
    "targets_dev12b.json": (0.99, 0.79),
    "targets_dev12c.json": (0.99, 0.79),
    "entities_dev12.json": (0.98, 0.98),
    "entities_dev12c.json": (0.96, 0.96),
    "targets_heldout12.json": (0.99, 0.72),
    "entities_heldout12.json": (0.93, 0.93),
    "targets_dev13.json": (0.99, 0.88),
    "entities_dev13.json": (0.92, 0.92),
    "targets_heldout13.json": (0.99, 0.68),
    "entities_heldout13.json": (0.90, 0.90),
    "targets_dev13b.json": (0.99, 0.81),
    "targets_heldout14.json": (0.99, 0.74),
    "entities_heldout14.json": (0.91, 0.91),
    "targets_heldout15.json": (0.99, 0.68),
    "entities_heldout15.json": (0.95, 0.95),
    "targets_dev16.json": (0.99, 0.87),
    "entities_dev16.json": (0.98, 0.98),
    "targets_heldout16.json": (0.99, 0.69),
    "entities_heldout16.json": (0.95, 0.95),
    "targets_dev17.json": (0.99, 0.86),
    "targets_heldout17.json": (0.98, 0.67),
    "entities_heldout17.json": (0.98, 0.98),
    "targets_dev18.json": (0.98, 0.86),
    "entities_dev18.json": (0.96, 0.96),
    "targets_dev19.json": (0.99, 0.87),
    "targets_heldout18.json": (0.99, 0.72),
    "entities_heldout18.json": (0.96, 0.96),
    "targets_dev20.json": (0.99, 0.79),
    "targets_heldout19.json": (0.99, 0.33),
    "entities_heldout19.json": (0.97, 0.97),
    "entities_heldout21a.json": (0.98, 0.98),
    "entities_heldout21b.json": (0.91, 0.91),
    "entities_heldout21p.json": (0.93, 0.93),
    "entities_heldout22p1.json": (0.85, 0.85),
    "entities_heldout22p2.json": (0.93, 0.93),
    "entities_heldout22r.json": (0.94, 0.94),
    "entities_heldout23p1.json": (0.82, 0.82),
    "entities_heldout23p2.json": (0.84, 0.84),
    "entities_heldout23r.json": (0.91, 0.91),
    "entities_dev24p.json": (0.94, 0.94),
    "entities_dev24g.json": (0.96, 0.96),
    "entities_dev24p2.json": (0.93, 0.93),
    "entities_dev24g2.json": (0.97, 0.97),
    "entities_dev24g3.json": (0.94, 0.94),
    "entities_dev24p3.json": (0.96, 0.96),
    "entities_dev24g4.json": (0.97, 0.97),
    "entities_dev24o.json": (0.97, 0.97),
    "entities_dev24g5.json": (0.97, 0.97),
    "entities_dev24p4.json": (0.88, 0.88),
    "entities_heldout24g1.json": (0.90, 0.90),
    "entities_heldout24g2.json": (0.91, 0.91),
    "entities_heldout24r.json": (0.98, 0.98),
    "entities_heldout25g1.json": (0.94, 0.92),
    "entities_heldout25g2.json": (0.98, 0.98),
    "entities_heldout25r.json": (0.98, 0.98),
    "entities_dev25g.json": (0.92, 0.92),
    "entities_dev25g2.json": (0.95, 0.95),
    "entities_dev25o.json": (0.98, 0.98),
    "entities_dev25p.json": (0.92, 0.92),
    "entities_dev25p2.json": (0.79, 0.79),
    "entities_dev25p3.json": (0.88, 0.88),
    "targets_dev25.json": (0.99, 0.45),
    "targets_dev25b.json": (0.99, 0.54),
    "entities_heldout26g1.json": (0.96, 0.96),
    "entities_heldout26g2.json": (0.95, 0.95),
    "entities_heldout26r1.json": (0.97, 0.97),
    "entities_heldout26r2.json": (0.98, 0.98),
    "entities_heldout26r3.json": (1.0, 1.0),
    "entities_dev26g.json": (0.97, 0.97),
    "entities_dev26g2.json": (0.98, 0.97),
    "entities_dev26o.json": (0.99, 0.99),
    "entities_dev26pe.json": (1.0, 1.0),
    "targets_dev26.json": (0.98, 0.48),
    "targets_dev26b.json": (0.99, 0.5),
}


def _sheet(name: str) -> dict:
    return json.loads((AUDITS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_audits_every_row_is_judged(name):
    sheet = _sheet(name)
    assert sheet["judged_by"], f"{name}: no judge named"
    for row in sheet["rows"]:
        assert row["mention_ok"] in (True, False), row
        if row["mention_ok"]:
            assert set(row["fields_ok"]) == set(sheet["fields"]), row
            wrong = {f for f, ok in row["fields_ok"].items() if not ok}
            assert wrong <= set(row["expected"]), f"{name}: a field judged wrong has no right value: {row}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_audits_score_at_least_as_judged(corpus_outputs, name):
    s = score(_sheet(name), corpus_outputs)
    mention_floor, every_field_floor = FLOORS[name]
    # a judged row the run no longer produces counts as wrong, unless it was judged no real
    # mention: then the table has lost an error (北京 of 北京奥运会 no longer a place)
    total = s.judged + s.missing
    mentions, rows = s.mention_right + s.dropped_false, s.every_field_right + s.dropped_false
    assert mentions / total >= mention_floor, f"{name}: {mentions}/{total} mentions right"
    assert rows / total >= every_field_floor, f"{name}: {rows}/{total} rows right"


AGREEMENT = Path(__file__).parent.parent / "benchmarks" / "data" / "agreement"


def test_two_judges_of_the_same_rows_agree_closely():
    """The twenty-first audit's development rows judged twice, blind, by two annotators: the
    audits can tell figures apart only as finely as two judges agree (0.967 when judged)."""
    second = json.loads((AGREEMENT / "targets_dev18_second_judge.json").read_text(encoding="utf-8"))
    a = agree(_sheet("targets_dev18.json"), second)
    assert a.rows == 150
    assert a.every_field / a.rows >= 0.95
    assert abs(a.right[0] - a.right[1]) <= 3


def test_agreement_counts_rows_judged_alike():
    fields = ["subject"]
    row = {"doc_id": "d", "char_start": 0, "got": {"subject": "甲"}}
    first = {"fields": fields, "rows": [{**row, "mention_ok": True, "fields_ok": {"subject": True}}]}
    second = {
        "fields": fields,
        "rows": [{**row, "mention_ok": True, "fields_ok": {"subject": False}, "expected": {"subject": "乙"}}],
    }
    a = agree(first, second)
    assert (a.rows, a.mention, a.every_field, a.right, a.fields["subject"]) == (1, 1, 0, (1, 0), 0)
    with pytest.raises(ValueError):
        agree(first, {"fields": fields, "rows": []})
