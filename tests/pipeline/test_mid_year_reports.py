"""A mid-year report (2024年上半年工作总结及下半年工作打算) and a year's review (2023年工作总结)
review their own year: their genre says so, and their review's amounts are that year's
achievements, while a review-and-plan document (2023年工作总结和2024年工作思路) is its plan's
year's, of the plan's genre, and reviews the year before."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.document import process_text
from pipeline.ingest.corpus import DocumentSpec, infer_metadata
from pipeline.ingest.normalise import normalise_with_layout

MID_YEAR = (
    "某区2024年上半年工作总结及下半年工作打算\n一、上半年工作成效\n"
    "上半年，全区地区生产总值增长6.1%，新建学校5所。\n二、存在问题\n投资增长乏力。\n"
    "三、下半年工作打算\n（一）推动产业转型升级。新建5G基站1000个。\n"
)
REVIEW = "某区2023年工作总结\n一、主要工作成效\n全区地区生产总值增长6.1%，新建学校5所。\n二、存在问题\n投资增长乏力。\n"
YEARLY = (
    "某区2023年工作总结和2024年工作思路\n一、2023年工作总结\n全区地区生产总值增长6.1%，新建学校5所。\n"
    "二、2024年工作思路\n（一）推动产业转型升级。新建5G基站1000个。\n"
)


def _targets(raw: str, tmp_path: Path) -> list[tuple[str, str, int]]:
    text, set_apart = normalise_with_layout(raw)
    spec = infer_metadata(DocumentSpec(path=tmp_path / "plan.txt", issuer="某区人民政府", issuer_slug="x"), text)
    rows = process_text(text, spec, [], set_apart)["targets"]
    return [(r["text"], r["kind"], r["period_start"]) for r in rows]


@pytest.mark.parametrize(
    "raw, genre, year",
    [(MID_YEAR, "上半年工作总结", 2024), (REVIEW, "工作总结", 2023), (YEARLY, "工作思路", 2024)],
    ids=["mid-year", "review", "review-and-plan"],
)
def test_the_genre_and_year_of_a_report_read_from_its_title(tmp_path, raw, genre, year):
    spec = infer_metadata(DocumentSpec(path=tmp_path / "plan.txt"), raw)
    assert (spec.genre, spec.year) == (genre, year)


def test_a_mid_year_reports_review_is_of_its_own_year(tmp_path):
    assert _targets(MID_YEAR, tmp_path) == [
        ("6.1%", "achievement", 2024),
        ("5所", "achievement", 2024),
        ("1000个", "target", 2024),
    ]


def test_a_years_review_is_of_its_own_year(tmp_path):
    assert _targets(REVIEW, tmp_path) == [("6.1%", "achievement", 2023), ("5所", "achievement", 2023)]


def test_a_yearly_review_and_plan_still_reviews_the_year_before(tmp_path):
    assert _targets(YEARLY, tmp_path) == [
        ("6.1%", "achievement", 2023),
        ("5所", "achievement", 2023),
        ("1000个", "target", 2024),
    ]
