"""More attribution forms found in real news (PolNeAR train), each written here with
fictional people: clauses, questions, tags inside and after sentences, speakers and content
edges, and the nouns and complements that report nothing."""

from __future__ import annotations

import pytest
from attribution_cases import body, found, only


def test_a_clause_after_the_cue_is_content_not_an_inverted_speaker():
    # 'said Ann Kade should ...': a modal verb follows, so Kade is not a speaker after the cue.
    assert only("Pia Lund, 49, a retired nurse who now sits on the council, said Ann Kade "
                "should answer for the delays.") == (
        "Pia Lund", "", "say", "Ann Kade should answer for the delays")


def test_a_second_subject_after_a_bare_conjunction_starts_its_own_statement():
    rows = body("Dana Okafor said the mine would reopen next month and Tomas Brekke says the "
                "water is still unsafe.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Dana Okafor", "the mine would reopen next month"),
        ("Tomas Brekke", "the water is still unsafe")]


def test_two_names_joined_by_and_stay_one_nested_subject():
    rows = body("Dana Okafor said the repairs cost more than Pia Lund and Ivo Marsh said they "
                "would.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Dana Okafor", "the repairs cost more than Pia Lund and Ivo Marsh said they would")]


def test_told_after_a_comma_names_the_addressee_not_the_speaker():
    assert only("Tomas Brekke, in the wake of a new survey of the wells, told Radio Varn on Sunday "
                "that the alliance would publish every result.") == (
        "Tomas Brekke", "residents", "tell", "the alliance would publish every result")


def test_a_former_official_splits_the_quote_with_the_tag():
    speaker, _, cue, content = only("“What we found — and what the lab found,” former Water "
                                    "Commissioner Ivo Marsh told Radio Varn in 2012, “is lead.”")
    assert speaker.endswith("Ivo Marsh") and cue == "tell"
    assert content.startswith("What we found") and content.endswith("is lead")


# -- questions (forms/questions.py) ----------------------------------------------------------

@pytest.mark.parametrize("sentence, speaker, content", [
    ("Asked in Varn on Monday whether the mine would close, Dana Okafor gave no answer.",
     "unnamed questioner", "whether the mine would close"),
    ("Asked by Pia Lund if the wells were safe, Tomas Brekke laughed.", "Pia Lund",
     "if the wells were safe"),
    ("When asked at the hearing about the samples, she left the room.", "unnamed questioner",
     "about the samples"),
    ("Dana Okafor was asked about the spill at a news conference.", "unnamed questioner",
     "about the spill at a news conference"),
])
def test_a_question_put_to_someone_is_the_askers_statement(sentence, speaker, content):
    rows = [r for r in body(sentence) if r.cue == "ask"]
    assert [(r.speaker, r.content, r.kind) for r in rows] == [(speaker, content, "speech")]


def test_the_answer_to_a_question_is_a_statement_of_its_own():
    rows = body("Asked whether the mine would close, Dana Okafor said it would not.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("unnamed questioner", "ask", "whether the mine would close"),
        ("Dana Okafor", "say", "it would not")]


def test_a_why_question_still_reports_the_act_it_asks_about():
    # extractor._reported_in_a_question: the question takes the statement as given.
    rows = body("Why did Kade say the wells were dry?",
                "Why was Ivo Marsh so convinced that the pumps had failed?")
    assert [(r.speaker, r.cue) for r in rows] == [("Kade", "say"), ("Ivo Marsh", "convinced that")]


def test_a_did_question_reports_the_act_it_asks_about():
    rows = body("Did Lund refuse to close the mine?", "Does Ivo Marsh know what the vote means?",
                "Did Kade say the levy was fair?")
    assert [(r.speaker, r.cue) for r in rows] == [
        ("Lund", "refuse"), ("Ivo Marsh", "know"), ("Kade", "say")]


def test_a_question_put_to_you_or_us_and_a_plain_question_report_nothing():
    assert body("Do you support Kade?", "Why do we, sitting here in Varn, feel this way?",
                "Would Lund say no to the mine?",
                "If the reasons seem so clear, why has Lund not acted?") == []


def test_a_relative_clause_inside_a_question_reports_as_any_other():
    rows = body("What do you call a mayor who calls himself a miner?",
                "And the mine, which Kade had called a “disaster”?")
    assert [(r.speaker, r.cue) for r in rows] == [("a mayor", "call"), ("Kade", "call")]


def test_a_sentence_opening_with_when_and_ending_in_an_exclamation_mark_is_no_question():
    rows = body("When Ivo Marsh opened by talking about the wells, his critics denounced him!")
    assert [(r.speaker, r.cue) for r in rows] == [
        ("Ivo Marsh", "talk about"), ("his critics", "denounce")]


def test_an_unresolved_pronoun_is_nobodys_antecedent():
    rows = body("She defended the decision. Asked about the wells, he said nothing had changed.")
    assert [r.speaker for r in rows if r.cue == "say"] == ["he"]


@pytest.mark.parametrize("sentence, speaker", [
    ("The wells, Tomas Brekke noted, have been dry since March.", "Tomas Brekke"),
    ("In Varn, Dana Okafor said on Monday, the water is brown.", "Dana Okafor"),
])
def test_a_tag_set_off_by_commas_reports_the_whole_sentence(sentence, speaker):
    rows = body(sentence)
    assert [(r.speaker, r.content) for r in rows] == [(speaker, sentence.rstrip("."))]


