"""Language: an article not in English is set aside with a reason (texts written for these tests)."""

import pytest

import newsweave
from newsweave import InputError, Status
from newsweave.language import identify

EN = ["The river burst its banks in Marlow on Monday night, flooding hundreds of homes in the old town. "
      "Rescue teams pulled twelve people from rooftops, the regional fire service said. "
      "The mayor asked the government for soldiers to help build barriers along the embankment.\n",
      "Hundreds of homes in Marlow's old town were flooded on Monday when the river rose two metres. "
      "Firefighters rescued twelve people from rooftops, the fire service said. "
      "Schools will stay closed until Thursday while engineers inspect the bridges.\n"]
DE = ("Der Fluss trat in der Nacht zum Montag in Marlow über die Ufer und überflutete Hunderte Häuser "
      "in der Altstadt. Rettungskräfte holten zwölf Menschen von den Dächern, teilte die Feuerwehr mit. "
      "Der Bürgermeister bat die Regierung um Soldaten, die beim Bau von Barrieren helfen sollen.\n")
FR = ("La rivière a débordé dans la nuit de lundi à Marlow, inondant des centaines de maisons de la "
      "vieille ville. Les secours ont évacué douze personnes réfugiées sur les toits, selon les pompiers. "
      "Le maire a demandé au gouvernement l'aide de soldats pour construire des barrages.\n")
SHORT = {
    "de": "Die Schulen bleiben bis Donnerstag geschlossen, während Ingenieure die Brücken prüfen.",
    "fr": "Les écoles resteront fermées jusqu'à jeudi pendant que des ingénieurs inspectent les ponts.",
    "es": "Las escuelas permanecerán cerradas hasta el jueves mientras los ingenieros revisan los puentes.",
    "it": "Le scuole resteranno chiuse fino a giovedì mentre gli ingegneri controllano i ponti.",
    "nl": "De scholen blijven tot donderdag dicht terwijl ingenieurs de bruggen in de stad controleren.",
    "pt": "As escolas ficarão fechadas até quinta-feira enquanto engenheiros inspecionam as pontes.",
    "en": "Schools will stay closed until Thursday while engineers inspect the bridges in the town.",
}
# English with a German quotation and many foreign names: English, no false alarm
EN_WITH_GERMAN = (
    "Chancellor Friedrich Müller visited the flooded old town of Marlow on Monday and told reporters: "
    "\"Wir werden alles tun, um den Menschen zu helfen, die ihr Zuhause verloren haben.\" He spoke after "
    "meeting Jean-Baptiste Lefèvre, Giuseppe Esposito, Joaquín Hernández and Karl-Heinz Schröder, who "
    "sent rescue teams from the Bundesamt für Bevölkerungsschutz to pull people from rooftops. "
    "The river rose two metres and flooded hundreds of homes, the fire service said.\n")


@pytest.mark.parametrize("code", sorted(SHORT))
def test_one_sentence_is_enough(code):
    found = identify(SHORT[code])
    assert (found or ("en", ""))[0] == code


def test_short_text_is_not_judged():
    assert identify("Flut in Marlow") is None
    assert identify("") is None


def test_english_with_a_german_quotation_and_foreign_names_is_english():
    assert identify(EN_WITH_GERMAN) in (None, ("en", "English"))
    b = newsweave.brief([EN[0], EN[1], EN_WITH_GERMAN], analyze=False)
    assert all(d.status is Status.USED for d in b.documents), [d.reason for d in b.documents]


def test_foreign_articles_are_set_aside_with_their_language():
    b = newsweave.brief({"en1.txt": EN[0], "en2.txt": EN[1], "de.txt": DE, "fr.txt": FR})
    reasons = {d.id: (d.status, d.reason) for d in b.documents}
    assert reasons["de.txt"] == (Status.SET_ASIDE, "written in German: newsweave reads English")
    assert reasons["fr.txt"] == (Status.SET_ASIDE, "written in French: newsweave reads English")
    assert reasons["en1.txt"][0] is Status.USED and reasons["en2.txt"][0] is Status.USED
    assert {s.sentence.doc for s in b.summary} <= {"en1.txt", "en2.txt"}
    names = {e.name for e in b.analysis.entities} if hasattr(b.analysis, "entities") else set()
    assert not any("Bürgermeister" in n for n in names)


def test_no_english_article_is_an_input_error():
    with pytest.raises(InputError, match="no article is written in English") as e:
        newsweave.brief({"de.txt": DE, "fr.txt": FR})
    assert "de.txt in German" in str(e.value)
    with pytest.raises(InputError, match="only 1 article is written in English"):
        newsweave.brief([EN[0], DE])


def test_odd_characters_do_not_break_the_identifier():
    for text in ["\x00\x01" * 50 + DE, "\ufffe\uffff" + FR, "\u202e" + EN[0], "\ud800" + DE]:
        identify(text)
