"""Gold in BRAT standoff: spans, events, relations, several annotators and broken files."""

from __future__ import annotations

import pytest

from biaskit.validation.brat import AnnError, load_brat, read_ann
from biaskit.validation.evaluate import read_gold

ARTICLE = ('Mayor Lena Marsh said the bridge would reopen in May.\n\n'
           'The council, a spokesman added, had "no plans to\nraise fares."\n\n'
           'The ferry is safe, it was announced on Monday.\n')


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def t_line(tid: str, kind: str, *pieces: tuple[int, int], text: str = ARTICLE) -> str:
    """A brat span line; its text runs on to the next line where the span holds a newline."""
    ranges = ";".join(f"{a} {b}" for a, b in pieces)
    return f"{tid}\t{kind} {ranges}\t{' '.join(text[a:b] for a, b in pieces)}"


def marsh_lines() -> list[str]:
    """Three attributions: a plain one, one whose content is two fragments (the second running
    over a line break), and one with no source."""
    council = span(ARTICLE, "The council")
    rest = span(ARTICLE, 'had "no plans to\nraise fares."')
    return [
        t_line("T1", "Source", span(ARTICLE, "Mayor Lena Marsh")),
        t_line("T2", "Cue", span(ARTICLE, "said")),
        t_line("T3", "Content", span(ARTICLE, "the bridge would reopen in May")),
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        t_line("T4", "Source", span(ARTICLE, "a spokesman")),
        t_line("T5", "Cue", span(ARTICLE, "added")),
        t_line("T6", "Content", council, rest),
        "E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6",
        t_line("T7", "Cue", span(ARTICLE, "was announced")),
        t_line("T8", "Content", span(ARTICLE, "The ferry is safe")),
        "E3\tAttribution-no-source:T7 Content:T8 Cue:T7",
        "#1\tAnnotatorNotes T8\tpassive, no agent",
    ]


def ann_text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def test_span_text_running_on_to_the_next_line_is_read_as_one_span():
    lines = ann_text(marsh_lines()).split("\n")
    assert any(line == 'raise fares."' for line in lines)  # the span's text broke the line
    statements, warnings = read_ann(lines, ARTICLE)
    assert warnings == []
    assert len(statements) == 3


def test_discontinuous_content_keeps_both_fragments():
    statements, _ = read_ann(ann_text(marsh_lines()).split("\n"), ARTICLE)
    council = statements[1]
    assert [ARTICLE[a:b] for a, b in council["segments"]] == [
        "The council", 'had "no plans to\nraise fares."']
    assert [ARTICLE[a:b] for a, b in council["source_segments"]] == ["a spokesman"]


def test_an_attribution_without_source_is_kept_with_an_empty_speaker(write):
    write("brief.ann", ann_text(marsh_lines()))
    gold = load_brat(write("brief.txt", ARTICLE).parent)
    ferry = gold.frame[gold.frame["content"] == "The ferry is safe"].iloc[0]
    assert ferry["speaker"] == ""
    assert ferry["cue"] == "was announced"
    assert gold.problems == []


def test_plain_brat_layout_reads_name_txt_beside_name_ann(write):
    folder = write("brief.txt", ARTICLE).parent
    write("brief.ann", ann_text(marsh_lines()))
    gold = load_brat(folder)
    assert list(gold.texts) == ["brief"]
    assert gold.frame["annotator"].unique().tolist() == [""]
    assert gold.frame["speaker"].tolist() == ["Mayor Lena Marsh", "a spokesman", ""]


def test_polnear_layout_reads_the_first_annotator_by_name_and_says_so(write, tmp_path):
    write("data/dev/text/metro_2016-01-02_bridge.txt", ARTICLE)
    write("data/dev/attributions/metro_2016-01-02_bridge_b7.ann", ann_text(marsh_lines()[:4]))
    write("data/dev/attributions/metro_2016-01-02_bridge_a1.ann", ann_text(marsh_lines()))
    gold = read_gold(tmp_path / "data" / "dev" / "attributions")
    assert gold.frame["annotator"].unique().tolist() == ["a1"]
    assert len(gold.frame) == 3
    assert any("the first by name is read" in note and "_b7.ann is not" in note
               for note in gold.notes)