def test_a_verb_that_needs_a_clause_takes_a_how_or_why_clause():
    speaker, _, cue, content = only("Dana Okafor explained how the tailings dam had failed.")
    assert (speaker, cue, content) == ("Dana Okafor", "explain", "how the tailings dam had failed")


@pytest.mark.parametrize("sentence, cue, content", [
    ("Pia Lund believes Dana Okafor will resign by June.", "believe",
     "Dana Okafor will resign by June"),
    ("Residents fear the new dam could fail in a flood.", "fear",
     "the new dam could fail in a flood"),
    ("Ivo Marsh hopes Pia Lund and her lawyers do not appeal.", "hope",
     "Pia Lund and her lawyers do not appeal"),
])
def test_a_clause_without_that_after_a_verb_of_thinking(sentence, cue, content):
    rows = body(sentence)
    assert [(r.cue, r.content, r.kind) for r in rows] == [(cue, content, "thought")]


def test_a_noun_object_is_not_a_clause():
    assert body("Pia Lund fears the dark.") == []


@pytest.mark.parametrize("sentence, cue", [
    ("Pia Lund expressed concern that the wells were dry.", "express"),
    ("Ivo Marsh echoed the alliance, saying the tests were sound.", "echo"),
    ("Dana Okafor apologized for the spill.", "apologize"),
    ("Tomas Brekke likened the mine to a wound in the valley.", "liken"),
])
def test_reporting_verbs_found_in_real_news(sentence, cue):
    assert cue in [r.cue for r in body(sentence)]


def test_a_relative_clause_after_a_quote_tag_is_the_same_speakers_statement():
    rows = body("“The wells are dry,” said Pia Lund, a hydrologist at Varn College, who said "
                "the alliance had tested them twice.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Pia Lund", "The wells are dry"), ("Pia Lund", "the alliance had tested them twice")]


def test_a_statement_in_a_relative_clause_ends_with_the_clause():
    rows = body("On Monday, Ivo Marsh, who had previously endorsed the alliance, spoke at the "
                "rally.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "endorse", "the alliance")]


def test_an_adverb_between_speaker_and_cue_is_not_the_speaker():
    rows = body("Ivo Marsh, who originally said the samples were clean, now says they hold "
                "lead.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ivo Marsh", "the samples were clean"), ("Ivo Marsh", "they hold lead")]


def test_called_with_an_object_and_a_noun_phrase_is_a_label():
    rows = body("Tomas Brekke, who has called the company’s owner an obvious fraud, left.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Tomas Brekke", "call", "the company’s owner an obvious fraud")]


def test_called_with_a_lower_case_object_and_a_noun_phrase_is_a_label():
    # 'called climate change a hoax' found nothing: only a determiner or a name opened the
    # object; calls made to people ('called reporters a few times') report nothing
    rows = body("Ola Kade has called climate change a hoax spread by Varn.",
                "Ola Kade called reporters a few times.",
                "Ola Kade called half a dozen directors.",
                "Ola Kade called with an offer.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ola Kade", "call", "climate change a hoax spread by Varn")]


def test_called_with_a_word_in_single_quotes_is_a_label():
    # British and Commonwealth papers quote a word in single marks
    rows = body("Ola Kade called the plan 'reckless'.",
                "Ola Kade called the plan ‘reckless’ and ‘unfair’.",
                "Ola Kade called the plan's author on Monday.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ola Kade", "call", "the plan 'reckless'"),
        ("Ola Kade", "call", "the plan ‘reckless’ and ‘unfair’")]


def test_a_later_cue_that_reports_nothing_does_not_cut_the_statement():
    # 'consider' is a cue, but 'the council must consider repairs' reports no statement.
    sentence = "To win their votes, residents said, the council must consider repairs."
    rows = body(sentence)
    assert [(r.speaker, r.content) for r in rows] == [("residents", sentence.rstrip("."))]


def test_a_cue_form_before_the_noun_it_modifies_is_no_cue():
    rows = body("Alliance press secretary Pia Lund explained that the samples were sealed. "
                "The company released a new attack ad on Monday.")
    assert [(r.speaker, r.cue) for r in rows] == [
        ("Pia Lund", "explain")]


def test_content_never_stops_inside_a_quote_it_opened():
    speaker, _, cue, content = only('Ivo Marsh said the dam "may fail. We warned them twice." '
                                    'He left the hearing.')
    assert content == 'the dam "may fail. We warned them twice'


def test_a_title_case_headline_reports_with_its_capitalised_verb():
    rows = body("Tomas Brekke Says The Wells Have Been Dry Since March.",
                 title="Alliance Warns Of Lead In Varn Water")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Tomas Brekke", "say", "The Wells Have Been Dry Since March")]


