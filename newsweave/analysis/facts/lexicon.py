"""Facts' word lists: what a number counts, what happened to it, and the words around a
number that say what kind of figure it is (currencies, units, qualifiers).

Number words themselves are the ground floor's (``newsweave.text.numbers``).
"""

from __future__ import annotations

from ...text.dates import WEEKDAYS
from ...text.lexicon import REPORT_VERBS

_CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
                     "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD",
                   "pound": "GBP", "pounds": "GBP", "yen": "JPY", "yuan": "CNY",
                   "rupees": "INR", "francs": "CHF"}
_MEASURE_UNITS = {
    "mm": "mm", "millimetres": "mm", "millimeters": "mm", "cm": "cm", "centimetres": "cm",
    "centimeters": "cm", "km": "km", "kilometres": "km", "kilometers": "km", "miles": "miles",
    "metres": "m", "meters": "m", "kg": "kg", "kilograms": "kg", "tonnes": "tonnes",
    "tons": "tons", "litres": "litres", "liters": "litres", "acres": "acres",
    "hectares": "hectares", "inches": "inches", "feet": "feet", "mph": "mph", "km/h": "km/h",
    "lb": "lb",
}
_PERCENT_UNITS = {"%", "percent", "per cent", "pc", "per-cent"}
# Qualifier -> how it bounds the value: "approx", "lower" (the number is a floor),
# "upper" (a ceiling), "near" (just under).
_QUALIFIERS = {
    "well over": "lower", "well above": "lower", "more than": "lower", "over": "lower",
    "at least": "lower", "upwards of": "lower", "in excess of": "lower", "above": "lower",
    "no fewer than": "lower", "no less than": "lower", "just over": "lower", "more then": "lower",
    "up to": "upper", "fewer than": "upper", "less than": "upper", "under": "upper",
    "at most": "upper", "no more than": "upper", "below": "upper", "just under": "near",
    "nearly": "near", "almost": "near", "close to": "near", "some": "approx", "about": "approx",
    "around": "approx", "approximately": "approx", "roughly": "approx", "an estimated": "approx",
    "estimated": "approx", "as many as": "approx", "an approximate": "approx",
}

_TIME_NOUNS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
               "time", "night", "morning", "evening", "afternoon", "weekend", "a.m.", "p.m.",
               "am", "pm", "o'clock", "season", "term", "round", "minute", "point", "page",
               "yard", "goal", "match", "game", "edition", "issue"}

# What is counted: noun lemma -> class.
_NOUN_CLASS = {
    **dict.fromkeys(["people", "person", "civilian", "resident", "inhabitant", "individual",
                     "citizen", "villager", "victim", "persons"], "people"),
    **dict.fromkeys(["fighter", "rebel", "militant", "insurgent", "gunman", "combatant",
                     "guerrilla", "jihadist", "militiaman"], "fighters"),
    **dict.fromkeys(["soldier", "troop", "serviceman", "servicemen"], "soldiers"),
    **dict.fromkeys(["policeman", "policemen", "officer"], "police officers"),
    **dict.fromkeys(["home", "house", "household", "dwelling", "residence", "apartment",
                     "property", "homes", "houses"], "homes"),
    **dict.fromkeys(["journalist", "reporter"], "journalists"),
    **dict.fromkeys(["child", "children", "kid"], "children"),
    **dict.fromkeys(["protester", "demonstrator"], "protesters"),
    **dict.fromkeys(["refugee"], "refugees"),
    **dict.fromkeys(["family"], "families"),
    **dict.fromkeys(["building"], "buildings"),
}
# Nouns that say both what is counted and what happened to it.
_EVENT_NOUNS = {
    "evacuee": ("people", "evacuated"), "death": ("people", "killed"),
    "fatality": ("people", "killed"), "dead": ("people", "killed"),
    "casualty": ("people", "casualties"), "injury": ("people", "wounded"),
    "arrest": ("people", "arrested"), "detainee": ("people", "arrested"),
    "hostage": ("people", "held hostage"), "prisoner": ("people", "held prisoner"),
    "life": ("people", "killed"),  # "claimed 70,000 lives"
}
# Event words (lemma or lower-cased text) -> normalised event.
_EVENTS = {
    **dict.fromkeys(["kill", "killed", "die", "died", "dead", "death", "deaths", "perish",
                     "fatality", "fatalities", "slay", "murder", "toll"], "killed"),
    **dict.fromkeys(["execute", "execution", "behead", "beheaded", "massacre"], "executed"),
    **dict.fromkeys(["wound", "wounded", "injure", "injured", "injury", "hurt"], "wounded"),
    **dict.fromkeys(["evacuate", "evacuated", "evacuee", "evacuation", "displace", "displaced",
                     "flee", "fled", "homeless", "uproot"], "evacuated"),
    **dict.fromkeys(["arrest", "arrested", "detain", "detained", "jail", "imprison"], "arrested"),
    **dict.fromkeys(["missing", "unaccounted", "disappear"], "missing"),
    **dict.fromkeys(["trap", "trapped", "strand", "stranded", "besiege"], "trapped"),
    **dict.fromkeys(["rescue", "rescued"], "rescued"),
    **dict.fromkeys(["remain"], "remaining"),
    **dict.fromkeys(["affect", "affected"], "affected"),
    **dict.fromkeys(["infect", "infected"], "infected"),
    **dict.fromkeys(["flood", "flooded", "destroy", "destroyed", "damage", "damaged"], "damaged"),
}
_POWER = {"power", "electricity"}
# "the UN estimated", "according to the army"; "the FSA boasts 20,000 fighters" is the FSA's figure
_REPORT_VERBS = REPORT_VERBS | {"boast", "tally", "reckon"}
_PRONOUNS = {"i", "we", "it", "they", "he", "she", "you", "this", "that", "who", "which", "one"}
_PLACE_PREPS = {"in", "across", "throughout", "near", "around", "outside", "inside", "at", "from"}
# Weekday -> its number (Monday is 0, as ``date.weekday()``).
_WEEKDAYS = {day: i for i, day in enumerate(WEEKDAYS)}
_NAME_ENTS = {"ORG", "FAC", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "GPE", "LOC",
              "NORP", "LANGUAGE"}
# Edges into another clause: an event there is about something else.
_CLAUSE_EDGES = {"advcl", "relcl", "parataxis", "ccomp"}
_WEAK_EVENTS = {"remaining", "damaged", "affected"}
# Events that happen to people, and counted things they cannot happen to ("buildings killed").
_PEOPLE_EVENTS = {"killed", "executed", "wounded", "arrested", "missing", "rescued", "infected",
                  "casualties", "held hostage", "held prisoner"}
_THING_CLASSES = {"homes", "buildings"}
# Events whose count runs up as reports come in: tolls, evacuations, arrests, damage.
_RUNNING_EVENTS = {"killed", "executed", "wounded", "casualties", "evacuated", "arrested",
                   "missing", "trapped", "rescued", "affected", "infected", "damaged",
                   "without power"}


def _noun_class(tok) -> str | None:
    """What a noun token counts ("civilians" -> "people"), by its lemma or its text."""
    lemma, low = tok.lemma_.lower(), tok.text.lower()
    return _NOUN_CLASS.get(lemma) or _NOUN_CLASS.get(low)
