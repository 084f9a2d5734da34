"""The attribution forms real news uses, one test each, on sentences written for this project
(fictional people, places and organisations). Each names the form and the module it lives in
under biaskit/attribution/forms/."""

from __future__ import annotations

import pytest
from attribution_cases import body, only

# -- the five sentences a new user found wrong (issue 17) --------------------------------------

def test_spokeswoman_named_in_apposition_is_the_speaker_not_the_content():
    assert only('A spokeswoman, Dana Okafor, described the alliance’s tests as "amateur '
                'sampling with no chain of custody."') == (
        "Dana Okafor", "company", "describe",
        'the alliance’s tests as "amateur sampling with no chain of custody."')


def test_title_then_name_in_apposition_speaks():
    assert only("Its chair, Tomas Brekke, said the alliance stood by its results.") == (
        "Tomas Brekke", "residents", "say", "the alliance stood by its results")


@pytest.mark.parametrize("subject", ["The Varnholt Water Alliance", "The alliance"])
def test_organisation_with_a_descriptor_speaks(subject):
    speaker, side, cue, content = only(
        f"{subject}, a residents' group, says its volunteers collected 40 water samples "
        "in March.")
    assert (side, cue, content) == (
        "residents", "say", "its volunteers collected 40 water samples in March")


def test_end_tag_followed_by_a_participle_keeps_the_content_before_the_tag():
    """The participle is the same speaker's next statement (extractor.py), as PolNeAR
    annotates it; the first content still ends at the tag."""
    rows = body(
        "Kessler Mining Group's Varnholt mine meets every environmental standard, the company "
        "said on Wednesday, rejecting what it called unfounded allegations by a campaign group.")
    assert [(r.speaker, r.side, r.cue, r.content) for r in rows] == [
        ("Kessler Mining Group", "company", "say",
         "Kessler Mining Group's Varnholt mine meets every environmental standard"),
        ("Kessler Mining Group", "company", "reject",
         "what it called unfounded allegations by a campaign group"),
    ]


def test_a_participle_after_a_tag_is_the_same_speakers_next_statement():
    rows = body('"We sealed every sample," Brekke said, adding that the lab had been told.')
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Brekke", "say", "We sealed every sample"),
        ("Brekke", "add", "the lab had been told"),
    ]


# -- quotation conventions (forms/quote_tags.py) ----------------------------------------------

def test_two_apostrophes_are_a_quotation_mark():
    rows = body("''We test every week,'' said Mr. Brekke.")
    assert [(r.speaker, r.mode, r.content) for r in rows] == [
        ("Brekke", "direct", "We test every week")]


def test_three_apostrophes_close_a_quote_inside_a_two_apostrophe_quote():
    # the inner quote's mark, then the outer's two: the tag after them is read
    rows = body("''My job is to say: 'Ms. Kade is one of us,''' Mr. Brekke said of her.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Brekke", "say", "My job is to say: 'Ms. Kade is one of us,'")]


def test_backticks_open_a_quotation():
    rows = body("``The water is safe,'' Ms. Okafor said.")
    assert [(r.speaker, r.mode, r.content) for r in rows] == [
        ("Okafor", "direct", "The water is safe")]



@pytest.mark.parametrize("sentence", [
    "„The water is safe,“ Ms. Okafor said.",  # German: the low mark opens, “ closes
    "„The water is safe,” Ms. Okafor said.",  # Polish and others: ” closes
    "»The water is safe,« Ms. Okafor said.",  # German and Danish guillemets, inward
    "«The water is safe,» Ms. Okafor said.",  # French and Swiss guillemets
])
def test_low_marks_and_guillemets_quote_in_either_direction(sentence):
    # '„...“' was read as a quote left open and a new one opening at '“'
    assert [(r.speaker, r.mode, r.content) for r in body(sentence)] == [
        ("Okafor", "direct", "The water is safe")]