def test_a_title_case_headline_verb_that_may_be_a_noun_reports_after_a_name():
    # extractor._headline_verb: 'Praises', 'Calls On', 'Slams' after the name are verbs;
    # 'Kade’s Claim' and 'Putin Remarks' are nouns, and report nothing.
    def headline(title: str) -> list[tuple[str, str, str]]:
        return [(r.speaker, r.cue, r.content) for r in found("The body.", title=title)
                if r.position == "headline"]
    assert headline("Ada Holm Praises Varn Mine Plan") == [
        ("Ada Holm", "praise", "Varn Mine Plan")]
    assert headline("Kade Calls On Lund To Resign") == [("Kade", "call on", "Lund To Resign")]
    assert headline("Ivo Marsh Slams Lund And The Media In One Answer") == [
        ("Ivo Marsh", "slam", "Lund And The Media In One Answer")]
    assert headline("Kade’s Claim That Lund Is Rich Isn’t True") == []
    assert headline("Varn Mayor Kade’s Remarks Draw Fire From Lund") == []


def test_a_party_and_state_after_the_quote_belong_to_the_tag():
    speaker, _, cue, content = only("“We will not sign,” Rep. Pia Lund (D-Varn.) said.")
    assert (speaker, cue, content) == ("Pia Lund", "say", "We will not sign")


def test_a_quote_ending_in_a_nested_question_keeps_its_tag():
    rows = body("“They asked us, ‘What can we do? Who pays?’” Ivo Marsh said.",
                "“The dam will hold,” Dana Okafor told reporters.")
    assert [(r.speaker, r.content[:16]) for r in rows] == [
        ("Ivo Marsh", "They asked us, ‘"), ("Dana Okafor", "The dam will hol")]


@pytest.mark.parametrize("sentence", [
    "The dam will hold through the winter, Dana Okafor told a Varn council panel Wednesday.",
    "The dam will hold through the winter, Dana Okafor told The Varn Courier on Monday.",
])
def test_a_closing_tell_tag_with_its_addressee(sentence):
    assert only(sentence)[0::2] == ("Dana Okafor", "tell")
    assert only(sentence)[3] == "The dam will hold through the winter"


def test_a_participle_after_the_content_ends_it_even_when_it_reports_nothing():
    assert only("Pia Lund said the tests were flawed, adding a page on the lab's record.")[3] == (
        "the tests were flawed")


def test_an_inverted_tag_closes_the_sentence_a_thought_had_opened():
    rows = body("The vote will be close in Varn, a town that she hoped to carry, said Ivo "
                "Marsh, a pollster.")
    said = [r for r in rows if r.cue == "say"]
    assert [(r.speaker, r.content) for r in said] == [
        ("Ivo Marsh", "The vote will be close in Varn, a town that she hoped to carry")]


def test_a_long_relative_clause_after_the_subject_keeps_the_subject_the_speaker():
    speaker, _, cue, content = only(
        "Pia Lund, who worked as a hydrologist for the county in 2008 and on into the drought "
        "years, said tensions among residents in Varn were higher than ever.")
    assert (speaker, content) == (
        "Pia Lund", "tensions among residents in Varn were higher than ever")


def test_even_though_opens_the_clause_before_its_subject():
    rows = body("The alliance was outnumbered, even though a number of residents said they "
                "backed it.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("a number of residents", "they backed it")]


def test_a_participle_set_off_by_commas_describes_the_subject():
    rows = body("The alliance’s report, published this week, said the wells hold lead.")
    assert [(r.cue, r.content) for r in rows] == [
        ("say", "the wells hold lead")]


@pytest.mark.parametrize("sentence, cue", [
    ("Tomas Brekke noted the change in the water’s colour.", "note"),
    ("Dana Okafor announced a new testing plan on Monday.", "announce"),
    ("Ivo Marsh recalled the flood of 2009.", "recall"),
])
def test_verbs_of_saying_report_a_noun_object_too(sentence, cue):
    assert [r.cue for r in body(sentence)] == [cue]


def test_a_statement_in_an_opening_clause_ends_where_the_main_clause_begins():
    rows = body("Though she called the tests “amateur” and called for a new survey, Dana "
                "Okafor stayed silent.")
    assert [(r.cue, r.content) for r in rows] == [
        ("call", "the tests “amateur”"), ("call for", "a new survey")]


@pytest.mark.parametrize("sentence, speaker", [
    ("When Ivo Marsh said the dam was safe, nobody believed him.", "Ivo Marsh"),
    ("“We stay,” my father often said.", "my father"),
])
def test_openings_and_adverbs_around_the_speaker(sentence, speaker):
    assert only(sentence)[0] == speaker


@pytest.mark.parametrize("tag", ["state Sen. Ola Kade said", "federal Judge Ola Kade said",
                                 "former Gov. Ola Kade said"])
def test_a_lower_case_word_before_a_title_opens_the_speakers_name(tag):
    rows = body(f'"We are tying their hands," {tag} about halfway through the debate.')
    assert [(r.speaker, r.content) for r in rows] == [("Ola Kade", "We are tying their hands")]


def test_a_middle_initial_is_part_of_the_name_an_honorific_resolves_to():
    rows = body("Dana R. Okafor, the company's chief, spoke first. Her brother Ivo Okafor "
                "stayed home.", "Ms. Okafor said the mine would reopen.")
    assert [r.speaker for r in rows if r.cue == "say"] == ["Dana R. Okafor"]


def test_a_pronoun_skips_a_two_word_place_name():
    rows = body("Pia Lund moved to Las Vegas in 2010. She said she was thinking of leaving.")
    assert [r.speaker for r in rows if r.cue == "say"] == ["Pia Lund"]


def test_a_description_resolves_to_a_person_not_to_a_place_it_modified():
    rows = body("A Varnholt woman, Pia Lund, stood up at the hearing.",
                "The woman said the water smelled of metal.")
    assert [r.speaker for r in rows if r.cue == "say"] == ["Pia Lund"]


def test_a_participle_after_an_opening_phrase_belongs_to_the_sentences_subject():
    rows = body("At a hearing in Varn, on Monday, Pia Lund tried to explain her vote, saying "
                "that the wells were dry.")
    assert [(r.speaker, r.content) for r in rows if r.cue == "say"] == [
        ("Pia Lund", "the wells were dry")]


@pytest.mark.parametrize("sentence, speaker, content", [
    ("Tomas Brekke on Thursday evening said the wells were dry.", "Tomas Brekke",
     "the wells were dry"),
    ("About four out of 10 residents said the water tasted of metal.",
     "About four out of 10 residents", "the water tasted of metal"),
    ("Dana Okafor responded by saying the mine had done nothing wrong.", "Dana Okafor",
     "the mine had done nothing wrong"),
])
def test_times_counts_and_by_saying(sentence, speaker, content):
    speaker_found, _, _, content_found = only(sentence)
    assert (speaker_found, content_found) == (speaker, content)


def test_a_participle_after_before_is_the_speakers_next_statement():
    rows = body("Pia Lund said the wells were dry before claiming that the mine had "
                "poisoned them.")
    assert [(r.cue, r.content) for r in rows] == [
        ("say", "the wells were dry"), ("claim", "the mine had poisoned them")]


@pytest.mark.parametrize("sentence", [
    "These days, many residents worry about the smell of the water.",
    "Across most of the valley, voters want to close the mine.",
    "Then, last week, Tomas Brekke called.",
])
def test_a_verb_with_its_complement_after_it_closes_no_sentence(sentence):
    rows = body(sentence)
    assert all(not sentence.startswith(r.content) for r in rows), [
        (r.speaker, r.content) for r in rows]


def test_a_verb_joined_to_an_infinitive_reports_nothing():
    rows = body("Dana Okafor said the town needed to come together to rebuild the dam and "
                "defend its water rights.")
    assert [r.cue for r in rows] == ["say"]


def test_a_quoted_title_before_the_tag_is_not_the_content():
    rows = body("On Radio Varn’s “Morning Desk,” Pia Lund said the dam would be closed.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Pia Lund", "the dam would be closed")]


