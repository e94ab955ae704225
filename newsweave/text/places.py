"""Places: a small gazetteer of countries (with common short forms) and capital cities, and
``place_alias``, the name it shows for a place ("U.S." -> "United States"); ``is_region``: a
place that holds others (a country, a continent, a U.S. state, "Salem County"), so that a
sentence naming it and one naming a town may still be about one place.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Countries (with common short forms) and capital cities, written for this module. One line per
# place: the name shown, then other names it goes by.
_GAZETTEER = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia; Australia;
Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin;
Bhutan; Bolivia; Bosnia and Herzegovina|Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso;
Burundi; Cambodia; Cameroon; Canada; Cape Verde; Central African Republic; Chad; Chile; China;
Colombia; Comoros; Congo; Democratic Republic of Congo|DRC|Democratic Republic of the Congo;
Costa Rica; Croatia; Cuba; Cyprus; Czech Republic|Czechia; Denmark; Djibouti; Dominica;
Dominican Republic; Ecuador; Egypt; El Salvador; Equatorial Guinea; Eritrea; Estonia; Eswatini;
Ethiopia; Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada;
Guatemala; Guinea; Guinea-Bissau; Guyana; Haiti; Honduras; Hungary; Iceland; India; Indonesia;
Iran; Iraq; Ireland; Israel; Italy; Ivory Coast|Cote d'Ivoire; Jamaica; Japan; Jordan;
Kazakhstan; Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia;
Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta;
Marshall Islands; Mauritania; Mauritius; Mexico; Micronesia; Moldova; Monaco; Mongolia;
Montenegro; Morocco; Mozambique; Myanmar|Burma; Namibia; Nauru; Nepal; Netherlands|Holland;
New Zealand; Nicaragua; Niger; Nigeria; North Korea; North Macedonia|Macedonia; Norway; Oman;
Pakistan; Palau; Palestine|Palestinian Territories; Panama; Papua New Guinea; Paraguay; Peru;
Philippines; Poland; Portugal; Qatar; Romania; Russia|Russian Federation; Rwanda;
Saint Lucia; Samoa; San Marino; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone;
Singapore; Slovakia; Slovenia; Solomon Islands; Somalia; South Africa; South Korea; South Sudan;
Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania;
Thailand; Timor-Leste|East Timor; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkey|Turkiye;
Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates|UAE|U.A.E.;
United Kingdom|UK|U.K.|Britain|Great Britain; United States|US|U.S.|USA|U.S.A.|America;
Uruguay; Uzbekistan; Vanuatu; Vatican|Vatican City|Holy See; Venezuela; Vietnam; Yemen; Zambia;
Zimbabwe; Gaza|Gaza Strip; West Bank; Kurdistan; Europe; Africa; Asia; Middle East;
Kabul; Tirana; Algiers; Luanda; Buenos Aires; Yerevan; Canberra; Vienna; Baku; Manama; Dhaka;
Minsk; Brussels; Porto-Novo; La Paz; Sarajevo; Gaborone; Brasilia; Sofia; Ouagadougou;
Phnom Penh; Yaounde; Ottawa; Bangui; N'Djamena; Santiago; Beijing|Peking; Bogota; Kinshasa;
Brazzaville; San Jose; Zagreb; Havana; Nicosia; Prague; Copenhagen; Cairo; Tallinn; Addis Ababa;
Helsinki; Paris; Libreville; Banjul; Tbilisi; Berlin; Accra; Athens; Guatemala City; Conakry;
Tegucigalpa; Budapest; Reykjavik; New Delhi|Delhi; Jakarta; Tehran; Baghdad; Dublin; Jerusalem;
Rome; Kingston; Tokyo; Amman; Astana; Nairobi; Pristina; Kuwait City; Bishkek; Vientiane; Riga;
Beirut; Maseru; Monrovia; Tripoli; Vilnius; Antananarivo; Lilongwe; Kuala Lumpur; Bamako;
Valletta; Nouakchott; Mexico City; Chisinau; Ulaanbaatar; Podgorica; Rabat; Maputo; Naypyidaw;
Windhoek; Kathmandu; Amsterdam; The Hague; Wellington; Managua; Niamey; Abuja; Pyongyang; Skopje;
Oslo; Muscat; Islamabad; Ramallah; Panama City; Asuncion; Lima; Manila; Warsaw; Lisbon; Doha;
Bucharest; Moscow; Kigali; Riyadh; Dakar; Belgrade; Freetown; Bratislava; Ljubljana; Mogadishu;
Pretoria; Seoul; Juba; Madrid; Colombo; Khartoum; Paramaribo; Stockholm; Bern; Damascus; Taipei;
Dushanbe; Dodoma; Bangkok; Dili; Lome; Tunis; Ankara; Ashgabat; Kampala; Kyiv|Kiev; Abu Dhabi;
London; Washington|Washington DC|Washington, D.C.; Montevideo; Tashkent; Caracas; Hanoi; Sanaa;
Lusaka; Harare; Geneva; New York|New York City; Istanbul; Dubai; Mecca; Aleppo; Mosul; Basra;
Benghazi; Alexandria; Karachi; Mumbai|Bombay; Shanghai; Hong Kong; Los Angeles; Chicago; Sydney;
Toronto; Frankfurt; Munich; Milan; Barcelona
"""


def _build_gazetteer() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in _GAZETTEER.replace("\n", " ").split(";"):
        names = [n.strip() for n in entry.split("|") if n.strip()]
        for n in names:
            out[n.lower()] = names[0]
    return out


_GAZ = _build_gazetteer()


# Regions that are not countries: continents and parts of the world, the U.S. states.
_REGIONS = """
Europe; Africa; Asia; Middle East; Latin America; South America; North America; Central America;
Caribbean; Balkans; Scandinavia; Gulf; Persian Gulf; Sahel; Antarctica; Arctic; Pacific;
Atlantic; Mediterranean; Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut;
Delaware; Florida; Georgia; Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana;
Maine; Maryland; Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska;
Nevada; New Hampshire; New Jersey; New Mexico; New York; North Carolina; North Dakota; Ohio;
Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah;
Vermont; Virginia; Washington State; West Virginia; Wisconsin; Wyoming; England; Scotland; Wales;
Northern Ireland
"""
_CAPITALS_START = "Kabul"  # the gazetteer lists countries (and a few regions) before this entry
_REGION_WORD = re.compile(r"\b(?:county|province|state|region|district|prefecture|governorate|"
                          r"oblast|territory|department|valley)$", re.I)


def _build_regions() -> frozenset[str]:
    countries = _GAZETTEER.split(_CAPITALS_START)[0]
    names = (n.strip().lower() for n in (countries + ";" + _REGIONS).replace("\n", " ").replace("|", ";")
             .split(";"))
    return frozenset(n.replace(".", "") for n in names if n)


_REGION_NAMES = _build_regions()


def is_region(name: str) -> bool:
    """A place that holds other places: a country, a continent or part of the world, a U.S.
    state, or a name ending in "County", "Province", "Region" ..."""
    t = re.sub(r"^the\s+", "", " ".join(name.split()).lower()).replace(".", "")
    t = re.sub(r"['’]s?$", "", t)
    return t in _REGION_NAMES or bool(_REGION_WORD.search(t))


@lru_cache(maxsize=4096)
def place_alias(name: str) -> str | None:
    """The gazetteer's name for a country or capital ("U.S." -> "United States"), else None."""
    t = " ".join(name.split()).lower()
    t = re.sub(r"^the\s+", "", t)
    return _GAZ.get(t)