def test_honorific_resolves_to_the_full_name_in_the_article():
    rows = body("Tomas Brekke founded the alliance in 2019.",
                "“We will publish every result,” Mr. Brekke said.")
    assert [(r.speaker, r.actor) for r in rows] == [("Tomas Brekke", "alliance")]


def test_an_honorific_without_a_full_stop_resolves_as_one_with_it():
    # British and Commonwealth style writes 'Mr Brekke', 'Ms Kade', 'Dr Lund'
    rows = body("Tomas Brekke founded the alliance in 2019. Ola Kade joined it later.",
                "“We will publish every result,” Mr Brekke said.",
                "Ms Kade said she agreed, and Dr Ivo Lund said so too.")
    assert [(r.speaker, r.actor) for r in rows] == [
        ("Tomas Brekke", "alliance"), ("Ola Kade", ""), ("Ivo Lund", "")]


def test_a_statement_inside_what_a_closing_tag_reports_is_nested_and_not_counted():
    # read first ('argued' comes before 'said'), then found inside Marsh's content
    rows = body("Ann Kade, a lawyer who has argued cases before the court, will do an excellent "
                "job, Ivo Marsh said.")
    assert [(r.speaker, r.cue) for r in rows] == [("Ivo Marsh", "say")]
    rows = body("The Varn Water Alliance, which supported Kade, spent at least 40,000 on radio "
                "ads in the spring, according to the county clerk.")
    assert [(r.speaker, r.cue) for r in rows] == [("the county clerk", "according to")]
    # no one's statements too: the speaker of the tag is who expects it or to whom it seems so
    rows = body("Ann Kade is expected to win the vote, Ivo Marsh said.",
                "Ann Kade seems to be winning the miners over, according to the Varn Herald.")
    assert [(r.speaker, r.cue) for r in rows] == [("Ivo Marsh", "say"),
                                                  ("Varn Herald", "according to")]


def test_an_opening_phrase_before_the_main_clause_is_no_content_of_a_closing_tag():
    rows = body("Since then, Varn has responded by building a new plant.",
                "In 2019, the alliance launched a drive against changes proposed by the council.",
                "In the end, the plan will fail, Kade said.")
    assert [(r.speaker, r.content) for r in rows] == [("Kade", "In the end, the plan will fail")]


def test_a_relative_clause_with_a_contracted_auxiliary_is_no_apposition_of_a_subject():
    # 'whom he’s alienated' holds a verb: the sentence before the tag is content, not a
    # subject with appositions ('Its chair, Ann Kade, said ...')
    rows = body("Kade also lacks support from his colleagues, whom he’s alienated, said Ola Brenn.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ola Brenn", "Kade also lacks support from his colleagues, whom he’s alienated")]


def test_quote_ending_in_a_question_mark_keeps_its_tag():
    rows = body("“Who checks the checkers?” Okafor said.")
    assert [(r.speaker, r.content) for r in rows] == [("Okafor",
                                                       "Who checks the checkers?")]


def test_tag_with_an_apposition_after_the_quote():
    rows = body("“We found lead,” Mira Talvik, 66, a retired chemist, said.",
                # an age, a town and its state, and a relative clause: four appositions
                "“They scare me,” Ivo Brekke, 30, of Lund, Vt., who was one of the people "
                "surveyed, said in a later interview.",
                "“We are moving,” Ada Holm, the deputy for housing, refugees, and migration, "
                "said on the call.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Mira Talvik", "We found lead"), ("Ivo Brekke", "They scare me"),
        ("Ada Holm", "We are moving")]


def test_dash_signature_attributes_the_quote_to_the_signer():
    rows = body("“Clean water is not a favour.” ― Mira Talvik")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Mira Talvik", "―", "Clean water is not a favour")]


def test_quote_after_the_tag_in_the_same_paragraph_is_one_statement():
    rows = body("“We sampled forty wells,” Brekke said. “Every one was above the limit.”")
    assert len(rows) == 1 and rows[0].mode == "direct"
    assert rows[0].content.endswith("Every one was above the limit")


# -- speakers that come first (forms/speaker_first.py) ----------------------------------------