def test_anonymity_and_pledged_delegates_are_no_statements():
    rows = body("An official, who requested anonymity to discuss the talks, said the dam "
                "would close. Dana Okafor has nearly 400 pledged delegates.")
    assert [(r.speaker, r.cue) for r in rows] == [
        ("An official", "say")]


def test_a_time_and_place_before_that_are_not_the_content():
    assert only("Ivo Marsh said Sunday in Varn, Holstria, that the dam would hold.")[3] == (
        "the dam would hold")


@pytest.mark.parametrize("sentence, speakers", [
    ("In March, Pia Lund, the council's chair, proposed closing the mine near Varn.",
     ["Pia Lund"]),
    ("Her rival, Ivo Marsh, would support a later vote.", ["Ivo Marsh"]),
    ("Dana Okafor won four towns, while Ivo Marsh held Varn, allowing her to build a lead.",
     []),
])
def test_a_verb_phrase_after_a_comma_is_no_inverted_tag(sentence, speakers):
    assert [r.speaker for r in body(sentence)] == speakers


def test_a_cue_form_before_a_preposition_is_a_noun():
    rows = body("Dana Okafor sits at 85 percent support among voters in Varn.")
    assert [r for r in rows] == []


def test_a_tag_ending_a_paragraph_with_a_colon_reports_the_next_paragraph():
    rows = body("The Varn Courier reports:", "“The mine will close in May.”",
                "Pia Lund added:", "The wells have been dry since March.")
    assert [(r.speaker, r.content, r.mode) for r in rows] == [
        ("Varn Courier", "The mine will close in May", "direct"),
        ("Pia Lund", "The wells have been dry since March", "indirect")]


def test_a_paragraph_ending_tag_may_follow_an_opening_phrase_or_a_clause():
    # the subject need not open the sentence: an opening phrase, or a clause and 'and',
    # may stand before it
    rows = body("In a speech in 1963, Kade declared:", "“It is fitting that we meet here.”",
                "The Herald printed the claims in May, and the Lund campaign responded:",
                "“If there are errors, we will correct them.”")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "declare", "It is fitting that we meet here"),
        ("the Lund campaign", "respond", "If there are errors, we will correct them")]


@pytest.mark.parametrize("sentence", [
    "On Sunday, the mine reopened, prompting Pia Lund to ask for tests.",
    "Earlier and later the wells ran dry, this and that said.",
])
def test_an_opening_word_alone_is_never_the_speaker(sentence):
    bad = {"On", "On Sunday", "Earlier", "This", "That", "When"}
    assert not [r.speaker for r in body(sentence) if r.speaker in bad]


def test_a_hometown_after_the_name_is_not_the_speaker():
    assert only("Ivo Marsh, 22, of Varn, Holst., said the wells were dry.")[0] == "Ivo Marsh"


def test_a_headline_colon_after_an_addressee_is_the_first_names_words():
    rows = [r for r in found("The wells are dry.", title="Lund to Varn council: Close the mine")
            if r.position == "headline"]
    assert [(r.speaker, r.content) for r in rows] == [("Lund", "Close the mine")]


