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
implore fume email text post blast slam rip mock joke retort counter muse gush rave rant
sneer scoff snap yell bark chant sing read answer inform advise recount describe lecture
declare concede interject interrupt reason marvel wonder tease taunt thunder rail lash
echo react
""".split())

# Verbs that quote a few words as someone's name for a thing: they called it a "disaster".
NAMING_VERBS = frozenset("call describe dub label term brand deride denounce praise hail".split())

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

# More nouns for speakers who are people, most of them American political usage.
PERSON_NOUNS = PERSON_NOUNS | frozenset("""
candidate nominee congresswoman congressperson representative delegate voter staffer strategist
operative pollster consultant historian commentator columnist editor anchor host pundit veteran
attorney counsel donor organizer organiser volunteer chair chairperson speaker mother-in-law
businessman businesswoman executive founder partner friend relative sister brother grandmother
grandfather uncle aunt nephew niece cousin actor actress singer rapper writer author
""".split())

# Words that tell a person's sex, for "he" and "she": forms of address, nouns, common first names.
FEMALE_WORDS = frozenset("""
mrs mrs. ms ms. miss madam lady woman women girl mother wife daughter sister grandmother aunt
niece queen princess actress spokeswoman congresswoman chairwoman businesswoman councilwoman
grandma mom mum widow girlfriend bride dame duchess empress heiress
""".split())
MALE_WORDS = frozenset("""
mr mr. sir lord man men boy father husband son brother grandfather uncle nephew king prince
spokesman congressman chairman businessman councilman grandpa dad widower boyfriend groom duke
emperor heir
""".split())
FEMALE_FIRST_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria heather
diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison
doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana
brittany natalie isabella charlotte rose alexis kayla hillary hilary chelsea michele huma kellyanne
condoleezza madeleine nikki sarah ivanka melania ivana tiffany marla ruth sonia elena debbie
kirsten tammy dianne barbara claire jill jane kate katie hope betsy loretta valerie susana
kamala meghan megyn katy gretchen rosie oprah beyonce susie lena tulsi carly jeanne
""".split())
MALE_FIRST_NAMES = frozenset("""
james robert john michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
henry douglas zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald
carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie
gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
johnny barack bernie bill mike mitt marco ted jeb ben chris rand reince newt rudy tim tom jim
vladimir hugh dick al lindsey rick mitch harry chuck jared eric corey steve
jimmy ronald dan sean glenn bret lester reince rahm lyndon franklin abraham colin jon
""".split()) - FEMALE_FIRST_NAMES

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

# More of them: what American political news quotes ("the ad says", "the ruling said").
DOCUMENT_NOUNS = DOCUMENT_NOUNS | frozenset("""
ad advert advertisement clip video spot website site editorial passage book memo memorandum
complaint ruling article column op-ed study poll survey lawsuit suit filing brief transcript
email e-mail sign banner caption headline segment motion order opinion decision indictment
petition affidavit bill platform manifesto speech interview press-release script footage
recording tape audio
""".split())

# Verbs that attribute a figure to its source ("the UN estimated", "according to the army"):
# some verbs of speech, and verbs of counting and belief.
REPORT_VERBS = frozenset("""
say tell report announce confirm claim state add write insist warn note cite quote
""".split()) | frozenset("estimate count put record dispute believe show according".split())

# Inflected forms that attribute a sentence to a speaker ("..., officials said"), as written;
# the first four are the commonest ("said", "says", "told", "according [to]").
ATTRIBUTION_FORMS = ("said", "says", "told", "according", "say", "tells", "asked", "asks", "added",
                     "adds", "wrote", "writes", "tweeted", "explained", "explains", "noted", "notes",
                     "recalled", "recalls")
COMMON_ATTRIBUTION_FORMS = ATTRIBUTION_FORMS[:4]


def words_regex(words) -> re.Pattern:
    """A case-insensitive pattern that finds any of ``words`` as a whole word."""
    return re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b", re.I)


# Forms of address before a name ("Mr Feltman", "Dr. Okafor"), as abbreviated in writing.
HONORIFIC_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr")
# The same, lower-cased, with and without their full stop, and "miss".
HONORIFICS = frozenset({"miss"} | {h.lower() for h in HONORIFIC_ABBREVIATIONS}
                       | {h.lower() + "." for h in HONORIFIC_ABBREVIATIONS})
# Abbreviated titles that stand before a name, and whose full stop ends no sentence
# ("New York Gov. Andrew Cuomo", "Atty. Gen. Eric Holder", "Mr. Okafor").
TITLE_ABBREVIATIONS = HONORIFIC_ABBREVIATIONS + tuple(
    "Prof Gov Atty Supt Rev Gen Sen Rep Lt Col Sgt Capt Cmdr Adm St Hon Fr Msgr Insp Det Cpl Pvt Maj".split())

# Titles and offices that can stand before a name ("President Assad", "Foreign Minister Lavrov"):
# the forms of address, and these (some abbreviated).
TITLES = frozenset(h for h in HONORIFICS if not h.endswith(".")) | frozenset("""
president vice prime minister colonel col general gen lt lieutenant major captain
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


def function_word_initials(phrase: str) -> str:
    """The first letter of every word but "of", "for", "the" and "and", in its case:
    "syrian observatory for human rights" -> "sohr" (for any case, unlike ``initials``)."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z]+", phrase) if w.lower() not in ("of", "for", "the", "and"))


def name_core(key: str) -> list[str]:
    """The words that identify a person in a lower-cased name key: no full stops, no particles,
    no leading titles ("president bashar al-assad" -> ["bashar", "al-assad"];
    "mr. assad" -> ["assad"]); a lone title stays."""
    words = [w for w in key.replace(".", "").split() if w not in PARTICLES]
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    return words


def name_without_honorifics(name: str) -> list[str]:
    """Lower-case words of a speaker's name, before any comma, without forms of address:
    "Mr Feltman" -> ["feltman"], "Dr. Ada Okafor, the mayor" -> ["ada", "okafor"]."""
    name = name.split(",")[0]
    words = [w for w in re.split(r"[\s]+", name.lower()) if w]
    return [w for w in words if w not in HONORIFICS]
