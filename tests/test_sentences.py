"""Sentence splitting on scraped text: glued sentences, photo credits, exact offsets."""

from newsweave.model import Document
from newsweave.sentences import split_sentences

SCRAPED = (
    "Police arrested a man near Linda Vista Avenue in Mountain View.The 300-pound robot "
    "named K5 spins and whistles as it patrols.\n\n"
    "Guidel in Brittany. Photo: AFP \"For the region, the investigation concludes there is an "
    "excess of cases,\" said Anne Gallay.\n\n"
    "The base, run by Mrs.Okafor for the U.S.Army until 1998, closed in a day. Historians say "
    "the print only became \"commercially viable.\"What photographs did Handy use for it?\n\n"
    "Readers can visit Farms.com for more on this story today. Photograph: Jane Doe/Reuters "
    "The senator left the chamber at noon without a word.\n\n"
    "The company confirmed the sale of its paper mills to CNBC.Shares rose 4 percent in early "
    "trading on the news.\n"
)


def _sentences(text: str) -> list[str]:
    doc = Document(id="d", text=text)
    out = split_sentences(doc)
    for s in out:  # provenance: every sentence stands verbatim at its offsets
        assert text[s.start:s.end] == s.text
    return [s.text for s in out]


def test_glued_sentences_are_split():
    texts = _sentences(SCRAPED)
    assert "Police arrested a man near Linda Vista Avenue in Mountain View." in texts
    assert "The 300-pound robot named K5 spins and whistles as it patrols." in texts
    assert "What photographs did Handy use for it?" in texts
    assert any(t.endswith('"commercially viable."') for t in texts)
    assert "The company confirmed the sale of its paper mills to CNBC." in texts
    assert "Shares rose 4 percent in early trading on the news." in texts


def test_abbreviations_initials_and_domains_are_not_boundaries():
    texts = _sentences(SCRAPED)
    assert any("Mrs.Okafor for the U.S.Army until 1998" in t for t in texts)
    assert "Readers can visit Farms.com for more on this story today." in texts


def test_photo_credits_do_not_start_sentences():
    texts = _sentences(SCRAPED)
    assert '"For the region, the investigation concludes there is an excess of cases," said Anne Gallay.' in texts
    assert "The senator left the chamber at noon without a word." in texts
    assert not any(t.startswith(("Photo", "Photograph")) for t in texts)


def test_the_labels_of_a_picture_or_a_player_do_not_start_sentences():
    texts = _sentences(
        "Media playback is unsupported on your device Media caption The crane fell onto two "
        "boats, the harbour authority said on Monday. Image copyright Harbour Post Image caption "
        "The pier was closed for the week. Image caption Workers cleared the wreckage on Tuesday. "
        "Please enable JavaScript to watch this video Divers searched the harbour floor.\n")
    assert texts == ["The crane fell onto two boats, the harbour authority said on Monday.",
                     "The pier was closed for the week.", "Workers cleared the wreckage on Tuesday.",
                     "Divers searched the harbour floor."]
    texts = _sentences(
        "Play Facebook Twitter Embed Crane falls on harbour boats 2:39 The crane fell onto two boats "
        "on Monday. Just watched Crane falls Replay More Videos... Must watch Crane falls 01: 09 Divers "
        "searched the harbour floor. Photo: Ada Lindqvist Image 1 of / 12 Caption Close The pier was "
        "closed for the week.\n")
    assert texts == ["The crane fell onto two boats on Monday.",
                     "Divers searched the harbour floor.", "The pier was closed for the week."]
    # a sentence about a picture is not a label
    assert _sentences("Image copyright law protects the photographer who took the picture.\n") == [
        "Image copyright law protects the photographer who took the picture."]


def test_a_photo_sentence_is_kept():
    texts = _sentences("Photos of the flood show water up to the roofs of the houses.\n\n"
                       "Photo: the river at dawn was calm before the storm broke.\n")
    assert texts[0] == "Photos of the flood show water up to the roofs of the houses."
    assert texts[1].startswith("Photo: the river")  # not a credit: lower case after the colon


def test_datelines_are_not_part_of_sentences():
    texts = _sentences(
        "WASHINGTON (AP) — The Senate passed the spending bill late on Friday night.\n\n"
        "SANTIAGO, Chile, March 14 (Reuters) - A judge reopened the inquiry into the poet's death.\n\n"
        "Washington ( ap ) -- the house will vote on the measure next week, aides said.\n\n"
        "DAMASCUS—Syrian forces overran the district on Thursday after rebels retreated.\n\n"
        "The Free Syrian Army (FSA) - the main rebel force - has withdrawn from the area.\n\n"
        "NATO — the alliance of 32 countries — met in Brussels on Tuesday to discuss aid.\n\n"
        "DALTON, Ga. - Crews worked through the night to clear the road of fallen trees, police said.\n\n"
        "LONG BEACH - Police say a priest was arrested after a crash that killed a cyclist.\n\n"
        "NATO - the alliance of 32 countries - met in Brussels again on Wednesday.\n")
    assert texts[:4] == ["The Senate passed the spending bill late on Friday night.",
                         "A judge reopened the inquiry into the poet's death.",
                         "the house will vote on the measure next week, aides said.",
                         "Syrian forces overran the district on Thursday after rebels retreated."]
    # A bracketed acronym or a dash inside a sentence is not a dateline.
    assert texts[4].startswith("The Free Syrian Army (FSA)")
    assert texts[5].startswith("NATO — the alliance")
    assert texts[6:8] == ["Crews worked through the night to clear the road of fallen trees, police said.",
                          "Police say a priest was arrested after a crash that killed a cyclist."]
    assert texts[8].startswith("NATO - the alliance")


