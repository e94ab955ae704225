"""Lexicon: the words that name people, organisations and their titles, and the verbs of speech.

Each list is written once; a stage that needs a narrower or wider set builds it from these.
"""

from __future__ import annotations

import re

# Verbs of speech, as lemmas ("said" -> "say"): the verb that attributes a quotation.
SPEECH_VERBS = frozenset("""
say tell add write state announce warn insist vow explain declare claim note ask reply respond
urge charge cite conclude acknowledge admit argue complain comment confirm deny recall report
stress suggest tweet predict promise shout scream whisper testify repeat agree accuse allege
assert boast concede contend emphasise emphasize lament plead pledge proclaim remark reiterate
reveal threaten quip observe caution exclaim mutter continue quote
""".split())

# Common nouns that name a speaker who is a person (or, plural, a group of people).
PERSON_NOUNS = frozenset("""
official spokesman spokeswoman spokesperson person source man woman boy girl activist resident
minister leader chief commander director witness doctor diplomat envoy governor mayor president
general colonel officer soldier fighter journalist reporter correspondent analyst expert engineer
teacher student worker survivor victim mother father son daughter wife husband neighbour neighbor
lawyer judge prosecutor secretary ambassador negotiator mediator coordinator adviser advisor
economist scientist researcher professor hydrologist official aide chairman chairwoman member
manager owner farmer villager refugee protester protestor rebel opponent supporter campaigner
medic nurse firefighter policeman commissioner inspector sergeant captain major lieutenant
premier chancellor senator congressman lawmaker mp monk priest imam bishop cleric
""".split())

# Common nouns that name a speaker who is an organisation ("the group said", "the ministry said").
SPEAKING_ORG_NOUNS = frozenset("""
group organisation organization council agency ministry government army board committee brigade
coalition administration office observatory charity company party network authority authorities
police regime military department union federation association alliance commission court
parliament senate congress bank firm newspaper broadcaster
""".split())

# A "statement" speaks for whoever made it: the rebels' statement, a statement by the UN.
DOCUMENT_NOUNS = frozenset("""
statement declaration report communique communiqué message letter resolution release tweet post
note document announcement
""".split())

# Forms of address before a name ("Mr Feltman").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."})

# Titles and offices that can stand before a name ("President Assad", "Foreign Minister Lavrov").
TITLES = frozenset("""
mr mrs ms miss dr president vice prime minister colonel col general gen lt lieutenant major captain
capt sergeant sgt commissioner mayor governor gov senator sen rep representative secretary foreign
ambassador king queen prince princess sheikh sheik imam pope bishop father sir dame lord lady judge
justice chancellor premier chairman chairwoman chief professor prof firefighter brigadier admiral
commander ayatollah emir crown deputy state interior defence defense
""".split())

# Name particles ("Bashar al-Assad", "Ursula von der Leyen").
PARTICLES = frozenset("al el bin ibn bint de da di du van von der den la le abu ul".split())

# Words that end organisation names ("Harbourlight Aid", "Syrian National Council").
ORG_ENDINGS = frozenset("""
aid council committee agency board army party ministry department university school college
observatory organisation organization association coalition brigade division corps force forces
times news press post journal herald guardian telegraph gazette bank company corporation inc ltd
group foundation fund trust institute commission authority service services union federation
alliance front movement network crescent cross court parliament assembly office police
""".split())

# Nouns that introduce an organisation's name ("the campaign group Avaaz").
ORG_NAME_NOUNS = frozenset("""
group organisation organization charity agency party company firm movement network coalition
alliance union association foundation newspaper broadcaster channel
""".split())


def initials(name: str) -> str:
    """"International Committee of the Red Cross" -> "ICRC" (function words skipped)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    return "".join(w[0] for w in words if w[0].isupper())


def is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