@pytest.mark.parametrize("sentence, cue, content", [
    ("The company expects to save $2 million by closing the mine.", "expect",
     "to save $2 million by closing the mine"),
    ("Officials expect it to raise water rates next year.", "expect",
     "it to raise water rates next year"),
    # an object with a title, and an infinitive 'to be'
    ("Analysts expect Mr. Kade to be reappointed in May.", "expect",
     "Mr. Kade to be reappointed in May"),
    ("Residents see the dam as a threat to the valley.", "see",
     "the dam as a threat to the valley"),
    ("Pia Lund thinks it's too late for the wells.", "think", "it's too late for the wells"),
    # a subject pronoun opens a clause whatever its verb's tense
    ("I hope he keeps doing it.", "hope", "he keeps doing it"),
    ("Pia Lund knew they lost the vote.", "know", "they lost the vote"),
])
def test_what_a_verb_of_thinking_takes_besides_a_clause(sentence, cue, content):
    rows = body(sentence)
    assert [(r.cue, r.content) for r in rows] == [(cue, content)]


def test_a_place_after_a_prepositional_phrase_is_not_the_speaker_nor_the_phrase_a_label():
    rows = body("Ivo Marsh, during a rally in Varn, Holst., said the wells were "
                "dry.")
    assert [(r.speaker, r.speaker_label) for r in rows] == [("Ivo Marsh", "")]


@pytest.mark.parametrize("sentence", [
    "Despite falling sales, Pia Lund said the mine would stay open.",
    "Amid calls for tests, Pia Lund spoke, saying the wells were safe.",
    "Following the vote, Pia Lund left the hall, saying the mine would close.",
])
def test_a_sentence_opening_preposition_is_never_the_speaker(sentence):
    rows = body(sentence)
    assert [r.speaker for r in rows] == ["Pia Lund"]


def test_an_indefinite_description_names_someone_new():
    rows = body("Pia Lund, a friend of the mayor, said the results would hold.",
                "A friend said the mayor would resign.")
    assert [r.speaker for r in rows] == ["Pia Lund", "A friend"]


def test_a_singular_description_is_not_resolved_to_a_plural_name():
    rows = body("Varnholt officials said on Monday that the mine was safe.",
                "The official said the wells were safe.")
    assert [r.speaker for r in rows] == ["Varnholt officials", "The official"]


@pytest.mark.parametrize("second", [
    "He didn't say when the wells would reopen.",
    "He has since said the wells would reopen.",
    "Maybe he thinks the wells will reopen.",
    "He’s not saying when the wells will reopen.",
])
def test_a_pronoun_with_auxiliaries_is_resolved_like_the_pronoun(second):
    rows = body("Ivo Marsh chairs the council.", second)
    assert [r.speaker for r in rows] == ["Ivo Marsh"]


def test_impersonal_it_is_not_resolved_to_the_last_name():
    rows = body("Ivo Marsh chairs the council.", "It is said the wells are dry.")
    assert "Ivo Marsh" not in [r.speaker for r in rows]


@pytest.mark.parametrize("sentence", [
    "Ann Kade spent the final week of the race in Varn portraying Ivo Marsh as a liar.",
    "Ann Kade seemed ready to speak about the leak in Brenn, telling the crowd, “We were lied to.”",
])
def test_a_place_in_the_speakers_clause_is_not_the_speaker(sentence):
    assert {r.speaker for r in body(sentence) if r.cue != "seem"} == {"Ann Kade"}


@pytest.mark.parametrize("sentence, content", [
    ("Kade has a large field staff and the backing of each union in the valley, said Ada Holm, "
     "director of the Varn Civic Project at the University of Brenn, Varn.",
     "Kade has a large field staff and the backing of each union in the valley"),
    ("The costs of a new well vary, said Ada Holm, a mining expert who has published books, "
     "papers and reports on the topic.", "The costs of a new well vary"),
])
def test_an_inverted_tag_with_a_long_description_is_the_named_speakers(sentence, content):
    assert [(r.speaker, r.content) for r in body(sentence)] == [("Ada Holm", content)]


def test_a_clause_before_an_inverted_tag_is_never_a_speaker():
    rows = body("Defending the wells, said Ada Holm, is the mayor's task.",
                "Rather than seeing the levy rise, said Ada Holm, a director, the firm wants "
                "the gap narrowed.")
    assert {r.speaker for r in rows if r.cue == "say"} == {"Ada Holm"}


def test_a_participle_closes_no_sentence_and_as_before_coordinated_nouns_is_no_tag():
    assert body("Kade, however, wasted no time responding.",
                "As old Varn states and neighbours, Brenn and Holt fell victim to the feud.") == []


def test_what_a_relative_clauses_subject_said_ends_with_the_clause():
    rows = body("The levy, which Ann Kade said would cost two million, passed on Monday.")
    assert [(r.speaker, r.content) for r in rows] == [("Ann Kade", "would cost two million")]


def test_a_cue_with_its_own_object_is_no_tag_of_the_quote_before_it():
    rows = body('Bemoaning the "rigged system," Ivo Marsh accused Ada Holm of being a Varn '
                'partisan, though records show she has been a registered independent.')
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "accuse", "Ada Holm of being a Varn partisan"),
        ("records", "show", "she has been a registered independent")]


