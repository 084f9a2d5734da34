"""Codebooks: the documented YAML format loads, and every mistake gets a message with the fix."""

from __future__ import annotations

import textwrap

import pytest
from conftest import CODEBOOK

from biaskit import Codebook, InputError, load_codebook

VALID = """\
name: Test book
sides:
  russia:
    label: Russian officials
    actors:
      bondarev:
        label: Viktor Bondarev
        aliases: [Bondarev, Senior Russian military official]
  amnesty:
    label: Amnesty International
    actors:
      amnesty:
        aliases: [Amnesty International, Amnesty]
claims:
  no_civilian_targets:
    side: russia
    statement: Russian air strikes have not hit civilian targets.
    cues: ["never hit civilian targets", "not targeting civilian"]
"""


def load_text(write, text: str):
    return load_codebook(write("book.yaml", textwrap.dedent(text)))


def test_valid_codebook_loads_sides_actors_aliases_and_claims(write):
    book = load_text(write, VALID)
    assert book.name == "Test book"
    assert list(book.sides) == ["russia", "amnesty"]
    assert book.sides["russia"].label == "Russian officials"
    assert book.sides["russia"].actors == ("bondarev",)
    bondarev = book.actors["bondarev"]
    assert bondarev.side == "russia"
    assert bondarev.aliases == ("Viktor Bondarev", "Bondarev", "Senior Russian military official")
    assert book.actors["amnesty"].label == "Amnesty International"  # first alias by default
    claim = book.claims["no_civilian_targets"]
    assert (claim.side, claim.cues) == ("russia", ("never hit civilian targets",
                                                   "not targeting civilian"))


def test_actor_lookup_ignores_case_spacing_and_apostrophe_style(write):
    book = load_text(write, VALID)
    assert book.actor_for("senior  russian MILITARY official").actor_id == "bondarev"
    assert book.actor_for("AMNESTY").side == "amnesty"
    assert book.actor_for("Kremlin") is None


def test_codebook_tables_have_one_row_per_alias_and_per_cue(write):
    book = load_text(write, VALID)
    actors = book.actors_frame()
    assert list(actors.columns) == ["side", "side_label", "actor", "actor_label", "alias"]
    assert actors["alias"].tolist() == ["Viktor Bondarev", "Bondarev",
                                        "Senior Russian military official",
                                        "Amnesty International", "Amnesty"]
    assert book.claims_frame()["cue"].tolist() == ["never hit civilian targets",
                                                    "not targeting civilian"]


@pytest.mark.parametrize("edit, message", [
    (("        aliases: [Bondarev,", "        alias: [Bondarev,"),
     r"line 8 \(sides\.russia\.actors\.bondarev\.alias\): unknown key 'alias' in actor "
     r"'bondarev'\. Did you mean 'aliases'\? Allowed keys: label, description, aliases"),
    (("claims:", "claimz:"),
     r"line 14 \(claimz\): unknown key 'claimz' in the codebook\. Did you mean 'claims'\?"),
    (("    side: russia", "    side: rusia"),
     r"line 16 \(claims\.no_civilian_targets\.side\): claim 'no_civilian_targets' names "
     r"unknown side 'rusia'\. Use one of the sides: russia, amnesty"),
    (("aliases: [Amnesty International, Amnesty]", "aliases: [Amnesty International, Bondarev]"),
     r"line 13 \(sides\.amnesty\.actors\.amnesty\.aliases\): alias 'bondarev' is also an alias "
     r"of actor 'bondarev' \(sides\.russia\.actors\.bondarev\)\. An alias must name one actor"),
    (("    cues: [\"never hit civilian targets\", \"not targeting civilian\"]", "    cues: []"),
     r"claim 'no_civilian_targets' has no 'cues'\. List the phrases"),
    (("        aliases: [Bondarev, Senior Russian military official]", "        aliases: Bondarev"),
     r"sides\.russia\.actors\.bondarev\.aliases\): expected a list, got str"),
])
def test_mistakes_name_the_file_line_key_path_and_fix(write, edit, message):
    old, new = edit
    assert old in VALID
    with pytest.raises(InputError, match=message) as error:
        load_text(write, VALID.replace(old, new))
    assert str(error.value).startswith(str(write("book.yaml", "")).rsplit("/", 1)[0])


@pytest.mark.parametrize("text, message", [
    ("sides:\n  russia:\n    label: R\n    actors: {}\n",
     r"line 2 \(sides\.russia\): side 'russia' has no 'actors'\. Add at least one actor"),
    ("sides:\n  russia:\n", r"side 'russia' is empty"),
    ("sides: {}\n", r"book\.yaml, top level: the codebook has no 'sides'"),
    ("- just\n- a list\n", r"the codebook must be a mapping of keys to values, not list"),
    ("", r"the codebook must be a mapping of keys to values, not NoneType"),
    ("sides:\n  1st side:\n    actors: {a: {}}\n", r"side id '1st side' is not a simple name"),
    ("sides:\n  a:\n    actors: {x: {}}\n  b:\n    actors: {x: {}}\n",
     r"actor id 'x' is also used in side 'a'"),
    ("sides:\n  a:\n    actors:\n      x:\n        aliases: [yes, 2016]\n",
     r"item 1 \(True\) is not a non-empty text\. Quote items"),
])
def test_structural_mistakes_are_explained(write, text, message):
    with pytest.raises(InputError, match=message):
        load_text(write, text)


def test_yaml_syntax_errors_give_line_and_column(write):
    broken = VALID.replace("    label: Russian officials", "    label: Russian: officials")
    with pytest.raises(InputError, match=r"book\.yaml, line 4, column 19: YAML syntax error: "
                                         r"mapping values are not allowed here"):
        load_text(write, broken)


def test_yaml_is_loaded_safely_so_python_tags_are_refused(write):
    with pytest.raises(InputError, match="YAML syntax error"):
        load_text(write, "sides: !!python/object/apply:os.system ['echo hacked']\n")


def test_missing_codebook_file_says_so(tmp_path):
    with pytest.raises(InputError, match=r"nothing\.yaml: no such codebook file"):
        load_codebook(tmp_path / "nothing.yaml")


def test_codebook_from_python_data_is_validated_the_same_way():
    with pytest.raises(InputError, match=r"codebook, sides\.a: side 'a' has no 'actors'"):
        Codebook.from_dict({"sides": {"a": {"label": "A"}}})


def test_bundled_codebook_has_the_two_central_claims_and_three_sides():
    book = load_codebook(CODEBOOK)
    assert set(book.sides) == {"russia", "amnesty", "others"}
    assert book.claims["no_civilian_targets"].side == "russia"
    assert book.claims["civilians_killed"].side == "amnesty"
    assert book.actor_for("Viktor Bondarev").side == "russia"
    assert book.actor_for("Amnesty International").side == "amnesty"
