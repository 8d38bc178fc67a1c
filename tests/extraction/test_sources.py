"""Original sources: speech, interview, social media, letter, essay, article, official statement."""

from __future__ import annotations

from .helpers import extract_feature, find


def test_sources_feature_article() -> None:
    result = extract_feature("sources.txt")

    def source(fragment: str) -> tuple[str, str, str]:
        found = find(result, fragment).source
        assert found is not None, fragment
        return found.kind, found.title, found.publisher

    assert source("win this election") == ("speech", "remarks at a rally", "")
    assert source("out of touch") == ("interview", "CNN interview", "CNN")
    assert source("do not lie") == ("interview", "Reuters interview", "Reuters")
    assert source("Inflation is falling")[0::2] == ("social_media", "X")
    assert source("forecast is unchanged")[0] == "official_statement"
    assert source("federal help")[0] == "letter"
    assert source("changed work forever") == ("essay", "The New Normal", "")
    # Carried forward to a later statement by the same speaker.
    assert find(result, "saw this coming").source == find(result, "win this election").source


def test_statements_from_one_source_share_a_key() -> None:
    result = extract_feature("cue_orders.txt")
    assert find(result, "Shameful day").source.kind == "social_media"  # type: ignore[union-attr]
    assert find(result, "Shameful day").source.publisher == "Twitter"  # type: ignore[union-attr]
    op_ed = find(result, "mistakes austerity").source
    assert op_ed is not None and (op_ed.kind, op_ed.publisher) == ("article", "Guardian")
    assert find(result, "budget is balanced").source is None


def test_seed_sources() -> None:
    from tracker.extraction import extract_article

    from .helpers import SEED_GOLD, read

    result = extract_article(read(SEED_GOLD / "000_4562f5bd9218622e.txt"))
    by_paragraph = {s.paragraph: s.source for s in result.statements}
    assert by_paragraph[1] is not None and by_paragraph[1].kind == "speech"
    assert by_paragraph[1] == by_paragraph[2] == by_paragraph[5]
    assert by_paragraph[7] is not None and (by_paragraph[7].kind, by_paragraph[7].publisher) == (
        "article",
        "Bloomberg",
    )
    assert by_paragraph[8] == by_paragraph[7]
    assert by_paragraph[9] is not None and by_paragraph[9].kind == "interview"
    assert by_paragraph[10] is not None and (by_paragraph[10].kind, by_paragraph[10].publisher) == (
        "social_media",
        "Twitter",
    )
    assert by_paragraph[12] is not None and by_paragraph[12].kind == "letter"
    assert by_paragraph[14] == by_paragraph[12]
    assert by_paragraph[17] is None
    essay = by_paragraph[18]
    assert essay is not None and essay.kind == "essay"
    assert essay.title.startswith("United States Aid to Ukraine")
    assert by_paragraph[19] == essay
    assert len({s.source.key for s in result.statements if s.source}) == 7