def test_a_passive_after_an_adverb_closes_no_sentence_and_a_possessives_plan_is_a_noun():
    rows = body("For a decade she held what is often described as the hardest post in Varn.",
                "Kade's Varn plan leaves everyone unhappy.",
                "Citing last week's Brenn attack as a warning, Ivo Marsh urged calm.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [("Ivo Marsh", "urge", "calm")]


def test_according_to_after_a_colon_opens_its_clause():
    rows = body("And it has not gone unnoticed: According to recent polls, Ada Holm holds only "
                "14 percent of the vote.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("recent polls", "Ada Holm holds only 14 percent of the vote")]


def test_a_question_after_asked_and_a_colon_is_the_askers():
    rows = body("A student asked: Will the pumps reopen this winter?",
                "Would Kade say the levy was fair?")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("A student", "ask", "Will the pumps reopen this winter?")]


def test_a_name_after_an_inverted_tags_description_is_the_speaker():
    rows = body("“We are anxious,” said another Varn resident, Ada Holm.",
                "The pumps failed, said the company's chief engineer, Ivo Marsh.")
    assert [(r.speaker, r.speaker_label) for r in rows] == [
        ("Ada Holm", "another Varn resident"), ("Ivo Marsh", "the company's chief engineer")]


def test_the_next_quote_continues_a_quote_past_its_speakers_relative_clause():
    rows = body("“I have been watching this vote,” said Ada Holm, a geologist, who likened the "
                "campaign to a cave-in. “It has become my guilty pleasure.”")
    assert [(r.speaker, r.cue, r.content.endswith("guilty pleasure")) for r in rows] == [
        ("Ada Holm", "say", True), ("Ada Holm", "liken", False)]


def test_the_next_quote_continues_a_quote_past_the_question_put_to_its_speaker():
    rows = body("“Jobs, jobs, jobs,” Ada Holm said last month when asked what Marsh would do. "
                "“Nobody did it better.”")
    assert [(r.speaker, r.content.endswith("did it better")) for r in rows] == [
        ("Ada Holm", True), ("unnamed questioner", False)]


def test_a_second_share_or_others_with_their_own_cue_start_their_own_statements():
    rows = body("Six in 10 miners said Kade is honest, and three-quarters said Lund was too.",
                "Several miners have said they will skip the vote and others have said they "
                "see no point in it.",
                "Asked whether Kade would win, 30 percent said “quite unlikely” and 12 "
                "percent said “very unlikely.”")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Six in 10 miners", "Kade is honest"), ("three-quarters", "Lund was too"),
        ("Several miners", "they will skip the vote"), ("others", "they see no point in it"),
        ("30 percent", "“quite unlikely”"), ("12 percent", "very unlikely")]


def test_a_new_clause_after_a_comma_inside_the_closing_quote_ends_the_statement():
    # American style puts the comma inside the quote (',” and she'): the clause after it
    # ran on as part of the first statement, and its own cue was lost.
    rows = body("Pia Lund said the ruling was “a disgrace,” and she vowed to appeal.",
                'Ivo Marsh said the vote was "a sham," and he asked for a recount.')
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Pia Lund", "say", "the ruling was “a disgrace,”"),
        ("Pia Lund", "vow", "to appeal"),
        ("Ivo Marsh", "say", 'the vote was "a sham,"'),
        ("Ivo Marsh", "ask for", "a recount")]


def test_a_second_share_after_while_starts_its_own_statement():
    rows = body("Asked to pick, 48 percent chose Kade while 45 percent chose Lund.",
                "Most miners say they back the levy whereas 30 percent say they oppose it.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("48 percent", "Kade"), ("45 percent", "Lund"),
        ("Most miners", "they back the levy"), ("30 percent", "they oppose it")]


def test_asked_takes_a_quote_after_its_object_and_a_long_object_before_to():
    rows = body("She asked them “calmly weigh” the fate of the mine.",
                "The Varn Legion has asked the campaign of council candidate Ada Holm to stop "
                "using its emblem.")
    assert [(r.speaker, r.cue) for r in rows] == [("She", "ask"), ("Varn Legion", "ask")]


def test_an_inverted_tag_after_an_opening_phrase_names_the_speaker_before_the_quote():
    rows = body('In short, explained Varn moderator Ada Holm: "Why would the levy matter '
                'here?"',
                'But, said Ivo Marsh, "I do not want a fight."')
    assert [(r.speaker, r.content) for r in rows] == [
        ("Ada Holm", "Why would the levy matter here?"),
        ("Ivo Marsh", "I do not want a fight")]




def test_a_show_title_after_its_owners_name_is_no_quote_before_a_tag():
    # 'on Varn News Channel's "Night Desk,"' was read as what Kade said
    rows = body("Wednesday on Varn News Channel’s “Night Desk,” Ola Kade said if the mayor "
                "wins, the mine closes.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ola Kade", "say", "if the mayor wins, the mine closes")]

def test_a_quote_with_its_own_tag_is_not_the_previous_sentences():
    # 'Others agreed.' claimed the next sentence's quote, which Lund's own tag reports: one
    # quote counted twice, once for the wrong speaker
    rows = body("Others agreed. “You cannot discount Kade,” said Ivo Lund, a pollster.",
                "Ada Holm said in a statement. “We will appeal.”")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Lund", "say", "You cannot discount Kade"), ("Ada Holm", "say", "We will appeal")]