def test_a_title_before_a_name_does_not_end_a_sentence():
    texts = _sentences('"We have not seen damage like this," New York Gov. Andrew Cuomo said on Tuesday.\n\n'
                       "Atty. Gen. Eric Holder and Supt. Garry McCarthy met the Rev. Al Sharpton in Chicago.\n\n"
                       "The prize went to Martin Luther King Jr. He accepted it in Oslo that December.\n")
    assert texts[0] == '"We have not seen damage like this," New York Gov. Andrew Cuomo said on Tuesday.'
    assert texts[1] == "Atty. Gen. Eric Holder and Supt. Garry McCarthy met the Rev. Al Sharpton in Chicago."
    assert texts[2:] == ["The prize went to Martin Luther King Jr.", "He accepted it in Oslo that December."]


def test_a_piece_in_lower_case_continues_the_sentence_before_it():
    texts = _sentences(
        "Leaders Anna Pike (R-Ohio) and Tom Reyes (D-N.M.) will need votes from both parties to pass "
        "the bill.\n\n"
        "A five-year-old B.C. girl walked two miles to get help for her mother after the crash.\n\n"
        "\"Nobody came to help us.\" she told the court on Friday. The judge thanked her.\n\n"
        "The station is now the No. 1 source of local news, ahead of the No. 2 paper in the county.\n\n"
        "They met in Paris in 1953.In 1954 he wrote to her from Boston for the first time.\n")
    assert texts == [
        "Leaders Anna Pike (R-Ohio) and Tom Reyes (D-N.M.) will need votes from both parties to pass the bill.",
        "A five-year-old B.C. girl walked two miles to get help for her mother after the crash.",
        "\"Nobody came to help us.\" she told the court on Friday.",
        "The judge thanked her.",
        "The station is now the No. 1 source of local news, ahead of the No. 2 paper in the county.",
        "They met in Paris in 1953.",
        "In 1954 he wrote to her from Boston for the first time.",
    ]


def test_fragments_and_headlines_are_not_sentences():
    texts = _sentences(
        "Officials said the bridge would reopen to traffic by the end of the month.\n\n"
        "Lower risks were linked to eating:\n\n"
        "green leafy vegetables (eg lettuce)\n\n"
        "reset Mayor Vance: The face of the recovery? Mayor Vance: No 'quick fix'\n\n"
        "Chief: Officer involved in the crash was 'a careful driver'\n\n"
        "The council will meet again on Tuesday to vote on the repairs.\n")
    assert texts == ["Officials said the bridge would reopen to traffic by the end of the month.",
                     "The council will meet again on Tuesday to vote on the repairs."]


def test_lower_cased_text_is_split_as_it_was():
    # In a lower-cased release (Multi-News) a word in lower case after a stop starts a sentence.
    texts = _sentences('" we will rebuild every home. " on tuesday, the mayor thanked the crews. '
                       "the repairs will take a year, officials said.\n")
    assert len(texts) == 3


def test_datelines_without_a_dash_or_with_the_wire_underscore_are_stripped():
    # Anywhere a sentence starts with one (here the second paragraph's), the sentence starts
    # after it and its offsets stay exact.
    texts = _sentences(
        "Rescuers searched the river bank for a second day on Monday after the storm.\n\n"
        "Marrowford, Elbonia (CNN) A ferry carrying forty people ran aground near the harbour.\n\n"
        "OSTRAVEL (AP) _ Two inspectors found cracks in the ferry's hull, officials said.\n\n"
        "LUMEN CITY _ The harbour master closed the port to large vessels until Friday.\n")
    assert texts == ["Rescuers searched the river bank for a second day on Monday after the storm.",
                     "A ferry carrying forty people ran aground near the harbour.",
                     "Two inspectors found cracks in the ferry's hull, officials said.",
                     "The harbour master closed the port to large vessels until Friday."]


def test_a_wire_budgets_slug_and_dateline_are_stripped():
    texts = _sentences("FERRY-CRACKS _ OSTRAVEL _ Two inspectors found cracks in the ferry's hull on Monday.\n\n"
                       "HARBOUR _ LUMEN CITY _ The harbour master closed the port to large vessels.\n")
    assert texts == ["Two inspectors found cracks in the ferry's hull on Monday.",
                     "The harbour master closed the port to large vessels."]


def test_a_closing_bracket_glued_to_the_next_sentence_stays_with_its_own():
    text = ("The letters were sold at the Doyle auction house on Monday for $200,000. (A previous "
            "collection of letters sold at auction for $115,000 in 2010.)The current batch was found "
            "among her belongings after her death.")
    assert _sentences(text) == [
        "The letters were sold at the Doyle auction house on Monday for $200,000.",
        "(A previous collection of letters sold at auction for $115,000 in 2010.)",
        "The current batch was found among her belongings after her death."]
