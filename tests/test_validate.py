"""Validation against human coding: sheets out and in, agreement with known values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import CORPUS

from biaskit import InputError
from biaskit.validation.validate import (
    MACHINE,
    agreement,
    coding_sheet,
    confusion,
    read_coding_sheets,
    sample_documents,
    write_coding_sheet,
)

CODING = CORPUS / "coding"


def long_table(data: dict[str, list], variable: str = "side") -> pd.DataFrame:
    """Coders' codes per unit in the long form read_coding_sheets returns."""
    rows = [{"coder": coder, "doc_id": "d", "sentence_index": unit, "variable": variable,
             "value": value} for coder, values in data.items() for unit, value in
            enumerate(values)]
    return pd.DataFrame(rows)


def test_published_worked_example_gives_its_published_alpha():
    # Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Annenberg School
    # for Communication, Departmental Papers 43, section C ("nominal data, any number of
    # observers, missing data"): 4 observers, 12 units; published nominal alpha = 0.743.
    nan = np.nan
    example = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        "C": [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    }
    coded = long_table({c: [None if v != v else f"c{int(v)}" for v in values]
                        for c, values in example.items()})
    table = agreement(coded, variables=["side"]).set_index("comparison")
    assert table.loc["all coders", "alpha"] == pytest.approx(0.743, abs=0.0005)
    assert table.loc["all coders", "units"] == 11  # unit 12 has one code only


def test_identical_codings_give_alpha_one_and_full_agreement():
    codes = ["russia", "amnesty", "none", "russia", "others", "amnesty"]
    table = agreement(long_table({"a": codes, "b": codes}), variables=["side"])
    row = table[table["comparison"] == "a vs b"].iloc[0]
    assert (row.alpha, row.percent_agreement, row.units) == (1.0, 1.0, 6)


def test_percent_agreement_and_confusion_table():
    coded = long_table({"a": ["x", "x", "y", "y"], "b": ["x", "y", "y", "y"]})
    row = agreement(coded, variables=["side"]).iloc[0]
    assert row.percent_agreement == 0.75
    table = confusion(coded, "side", "a", "b")
    assert table.loc["x", "y"] == 1 and table.loc["y", "y"] == 2


def test_one_category_only_leaves_alpha_undefined():
    row = agreement(long_table({"a": ["x", "x"], "b": ["x", "x"]}), variables=["side"]).iloc[0]
    assert np.isnan(row.alpha) and row.percent_agreement == 1.0


def test_sampling_is_stratified_by_source_and_seeded(corpus):
    one_each = sample_documents(corpus, per_source=1, seed=3)
    assert sorted(d.source for d in one_each) == sorted({d.source for d in corpus})
    assert [d.doc_id for d in one_each] == [d.doc_id for d in
                                            sample_documents(corpus, per_source=1, seed=3)]
    assert len(sample_documents(corpus)) == len(corpus)


def test_corpus_to_sheet_to_agreement_in_three_calls(corpus, codebook, tmp_path):
    sheet = coding_sheet(corpus, codebook, per_source=1, seed=0)
    assert list(sheet.columns[-6:]) == ["coder", "side", "mode", "claim", "stance", "notes"]
    assert sheet["doc_id"].nunique() == 7
    human = sheet.assign(coder="ana", side=sheet["machine_side"], mode=sheet["machine_mode"])
    path = write_coding_sheet(human, tmp_path / "ana.csv", excel=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")       # Excel sees UTF-8
    table = agreement(read_coding_sheets([path], codebook))
    assert set(table["variable"]) == {"side", "mode"}          # claim, stance left blank
    assert (table["alpha"] == 1.0).all()


def test_shipped_sheets_disagree_exactly_where_documented(codebook):
    a = pd.read_csv(CODING / "coder_a.csv", dtype=str, keep_default_na=False)
    b = pd.read_csv(CODING / "coder_b.csv", dtype=str, keep_default_na=False)
    differing = {(a.at[i, "doc_id"], int(a.at[i, "sentence_index"]), v)
                 for v in ("side", "mode", "claim", "stance") for i in a.index
                 if a.at[i, v] != b.at[i, v]}
    documented = pd.read_csv(CODING / "disagreements.csv")
    assert differing == set(zip(documented["doc_id"], documented["sentence_index"],
                                documented["variable"], strict=True))
    coded = read_coding_sheets([CODING / "coder_a.csv", CODING / "coder_b.csv"], codebook)
    table = agreement(coded).set_index(["variable", "comparison"])
    assert 0.9 < table.loc[("side", "coder_a vs coder_b"), "alpha"] < 1.0
    assert table.loc[("side", f"coder_b vs {MACHINE}"), "percent_agreement"] == (
        pytest.approx(118 / 120))


@pytest.mark.parametrize("edit, message", [
    (lambda s: s.drop(columns=["side"]), r"line 1: missing column\(s\): side"),
    (lambda s: s.assign(coder=""), r"the coder column must hold one name"),
    (lambda s: s.assign(side=["russians"] + [""] * (len(s) - 1)),
     r"line 2, column 'side': side code 'russians' is not allowed\. Use one of: amnesty"),
])
def test_bad_sheets_name_the_file_line_and_column(corpus, codebook, tmp_path, edit, message):
    sheet = coding_sheet(corpus, codebook, per_source=1).assign(coder="ana")
    path = write_coding_sheet(edit(sheet), tmp_path / "bad.csv")
    with pytest.raises(InputError, match=message) as error:
        read_coding_sheets([path], codebook)
    assert "bad.csv" in str(error.value)


def test_two_sheets_by_the_same_coder_are_refused(corpus, codebook, tmp_path):
    sheet = coding_sheet(corpus, codebook, per_source=1).assign(coder="ana")
    paths = [write_coding_sheet(sheet, tmp_path / f"{n}.csv") for n in ("one", "two")]
    with pytest.raises(InputError, match="coder name 'ana' is used twice"):
        read_coding_sheets(paths)
