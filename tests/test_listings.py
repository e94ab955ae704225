"""Listings: a page that lists many stories keeps only the items about the cluster's story."""

import newsweave
from newsweave.ingest import documents_from_texts
from newsweave.listings import KIND, items_of, set_aside_other_items
from newsweave.model import Document, Sentence, Status
from newsweave.summarizers.base import can_open
from newsweave.pipeline import prepare

STORY = [
    "A tenant in Millbrook heard scratching above her bedroom at night, and police found a man "
    "living in the attic of the rented house on Orchard Lane. Officers searched the attic early "
    "on Saturday and arrested Dale Pruett, 52, who had no fixed address. He was charged with "
    "unlawful entry and held without bail, a police spokesman said.",
    "Police arrested a 52-year-old man who had been living in the attic of a house on Orchard "
    "Lane in Millbrook after the tenant reported footsteps above her ceiling. Dale Pruett was "
    "found with a sleeping bag and food in the attic and was charged with unlawful entry. "
    "Investigators believe he entered through an unlocked back door.",
]
REPORT = """This report is published every weekday. It covers significant incidents from the day before and is not a comprehensive list of every police event in the county.

BURGLARY, 2031-0411, 300 block of Kestrel Road. At approximately 4 p.m. on April 10, a resident returned home to find a window forced open and two bicycles and a laptop missing. The investigation is ongoing.

UNLAWFUL ENTRY, 2031-0412, 900 block of Orchard Lane. At approximately 1:30 a.m. on April 11, police responded after a tenant reported hearing footsteps in the attic. Officers searched the attic and located the suspect. Dale Pruett, 52, of no fixed address, was arrested and charged with unlawful entry. He was held without bail.

ROBBERY, 2031-0413, 1200 block of Mill Street. At approximately 9 p.m. on April 11, a cashier at a convenience store was threatened by a suspect who demanded cash from the register. The suspect fled on foot with an undisclosed amount of money.

LARCENY FROM AUTO, 2031-0414, 4500 block of Tanner Avenue. A handbag and sunglasses were stolen from a parked car overnight.

DESTRUCTION OF PROPERTY, 2031-0415, 200 block of Birch Court. Two car tyres were slashed in a residential parking lot.
"""
TRANSCRIPT = """MODERATOR: Welcome to the debate on the harbour bridge tolls.

HOLM: The toll is fair, and the bridge needs repairs that only the toll can pay for.

REYES: The toll falls hardest on the workers who cross the bridge twice a day.

HOLM: Every driver pays the same, and the repairs cannot wait another winter.
"""


def _doc(i, text):
    return Document(id=f"d{i}", text=text)


def test_a_police_report_keeps_only_the_incident_the_other_articles_tell():
    b = newsweave.brief(STORY + [REPORT], words=300)
    report = b.document("doc3")
    aside = [r for r in report.removed if r.kind == KIND]
    gone = " ".join(r.text for r in aside)
    assert "BURGLARY" in gone and "ROBBERY" in gone and "LARCENY FROM AUTO" in gone
    assert "This report is published every weekday" in gone  # the report's note about itself
    assert "UNLAWFUL ENTRY" not in gone and "Pruett" not in gone
    assert report.status is Status.USED
    for s in b.summary:
        assert not any(r.start <= s.sentence.start < r.end for r in aside if s.sentence.doc == report.id)
    # every sentence of the report the brief could use is from the incident of the story
    used = [s for s in prepare(documents_from_texts(STORY + [REPORT])).cluster.sentences
            if s.doc == report.id]
    assert used and all("Orchard" in s.text or "attic" in s.text or "Pruett" in s.text
                        or "arrested" in s.text or "bail" in s.text for s in used)
    assert not b.summary[0].sentence.text.startswith("UNLAWFUL ENTRY")  # a label opens nothing
    md = b.to_markdown()
    assert f"{KIND}: `BURGLARY" in md


def test_a_transcript_is_no_listing():
    assert items_of(_doc(0, TRANSCRIPT)) == []
    assert len(items_of(_doc(0, REPORT))) == 6  # the note, then five incidents


def test_nothing_is_set_aside_without_another_article_to_compare_with():
    doc = _doc(0, REPORT)
    set_aside_other_items([doc])
    assert doc.removed == []


def test_a_listing_that_matches_nothing_is_left_whole():
    flood = ("Floodwater swept through the riverside town of Marlow on Monday after the Tessel burst "
             "its banks, forcing hundreds of residents from their homes, the fire service said.")
    docs = [_doc(0, flood), _doc(1, flood.replace("Monday", "Tuesday")), _doc(2, REPORT)]
    set_aside_other_items(docs)
    assert docs[2].removed == []


def test_an_explainer_in_sections_is_one_story_and_left_whole():
    flood = ("Floodwater swept through Marlow on Monday after the Tessel burst its banks. The Tessel Valley "
             "Fire Service lifted twelve people from rooftops, and Ines Calloway, the mayor, said more than "
             "300 homes in Marlow were damaged.")
    explainer = """Here is what we know about the Marlow flood.

THE FLOOD — The Tessel burst its banks at Marlow on Monday after two days of heavy rain.

THE RESCUE — The Tessel Valley Fire Service lifted twelve Marlow residents from rooftops overnight.

THE DAMAGE — Ines Calloway, Marlow's mayor, said more than 300 homes in Marlow were damaged.

WHAT'S NEXT — Insurers expect claims to run into the tens of millions, and Calloway will ask the regional council on Thursday for emergency funds to rebuild the riverside wall.
"""
    docs = [_doc(0, flood), _doc(1, flood.replace("Monday", "Monday night")), _doc(2, explainer)]
    assert len(items_of(docs[2])) == 5
    set_aside_other_items(docs)
    assert docs[2].removed == []  # its last section shares few words with the others, yet stays


def test_a_list_items_label_cannot_open_a_summary():
    label = Sentence("d0", 3, 0, 51, "UNLAWFUL ENTRY, 2031-0412, 900 block of Orchard Lane.")
    told = Sentence("d0", 4, 0, 60, "CARACAS, Venezuela (AP) -- President Ruiz signed the budget "
                    "into law on Friday after a month of protests over fuel prices.")
    assert not can_open(label) and can_open(told)