def test_parliamentary_title_with_party_and_state():
    rows = body("Sen. Ilse Marr (D-Vt.) said the permit should be suspended.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ilse Marr", "the permit should be suspended")]


@pytest.mark.parametrize("subject", [
    "Sources", "Many residents", "52 percent of registered voters", "Advisers to Mr. Halden",
    "About half of the farmers"])
def test_unnamed_and_counted_speakers_keep_their_phrase(subject):
    rows = body(f"{subject} say the mine should close.")
    assert [(r.speaker, r.actor, r.content) for r in rows] == [
        (subject, "", "the mine should close")]


def test_second_verb_of_the_same_subject():
    rows = body("In an interview, Okafor visited the wells and said the samples were clean.")
    assert [(r.speaker, r.cue, r.content) for r in rows][-1] == (
        "Okafor", "say", "the samples were clean")


def test_a_noun_after_a_possessive_is_not_the_cue():
    rows = body("The alliance's report, published on Monday, said 40 wells were polluted.")
    assert [(r.cue, r.content) for r in rows] == [("say", "40 wells were polluted")]


def test_passive_and_participle_modifiers_are_not_statements():
    assert body("Talvik was favoured to win the seat.",
                "The groups backed by the company held a rally.") == []


def test_a_verb_after_an_apposition_is_no_participle_modifier_when_that_follows():
    # the report 'published this week,' describes a noun; 'noted that in Oslo,' reports
    rows = body("Lena Vos, a professor of water law, noted that in Oslo, pumps are public.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Lena Vos", "note", "in Oslo, pumps are public")]


# -- transcripts (forms/colons.py) ------------------------------------------------------------

def test_transcript_turns_are_their_speakers_words():
    rows = body("HOST: Is the water safe? Tell us.", "OKAFOR: I think it is. We test it.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Host", ":", "Is the water safe? Tell us"), ("Okafor",
                                                      ":", "I think it is. We test it")]


def test_editors_note_is_not_a_speaker():
    assert body("Editor’s note: this story was updated on Friday.") == []


# -- kinds ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, kind", [
    ("Brekke said the wells were polluted.", "speech"),
    ("Brekke wrote that the wells were polluted.", "writing"),
    ("Brekke believes that the wells are polluted.", "thought"),
    ("A survey by the alliance shows that the wells are polluted.", "evidence"),
])
def test_every_statement_has_a_kind_from_the_lexicon(sentence, kind):
    assert [r.kind for r in body(sentence)] == [kind]


# -- forms found in real news (PolNeAR train), written here with fictional people ----------

@pytest.mark.parametrize("tag", ["spokesman Tomas Brekke said", "chief executive Tomas Brekke said",
                                 "former state senator Tomas Brekke said"])
def test_role_noun_before_a_name_is_part_of_the_speaker(tag):
    """forms/quote_tags.py: '"...," spokesman Tomas Brekke said.'"""
    assert only(f'"The samples were taken properly," {tag}.') == (
        "Tomas Brekke", "residents", "say", "The samples were taken properly")


def test_participle_after_a_closing_quote_is_not_an_inverted_tag():
    """forms/speaker_first.py: 'X led a tour of "the lab," saying ...' (the comma inside
    the quotation marks): the sentence's subject speaks."""
    speaker, side, cue, content = only(
        'Tomas Brekke led a tour of the alliance’s “clean lab,” saying the samples '
        'were sealed on site.')
    assert (speaker, cue, content) == ("Tomas Brekke", "say", "the samples were sealed on site")


@pytest.mark.parametrize("sentence", [
    "The mine faced fierce attacks from residents in March.",
    "Brekke's support for the ban surprised the council.",
    "Support for the ban grew after the spill.",
    "The alliance won contests in two counties.",
])
def test_a_cue_that_is_also_a_noun_reports_nothing_where_a_noun_stands(sentence):
    """extractor.py and cue_use.noun_use: 'attacks', 'support', 'contests' as nouns."""
    assert body(sentence) == []


