"""Cautions: a brief of two articles that tell two different stories says so, in every format."""

import json

import newsweave

FLOOD = ("Floodwater swept through the riverside town of Marlow on Monday after the Tessel burst its "
         "banks, forcing hundreds of residents from their homes. Rescue crews lifted twelve people from "
         "rooftops in Marlow overnight, the Tessel Valley Fire Service said. The Tessel rose two metres "
         "in six hours, and the Tessel Valley Fire Service opened two shelters for evacuated families.")
FLOOD_2 = ("Hundreds of Marlow residents were evacuated on Monday as the Tessel rose two metres and "
           "flooded the town centre. The Tessel Valley Fire Service said twelve people were rescued from "
           "rooftops. Marlow's mayor, Ines Calloway, said the Tessel had damaged more than 300 homes.")
MATCH = ("Castlebury Rovers beat Dunmere Athletic 3-1 on Saturday, with Kwame Okafor scoring twice in the "
         "second half at Kingsmead Park. The win keeps Castlebury Rovers two points behind the league "
         "leaders. Okafor's second goal came after a long ball from Dunmere Athletic's defence was lost. "
         "The Castlebury manager, Tomas Rell, praised his strikers; Rell said Kingsmead Park was heavy.")


def test_two_stories_get_a_caution_in_json_markdown_and_html():
    b = newsweave.brief([FLOOD, MATCH])
    assert len(b.analysis.cautions) == 1
    c = b.analysis.cautions[0]
    assert c.documents == ["doc1", "doc2"] and "may be two different stories" in c.text
    assert json.loads(b.to_json())["analysis"]["cautions"] == [{"text": c.text, "documents": ["doc1", "doc2"]}]
    assert "> **Caution:** doc1 and doc2 may be two different stories" in b.to_markdown()
    assert '<p class="caution"><strong>Caution:</strong> doc1 and doc2 may be' in b.to_html()
    # nothing is dropped: which story the reader meant cannot be told from the text
    assert {s.sentence.doc for s in b.summary} == {"doc1", "doc2"}


def test_one_story_in_two_articles_gets_none():
    b = newsweave.brief([FLOOD, FLOOD_2])
    assert b.analysis.cautions == []
    assert "Caution" not in b.to_markdown()
    assert json.loads(b.to_json())["analysis"]["cautions"] == []


def test_the_example_gets_none(example_brief):
    assert example_brief.analysis.cautions == []