def test_two_adjuncts_before_a_colon_still_introduce_the_quote():
    # 'on Monday, in a letter to staff:' was read as the content, and 'pointedly, with a
    # smile:' lost the statement
    rows = body("Ivo Lund said on Monday, in a letter to staff: “We will stay.”",
                "Ivo Lund responded pointedly, with a smile: “It can happen at 45.”")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Lund", "say", "We will stay"), ("Ivo Lund", "respond", "It can happen at 45")]



def test_called_upon_is_called_on():
    rows = body("Sen. Ola Kade on Friday evening also called upon the board to lean on the firm.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ola Kade", "call on", "the board to lean on the firm")]

def test_a_quote_after_a_second_verb_is_the_second_verbs():
    rows = body("Lund called on him to quit the board and said, “He has lost his way!”",
                "Kade told the Varn Post: “We are done.”")
    assert [(r.cue, r.content.strip("“”")) for r in rows] == [
        ("call on", "him to quit the board"), ("say", "He has lost his way!"),
        ("tell", "We are done")]


def test_a_quote_cut_by_the_speakers_next_participle_ends_with_the_quote():
    rows = body("“I do not want a fight,” Ivo Marsh said, adding, “We want the pumps fixed.”")
    assert [(r.cue, r.content.strip("“”")) for r in rows] == [
        ("say", "I do not want a fight"), ("add", "We want the pumps fixed.")]


@pytest.mark.parametrize("sentence, speaker", [
    ("“We are anxious,” said another Varn resident, Ada Holm.", "Ada Holm"),
    ("“The pumps are old,” said one of her aides, who was not cleared to talk about it.",
     "one of her aides"),
    ("“The levy is a theft,” wrote one commenter.", "one commenter"),
])
def test_an_inverted_tag_may_open_with_a_quantifier(sentence, speaker):
    assert [r.speaker for r in body(sentence)] == [speaker]


def test_a_relative_clause_with_its_own_pronoun_subject_is_a_new_statement():
    rows = body("Ada Holm said she backs the rule, which she argued helps miners who move often.",
                "Ivo Marsh said he liked the apology and that he wanted to move on.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ada Holm", "say", "she backs the rule"),
        ("Ada Holm", "argue", "helps miners who move often"),
        ("Ivo Marsh", "say", "he liked the apology and that he wanted to move on")]


def test_some_alone_is_a_speaker_and_a_cue_before_leaders_is_a_noun():
    rows = body("Some say they hear echoes of the old feud in Kade's remarks.",
                "Some protest leaders said they would march to the mine.")
    assert [(r.speaker, r.cue) for r in rows] == [("Some", "say"), ("Some protest leaders", "say")]


def test_more_nouns_for_people_and_groups_can_speak_unnamed():
    rows = body("If the pumps fail again, forecasters say the town will empty.",
                "Her backers argue the levy is fair.",
                "Both campaigns said the debate would go ahead.")
    assert [r.speaker for r in rows] == ["forecasters", "Her backers", "Both campaigns"]


def test_at_least_or_well_over_a_share_of_people_is_a_speaker():
    rows = body("At least half of the miners in Brenn say the levy is fair.",
                "Well over half of the miners said they would strike.")
    assert [r.speaker for r in rows] == ["At least half of the miners in Brenn",
                                         "Well over half of the miners"]


def test_asked_with_a_long_object_before_if_is_a_question_but_not_before_a_far_who():
    rows = body("Ivo Marsh, a mining activist, asked the mayor during a radio phone-in on Varn FM "
                "if she would sign his pledge.",
                "Maybe push further and ask could a clerk or a miner, young or old, from any "
                "valley, who said what Kade said, win the vote.")
    assert [(r.speaker, r.cue) for r in rows if r.cue == "ask"] == [("Ivo Marsh", "ask")]


def test_a_participle_after_a_comma_and_while_is_the_subjects_next_statement():
    rows = body("Kade's staff have pledged to regain the town's trust, while admitting that "
                "this will take years.",
                "The council can act by filing a suit, by asking the court to rule, or by waiting.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "pledge", "to regain the town's trust"),
        ("Kade", "admit", "this will take years")]


def test_a_participle_after_by_and_an_adverb_is_the_subjects_statement():
    rows = body("Ada Holm responded by first saying the town was safe.")
    assert [(r.speaker, r.content) for r in rows] == [("Ada Holm", "the town was safe")]


def test_a_tag_inside_brackets_reports_the_brackets_text_before_it():
    rows = body("The mine's output (down a fifth since May, Holm says) worried the council.",
                "Turnout (about 40%, officials said) was low.")
    assert [(r.speaker, r.content) for r in rows] == [
        ("Holm", "down a fifth since May"), ("officials", "about 40%")]


@pytest.mark.parametrize("sentence, cue, content", [
    ("Ada Holm explained to Varn Radio why Kade was chosen.", "explain", "why Kade was chosen"),
    ("Ada Holm complained to the Herald that the count was wrong.", "complain",
     "the count was wrong"),
])
def test_who_is_spoken_to_is_no_part_of_the_content(sentence, cue, content):
    # before, 'explained to Varn Radio' read as a participle describing Holm ('groups opposed
    # to Lund'), and no statement was found
    assert [(r.speaker, r.cue, r.content) for r in body(sentence)] == [("Ada Holm", cue, content)]