@pytest.mark.parametrize("sentence, speaker", [
    ("Brekke attacks the company's record on safety.", "Brekke"),
    ("The alliance will support the ban on new wells.", "Varnholt Water Alliance"),
    ("Okafor, the company's lawyer, attacks the alliance's methods.", "Okafor"),
])
def test_the_same_forms_as_verbs_still_report(sentence, speaker):
    rows = body(sentence)
    assert [r.speaker for r in rows] == [speaker]


@pytest.mark.parametrize("sentence, content", [
    ("As Brekke said, the samples were sealed on site.", "the samples were sealed on site"),
    ("The samples were sealed on site, as Brekke said on Monday.",
     "The samples were sealed on site"),
    # the comma inside a closing quote, in either convention
    ('The samples were "sealed on site," as Brekke said in May while touring the mine.',
     'The samples were "sealed on site'),
    ("The samples were ''sealed on site,'' as Brekke said in May while touring the mine.",
     "The samples were ''sealed on site"),
    # examples set off in the subject, and an auxiliary before the cue
    ("As many chemists, including Brekke, have said, the samples were sealed on site.",
     "the samples were sealed on site"),
])
def test_as_with_the_tag(sentence, content):
    """forms/end_tags.as_tag: 'As X said, ...' and '..., as X said.'"""
    assert only(sentence)[::3] == (
        "many chemists" if sentence.startswith("As many") else "Brekke", content)


def test_a_question_inside_the_quote_is_still_reported():
    """extractor.py: only a question in the narrator's own words reports nobody."""
    assert only('Brekke said, “Who tested the wells? Nobody from the company.”')[::2] == (
        "Brekke", "say")
    assert body("Would Brekke say “no” to the mine?") == []


def test_a_poll_shows_what_follows_without_that():
    """forms/speaker_first.py: evidence verbs after a written source need no 'that'."""
    speaker, side, cue, content = only("The latest county poll showed Brekke leading by ten.")
    assert (speaker, cue, content) == ("The latest county poll", "show", "Brekke leading by ten")


@pytest.mark.parametrize("sentence, speaker", [
    ("Significantly, the judge said the case would go on.", "the judge"),
    ("In August, the budget office said the deficit would grow.", "the budget office"),
    ("Early polls show Brekke ahead.", "Early polls"),
    ("Then Brekke said the case would go on.", "Brekke"),
])
def test_an_opening_adverb_or_month_is_nobody(sentence, speaker):
    """mentions.py and speakers.py: 'Significantly', 'August', 'Then' name no speaker."""
    assert [r.speaker for r in body(sentence)] == [speaker]