def test_outlets_come_from_polnear_metadata(write, tmp_path):
    write("data/dev/text/metro_2016-01-02_bridge.txt", ARTICLE)
    write("data/dev/attributions/metro_2016-01-02_bridge_a1.ann", ann_text(marsh_lines()))
    write("data/metadata.tsv", "compartment\tfilename\tpublisher\n"
                               "dev\tmetro_2016-01-02_bridge\tMetro Daily\n")
    gold = read_gold(tmp_path / "data" / "dev" / "attributions")
    assert gold.outlets == {"metro_2016-01-02_bridge": "Metro Daily"}


def test_a_malformed_line_is_a_problem_naming_file_and_line_and_other_files_are_read(write):
    folder = write("good.txt", ARTICLE).parent
    write("good.ann", ann_text(marsh_lines()))
    write("bad.txt", ARTICLE)
    write("bad.ann", "T1\tSource 6 16\tLena Marsh\nT2\tCue six ten\tsaid\n")
    gold = load_brat(folder)
    assert list(gold.texts) == ["good"]
    assert len(gold.frame) == 3
    [problem] = gold.problems
    assert problem.path.endswith("bad.ann") and problem.location == "line 2"
    assert problem.severity == "error"
    assert "T1<TAB>Type START END" in problem.message


@pytest.mark.parametrize("line, message", [
    ("T1\tSource 6 9000\tLena", "outside the .txt"),
    ("T1\tSource 0 4\tLena", "but the .txt has 'Mayo'"),
    ("E1\tAttribution:T9 Content:T9", "is not a span of this file"),
    ("E1\tAttribution:T1 Content T1", "is not ROLE:ID"),
    ("just words", "not a brat annotation line"),
])
def test_each_kind_of_bad_line_says_what_is_wrong(line, message):
    with pytest.raises(AnnError, match=message) as caught:
        read_ann(["", line], ARTICLE)
    assert caught.value.line == 2


def test_an_event_without_content_is_left_out_with_a_warning():
    lines = [t_line("T1", "Cue", span(ARTICLE, "said")), "E1\tAttribution:T1 Cue:T1"]
    statements, warnings = read_ann(lines, ARTICLE)
    assert statements == []
    assert warnings == ["line 2: E1 has no Content span, so it is left out"]


def test_relation_style_export_joins_content_cue_and_source():
    lines = [t_line("T1", "source", span(ARTICLE, "Mayor Lena Marsh")),
             t_line("T2", "cue", span(ARTICLE, "said")),
             t_line("T3", "content", span(ARTICLE, "the bridge would reopen in May")),
             "R1\tSpeaker Arg1:T2 Arg2:T1\t",
             "R2\tMessage Arg1:T2 Arg2:T3\t"]
    [statement], warnings = read_ann(lines, ARTICLE)
    assert warnings == []
    assert [ARTICLE[a:b] for a, b in statement["source_segments"]] == ["Mayor Lena Marsh"]
    assert [ARTICLE[a:b] for a, b in statement["cue_segments"]] == ["said"]


def test_a_stance_attribute_on_the_event_becomes_the_statement_stance():
    lines = [*marsh_lines()[:4], "A1\tStance E1 neutral"]
    [statement], _ = read_ann(lines, ARTICLE)
    assert statement["stance"] == "neutral"


def test_a_folder_without_ann_files_is_a_clear_error(tmp_path):
    from biaskit.errors import InputError

    with pytest.raises(InputError, match="no .ann file in this folder"):
        read_gold(tmp_path)


def test_an_ann_file_without_its_text_is_a_problem_and_the_others_are_read(write):
    folder = write("brief.txt", ARTICLE).parent
    write("brief.ann", ann_text(marsh_lines()))
    write("lost.ann", ann_text(marsh_lines()))
    gold = load_brat(folder)
    assert list(gold.texts) == ["brief"]
    [problem] = gold.problems
    assert problem.path.endswith("lost.ann") and "no .txt for this .ann file" in problem.message