def test_a_cue_that_is_also_a_noun_is_a_verb_after_an_aside_in_dashes():
    # 'states' after 'Lund — a former guard —' is Lund's verb; after a lone dash, 'thanks'
    # is a noun
    rows = body("Lund — a former guard at the mine — states that the job was a punishment.",
                "The vote will change that — thanks, in large part, to Kade.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Lund", "state", "the job was a punishment")]


def test_the_object_of_led_or_prompted_speaks_in_the_infinitive():
    # 'led Republicans to say': 'to' hid every subject, and the cue gave no statement
    rows = body("The vote led the miners to say that the count was rigged.",
                "The leak prompted union chief Ada Holm to call for a recount.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("the miners", "say", "the count was rigged"), ("Ada Holm", "call for", "a recount")]


def test_an_act_whose_purpose_is_the_statement_keeps_its_subject():
    # 'stood up at the meeting to say': only a place or a time ('took to Twitter to say')
    # let the infinitive's cue read the sentence's subject, and it gave no statement
    rows = body("Kade stood up at the meeting to say the mine would close.",
                "Ada Holm will come on the radio hour to talk about the wells.",
                "Ivo Marsh used the speech to call for a new levy.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "say", "the mine would close"), ("Ada Holm", "talk about", "the wells"),
        ("Ivo Marsh", "call for", "a new levy")]


def test_questioned_with_an_object_reports_the_doubt():
    # 'question' needed a question after it ('whether', 'why'), so 'questioned Kade's
    # judgment' gave no statement; the noun still reports nothing
    rows = body("Ada Holm questioned Kade's judgment on the mine.",
                "There are questions about the levy.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ada Holm", "question", "Kade's judgment on the mine")]


def test_a_doubt_fear_or_hope_with_its_own_clause_is_a_thought():
    # the noun gave no statement; its 'that' clause is what is doubted, feared or hoped, the
    # possessor's, the clause subject's, or no one's; a relative 'that' is no content
    rows = body("Ivo Marsh's doubts that the pumps work are well known.",
                "Ada Holm cut the price in the hope that voters return.",
                "Prices fell because of fears that the plant will close.",
                "The hopes that were raised in May have faded.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ivo Marsh", "doubt", "the pumps work are well known"),
        ("Ada Holm", "hope", "voters return"),
        ("unattributed thought", "fear", "the plant will close")]


def test_in_whose_view_gives_the_clause_to_the_possessor():
    # 'view' after 'in Holm's' was a noun and gave no statement; the clause after the phrase
    # (or before it, when it ends the sentence) is the view
    rows = body("In Ada Holm's view, the levy is unfair to miners.",
                "The only fair step, in Kade's view, would be a new count.",
                "Ivo Marsh spoke on Monday. The levy is unfair to the miners in his view.",
                "The view from the hill is fine.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Ada Holm", "view", "the levy is unfair to miners"),
        ("Kade", "view", "would be a new count"),
        ("Ivo Marsh", "view", "The levy is unfair to the miners")]


def test_a_possessors_claim_with_a_clause_is_a_statement():
    # 'claim' after a possessive was a noun and gave no statement; with no possessor ('a
    # claim that ...') it stays unread, as does a dash before it ('her -- a claim')
    rows = body("The court threw out Kade's claim that the mine is safe.",
                "Kade has not met Holm -- a claim that started in May.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "claim", "the mine is safe")]


def test_a_time_alone_is_no_content():
    # 'fired back in March, attacking ...' and 'decided during the past month' gave the time
    # as what was said or decided: the sentence-end test missed a time that a comma or a
    # second verb ends
    rows = body("Kade fired back in March, attacking Lund for his greed.",
                "Ada Holm thought for a moment and then said she liked the plan.",
                "Lund lost ground with miners who decided during the past month.",
                "The council had been discussing for several weeks.",
                "Kade said in March that the mine would close.")
    assert [(r.speaker, r.cue, r.content) for r in rows] == [
        ("Kade", "attack", "Lund for his greed"), ("Ada Holm", "say", "she liked the plan"),
        ("Kade", "say", "the mine would close")]


def test_where_a_text_was_written_is_no_content():
    # 'writing on Varnpost', 'writing for the majority', 'said in a statement provided to
    # the Brenn Post.' and a wire story's 'Writing by Ivo Marsh' gave the venue, the medium
    # or the writer as what was written or said
    rows = body("Ivo Marsh, writing on Varnpost, shared those views.",
                "Judge Osk, writing for the majority in the 5-4 ruling, said the law was void.",
                "The water is clean, Ada Holm, who runs the Varn Trust, said in a statement "
                "provided to the Brenn Post.",
                "The mine is closing. (Reporting by Ada Holm in Brenn; Writing by Ivo Marsh; "
                "Editing by Kade Lund.)",
                "Kade wrote in a letter that the mine would close.",
                "Kade said in a statement on Monday that the wells were dry.")
    assert [(r.speaker, r.cue, r.content) for r in rows
            if r.cue in ("write", "say")] == [
        ("Osk", "say", "the law was void"), ("Kade", "write", "the mine would close"),
        ("Kade", "say", "the wells were dry")]