def test_a_second_subject_after_a_comma_starts_its_own_statement():
    """extractor._clause_split: 'While one lab says A, another says B'."""
    rows = body("While one lab says the water is safe, another says it is not.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("one lab", "the water is safe"), ("another", "it is not")]


@pytest.mark.parametrize("sentence, speaker", [
    ("Again, those surveyed said the mine was safe.", "those surveyed"),
    ("Water specialists say the tests were sound.", "Water specialists"),
    ("The Varnholt Alliance tested 40 wells and says most are unsafe.", "Varnholt Alliance"),
])
def test_descriptions_of_people_speak(sentence, speaker):
    """phrases.subject, mentions.is_people_phrase and clauses.clause_subject."""
    assert [r.speaker for r in body(sentence)] == [speaker]


def test_an_alias_matches_across_a_non_breaking_space():
    rows = body("Tomas\u00a0Brekke said the samples were sealed.")
    assert [(r.speaker, r.side) for r in rows] == [
        ("Tomas Brekke", "residents")]


@pytest.mark.parametrize("sentence, cue, content", [
    ("The alliance announced it would test every well.", "announce", "it would test every well"),
    ("Okafor called him reckless.", "call", "him reckless"),
    ("Brekke asked the council to close the mine.", "ask", "the council to close the mine"),
])
def test_what_follows_a_cue_without_that(sentence, cue, content):
    """phrases.requirement_met: a pronoun with a finite verb is a clause; 'called' takes an
    object pronoun; 'asked X to' is a request."""
    assert only(sentence)[2:] == (cue, content)


def test_nobody_is_asked_to_be_named():
    rows = body("An official who asked not to be named said the mine was safe.")
    assert [(r.speaker, r.cue) for r in rows] == [
        ("An official", "say")]


def test_told_with_only_an_addressee_reports_nothing():
    """cue_requirements: 'told the Courier.' names whom Kade told, not what."""
    rows = body("The plan would involve Mayor Ada Holm, who told the council.",
                "The memo conflicted with what Brekke told the Courier before his speech.",
                "Brekke told the Courier on Monday that the samples were sealed.")
    assert [(r.speaker, r.content) for r in rows] == [("Brekke", "the samples were sealed")]


def test_told_a_long_addressee_then_that_starts_the_content_after_that():
    """cue_requirements: the people told, however long, are no part of what was said."""
    rows = body("Kade told a packed hall of miners and their families in Brenn last week that "
                "the pit would stay open.")
    assert [(r.speaker, r.content) for r in rows] == [("Kade", "the pit would stay open")]


def test_reported_takes_a_figure_or_an_ing_form_as_a_filer_reports():
    """cue_requirements, requires 'figure': what a filing or the police report."""
    rows = body("Brekke reported raising about $9 million during the month.",
                "Kessler Mining Group reported earnings of $3.10 a share.",
                "Police reported no arrests late Monday.",
                "The report was released on Monday.", "The Courier reported on the flood.")
    assert [(r.cue, r.content) for r in rows] == [
        ("report", "raising about $9 million during the month"),
        ("report", "earnings of $3.10 a share"), ("report", "no arrests late Monday")]


def test_a_cue_closing_an_opening_clause_reports_nothing_after_its_comma():
    """forms/speaker_first: 'When asked whom she supported, X smiled' (the main clause)."""
    assert body("When asked whom she supported, Dana Okafor smiled.") == []


def test_asked_with_an_object_and_a_colon_reports_the_question_after_it():
    """cue_requirements and extractor: the question mark is the asker's, after the colon."""
    rows = body("At the forum on the eve of the final in Brenn, the host Ivo Marsh asked the "
                "candidates one plain question: Which team takes the cup this year, Brenn or Varn?")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "ask", "the candidates one plain question: Which team takes the cup this "
                             "year, Brenn or Varn?")]


def test_a_quoted_question_put_to_someone_and_the_quoted_answer_are_two_statements():
    """forms/questions and forms/quote_tags: the answer's tag reports its own quote."""
    rows = body("Dana Okafor was asked, “Had you known of the leak, would you have told her?” "
                "She answered, “I have no idea.”")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("unnamed questioner", "ask", "Had you known of the leak, would you have told her?"),
        ("Dana Okafor", "answer", "I have no idea")]


def test_a_quote_announced_by_a_verb_and_a_noun_for_what_was_said_is_the_subjects():
    """forms/colons.announced_quotes: the verb need not be a reporting cue."""
    rows = body("Mayor Ada Holm issued the following statement: “Our thoughts are with the "
                "miners.”",
                "Brekke delivered a blunt message to the council: \"Stop the delays.\"",
                "The council then released the following figures: \"40 samples, 3 unsafe.\"")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ada Holm", "statement", "Our thoughts are with the miners"),
        ("Brekke", "message", "Stop the delays")]


def test_an_announced_quote_is_spoken_by_the_speaker_of_the_verb_that_announces_it():
    """forms/colons.announced_quotes: 'tweeted a warning.' was read first, with its speaker."""
    rows = body("On the other side, Sen. Ivo Marsh (R-Varn), a candidate for mayor who has made "
                "the mine his cause, tweeted a warning. \"Varn: Remember the vote in November.\"")
    assert [(r.speaker, r.cue) for r in rows] == [("Ivo Marsh", "tweet"), ("Ivo Marsh", "warning")]
