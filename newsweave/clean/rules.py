"""The rule table: the kinds of debris, and which single lines are debris of which kind.

An ordered table of ``(kind, pattern)`` rules (``rule.py``: what a rule is), each gated by
the words (or substrings) it cannot match without, and the index that finds the few rules
worth trying on a line (used by :func:`newsweave.clean.lines.classify`).
"""

from __future__ import annotations

import re

from ..text.dates import ANY_WEEKDAY_ALT, MONTH_ALT
from .rule import Rule, index
from .rule import rule as _r
from .stamps import DATE, TIME

KINDS: dict[str, str] = {
    "newsletter": "newsletter / e-mail alert / notification sign-up box",
    "donation": "donation, membership or 'support our journalism' appeal",
    "copyright": "copyright, reprint and reuse notice",
    "share": "share / follow / log-in / 'click here' / 'read more' prompt",
    "credit": "photo credit or credited photo caption, agency tag, byline, contributor line",
    "language_link": "link to the article in another language",
    "comments": "comment counter, comment widget or reader-comment thread",
    "dead_page": "error page, blocked page, archive placeholder or browser/JavaScript notice",
    "paywall": "paywall message or teaser cut off by a paywall",
    "consent": "cookie / privacy consent banner",
    "navigation": "page furniture: ads, menus, section labels, related links, video/gallery widgets, separators",
    "contact": "author contact details and tip lines (e-mail, phone, handle)",
    "meta": "publication date, update, correction or editor's note",
    # not debris, set aside by newsweave.listings (it needs the other articles to decide):
    "other_story": "another story of a page that lists many (a police report's other incidents, "
                   "a news budget's other slugs)",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*[a-z]", re.I)

# Language names, for "Read in Spanish" / "Lire en français" links.
_LANGS = (
    r"(?:english|spanish|espa[nñ]ol|french|fran[cç]ais|german|deutsch|arabic|chinese|"
    r"russian|portuguese|portugu[eê]s|italian|italiano|japanese|korean|hindi|urdu|"
    r"persian|farsi|turkish|t[uü]rk[cç]e|hebrew|dutch|polish|swahili|indonesian|"
    r"vietnamese|ukrainian|greek|catalan|catal[aà])"
)


_LANG_WORDS = (
    "english", "spanish", "español", "espanol", "french", "français", "francais", "german",
    "deutsch", "arabic", "chinese", "russian", "portuguese", "português", "portugues",
    "italian", "italiano", "japanese", "korean", "hindi", "urdu", "persian", "farsi",
    "turkish", "türkçe", "turkce", "türkce", "turkçe", "hebrew", "dutch", "polish", "swahili",
    "indonesian", "vietnamese", "ukrainian", "greek", "catalan", "català", "catala",
)  # fmt: skip


# --------------------------------------------------------------------------- line rules
# Ordered: the first rule that fires decides the kind, so the more specific kinds
# come first (a sign-up box that also says "privacy policy" is a newsletter box).

_SOCIAL = ("facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "google+",
           "messenger", "instagram", "youtube", "flipboard", "tumblr", "snapchat")  # fmt: skip

# Lone page-furniture labels: a line that is nothing but one of these.
_NAV_LABELS = (
    r"advertisements?", r"advertising", r"ads?", r"sponsored(?: content| stories| links)?",
    r"promoted(?: stories| content)?", r"paid (?:content|post)", r"partner content",
    r"continue reading(?: below| the story)?", r"story continue[sd] below",
    r"continue (?:to|with) (?:the )?(?:article|story)",
    r"skip (?:to|in) (?:main )?(?:content|navigation|article)", r"skip(?: ad)?", r"photos?",
    r"videos?", r"pictures", r"images?", r"graphics?", r"gallery", r"galleries", r"slideshow",
    r"(?:view|see) (?:gallery|slideshow|photos|images|more|all)",
    r"enlarge(?: this)?(?: image| photo)?", r"(?:play|watch) (?:video|now|all)", r"now playing",
    r"up next", r"watch(?: now)?", r"listen(?: now)?", r"(?:key|quick) facts",
    r"related(?: gallery| posts| stories| articles| coverage| content| links| topics| videos?| reading)?",
    r"more (?:stories|news|videos?|from \w+(?: \w+)?|on this(?: story| topic)?)",
    r"most (?:popular|read|viewed|shared|emailed|commented)", r"trending(?: now| stories)?",
    r"recommended(?: for you| stories| reading)?", r"you (?:may|might) also like", r"see also",
    r"also", r"also read", r"in-?depth", r"top stories", r"latest(?: news| stories| headlines)?",
    r"editor'?s'? picks?", r"(?:from )?around the web", r"menu", r"home", r"search", r"close",
    r"back to top", r"next", r"previous", r"prev", r"loading", r"load more", r"show more",
    r"text size", r"font size", r"tags?", r"topics", r"filed under", r"sections?", r"breaking news",
    r"online", r"interactive", r"infographic", r"today", r"tonight", r"tomorrow",
    r"live(?: updates| blog| coverage)?", r"(?:toggle |hide |show )?caption", r"play", r"pause",
    r"mute", r"unmute", r"replay", r"full ?screen", r"ad feedback",
    r"(?:story|article|text) continues below(?: advertisement)?",
    r"listen to (?:this |the )?(?:article|story)",
)  # fmt: skip

# Controls of an embedded video player.
_PLAYER = (
    r"replay|autoplay|more videos|must watch|just watched|copy (?:this|the) (?:code|link)|play now|"
    r"(?:tap|click) to (?:play|unmute|watch)|video (?:unavailable|loading|will start)|embed|"
    r"full ?screen|skip ad"
)

# Labels that introduce a teaser for another page: "WATCH: ...", "PHOTOS: ...".
_TEASER_LABELS = (
    r"photos?", r"pics?", r"pictures", r"images", r"gallery", r"slideshow", r"videos?", r"watch",
    r"listen", r"map", r"interactive(?: map)?", r"graphics?", r"infographic", r"quiz", r"poll",
    r"related", r"read", r"read more", r"see", r"see also", r"also",
    r"also (?:on|read|see|watch)\b[^:]{0,30}", r"more", r"more news", r"more from [^:]{1,30}",
    r"story", r"stories", r"bonus", r"explained", r"in (?:video|pictures|photos|graphics)", r"podcast",
    r"live updates", r"live blog", r"must (?:see|read|watch)", r"don't miss",
)  # fmt: skip

RULES: list[Rule] = [
    # ---- comments: counters and comment widgets ("Comments", "Comments 30", "12 comments").
    _r("comments", r"^\W*(?:\d+\s+)?(?:reader\s+)?comments?(?:\s*[(\[]?\d+[)\]]?)?\s*:?\W*$", 40, words=("comment", "comments")),
    _r("comments", r"^\W*(?:view|show|hide|read|see|load|display)\s+(?:all\s+|more\s+)?(?:\d+\s+)?(?:comments?|replies)\b.{0,20}$", 60, words=("comment", "comments", "replies")),
    _r("comments", r"^\W*(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b.{0,40}$", 80, words=("comment", "reply", "response")),
    _r("comments", r"^\W*comments?\s+(?:are|is|have been)\s+(?:now\s+)?(?:closed|disabled|moderated|turned off)\b", 150, words=("comment", "comments")),
    _r("comments", r"^\W*(?:be the first to comment|no comments yet)\b", 200, words=("comment", "comments")),
    _r("comments", r"\bcomments? powered by\b|\bdisqus\b", 200, words=("disqus", "powered")),
    # Lone comment-widget buttons.
    _r("comments", r"^\W*(?:reply|report(?: abuse| comment)?|flag|upvote|downvote)\W*$", 20, words=("reply", "report", "flag", "upvote", "downvote")),
    # ---- language_link: "Read in Spanish", "Lire en français", "(en español)".
    _r("language_link", rf"^\W*(?:read|lire|leer|lesen|ler|leggi|czytaj|view)\b.{{0,30}}\b(?:in|en|em|auf)\s+{_LANGS}\W*$", 60, words=_LANG_WORDS),
    _r("language_link", rf"^\W*(?:en espa[nñ]ol|in english|{_LANGS} (?:version|edition)|versi[oó]n en espa[nñ]ol|version fran[cç]aise|en fran[cç]ais|auf deutsch)\W*$", 40, words=_LANG_WORDS),
    # ---- newsletter: sign-up boxes, alert and notification prompts.  They come before
    # dead_page/consent because a sign-up form often contains "verify you're not a
    # robot" or "privacy policy".
    _r("newsletter", r"(?:^\W*|[.?!]\s+)(?:sign\s?up|subscribe|register|opt[- ]in|enrol+)\b.{0,150}\b(?:newsletters?|e-?mails?|alerts?|updates|inbox|briefings?|digest|bulletins?|notifications?)\b",
       words=("sign", "signup", "subscribe", "register", "opt-in", "opt", "enrol", "enroll")),
    _r("newsletter", r"\bnewsletters?\b.{0,200}\b(?:sign(?:ing)?\s?up|subscri\w*|inbox|unsubscribe|opt[- ]out|e-?mail address)\b", 700, words=("newsletter", "newsletters")),
    _r("newsletter", r"\b(?:sign(?:ing)?\s?up|subscrib\w*)\b.{0,200}\bnewsletters?\b", 700, words=("newsletter", "newsletters")),
    _r("newsletter", r"^\W*(?:sign\s?up|subscribe)(?:\s+(?:now|today|here|for free))?\W*$", 40, words=("sign", "signup", "subscribe")),
    _r("newsletter", r"^\W*(?:be sure to |please |don't forget to )?subscribe\b.{0,120}$", 150, soft=True, words=("subscribe",)),
    _r("newsletter", r"^\W*subscribe to\b", 500, words=("subscribe",)),
    _r("newsletter", r"\b(?:delivered|sent|straight|direct(?:ly)?|right)\b.{0,25}\b(?:to|in|into) your (?:inbox|phone|e-?mail|mailbox)\b", 300, soft=True,
       words=("inbox", "phone", "email", "e-mail", "mailbox")),
    _r("newsletter", r"\b(?:get|receive|delivered|sent)\b.{0,80}\byour inbox\b", 200, soft=True, words=("inbox",)),
    _r("newsletter", r"^\W*get\s.{0,60}\b(?:alerts?|notifications?|newsletters?|updates|headlines)\b", 200, soft=True,
       words=("alert", "alerts", "notification", "notifications", "newsletter", "newsletters", "updates", "headlines")),
    _r("newsletter", r"^\W*(?:breaking news |daily |weekly |morning |evening )?(?:e-?mails?|newsletters?|alerts?|briefings?)\b.{0,20}\b(?:sign\s?up|subscribe|get)\b",
       words=("email", "emails", "e-mail", "e-mails", "newsletter", "newsletters", "alert", "alerts", "briefing", "briefings")),
    _r("newsletter", r"^\W*stay (?:up to date|updated|informed|in the know|connected|current|on top)\b[^,]*$", 150, soft=True, words=("stay",)),
    _r("newsletter", r"\bnotifications?\b.{0,60}\b(?:browser|preferences|settings|turn(?:ed)? on|enable|allow|manage)\b|\b(?:turn on|enable|allow|manage) (?:push |browser )?notifications\b", 200, soft=True,
       words=("notification", "notifications")),
    _r("newsletter", r"\b(?:invalid|(?:enter )?(?:a |your )?valid) e-?mail(?: address)?\b|\benter your e-?mail\b", words=("email", "e-mail")),
    _r("newsletter", r"\b(?:thank(?:s| you) for subscribing|you(?:'re| are) (?:now )?subscribed|could not subscribe)\b", words=("subscribing", "subscribed", "subscribe")),
    _r("newsletter", r"\bby (?:signing up|subscribing|clicking)\b.{0,80}\b(?:agree|consent|terms|privacy)\b", 400, words=("signing", "subscribing", "clicking")),
    _r("newsletter", r"^\W*the (?:news|stories|headlines)\b.{0,60}\bdelivered (?:every |each )?(?:weekday|daily|weekly|morning|evening)", 200, soft=True, words=("delivered",)),
    _r("newsletter", r"^\W*get push notifications\b|\bnotifications? (?:are only sent|has been saved)\b|\bsaving your notification\b|\bas an interest to stay up to date\b", 300,
       words=("push", "notification", "notifications", "interest")),
    # Account forms served instead of the article (a verification mail, a social log-in that fills the form).
    _r("newsletter", r"\b(?:sent you a verification e-?mail|click on the link to activate your\b)|\b(?:facebook|twitter)\b.{0,60}\bfill (?:in|out) your (?:registration|public|profile)\b", 1000,
       words=("verification", "activate", "fill")),
    _r("newsletter", r"^\W*(?:don't|never) miss\b.{0,80}$", 100, soft=True, words=("miss",)),
    _r("newsletter", r"^\W*get\s.{0,60}\bdelivered\b", 120, soft=True, words=("delivered",)),
    # ---- donation appeals (single lines; the multi-paragraph box is structural).
    _r("donation", r"^\W*your (?:support|donations?|contributions?|gift|membership|subscription)s? (?:helps?|allows?|enables?|makes?|keeps?|means?|will|lets?|funds?|powers?|ensures?|is)\b", 500, soft=True,
       words=("support", "supports", "donation", "donations", "contribution", "contributions", "gift", "gifts", "membership", "memberships", "subscription", "subscriptions")),
    _r("donation", r"(?:^\W*|[.!?]\s+)(?:please\s+)?(?:support|fund) us\b|\b(?:support|fund) our (?:journalism|reporting|newsroom|journalists|independent)\b", 500, soft=True, words=("support", "fund")),
    _r("donation", r"^\W*(?:please )?(?:support|donate to|contribute to|give to)\s+(?:us\b|our\b|independent|quality|local|trusted|journalism|the (?-i:[A-Z])[\w.-]*\W*$)", 150,
       words=("support", "donate", "contribute", "give")),
    _r("donation", r"^\W*(?:please )?(?:donate|contribute|give)(?:\s+(?:now|today|here|monthly|once))?\W*$", 30, words=("donate", "contribute", "give")),
    _r("donation", r"(?:^\W*|[.!?]\s+)(?:please\s+)?(?:make|consider making) a (?:one-?off |one-?time |monthly |recurring |small |tax-deductible )?(?:donation|contribution)\b", 400, soft=True,
       words=("donation", "contribution")),
    _r("donation", r"(?:^\W*|[.!?]\s+)(?:please\s+)?donate (?:now|today|here)\b", 200, soft=True, words=("donate",)),
    _r("donation", r"^\W*(?:become|join us as|sign up as) an? (?:member|supporter|patron|subscriber|friend of)\b", 200, words=("become", "join", "sign")),
    _r("donation", r"\bwe (?:rely|depend|count) on (?:you|our readers|readers|your support|donations|contributions)\b", 500, soft=True, words=("rely", "depend", "count")),
    _r("donation", r"\breaders like you\b|\b(?:every|any) (?:contribution|donation|gift)\b,? however (?:big or )?small\b|\bsmall favou?r to ask\b", 500, soft=True, words=("readers", "however", "favour", "favor")),
    # ---- paywall messages: addressed to the reader about access, never about the story.
    _r("paywall", r"\b(?:subscribe|sign in|log in|register|become a (?:member|subscriber))\b.{0,40}\b(?:to (?:continue|keep) reading|to read (?:the|this|more)|for (?:full|unlimited) access)\b",
       words=("subscribe", "sign", "log", "register", "become")),
    _r("paywall", r"\bto (?:continue|keep) reading\b.{0,40}\b(?:subscribe|log ?in|sign ?in|register)\b", words=("reading",)),
    _r("paywall", r"\b(?:you(?:'ve| have) (?:reached|used|read)|remaining)\b.{0,40}\b(?:free (?:articles?|stories|views)|article limit|monthly limit)\b", words=("free", "limit")),
    _r("paywall", r"\bthis (?:content|article|story|page) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members|premium)\b", words=("subscribers", "members", "premium")),
    _r("paywall", r"(?:^\W*|[.!?]\s+)already (?:a |an )?(?:subscriber|member|have an account)\b", 200, words=("already",)),
    _r("paywall", r"^\W*(?:subscribers?|premium|members?)[- ]only(?: content| article)?\W*$", 40,
       words=("subscriber", "subscribers", "premium", "member", "members", "subscriber-only", "subscribers-only", "premium-only", "member-only", "members-only")),
    _r("paywall", r"\bsubscription (?:is required )?to (?:continue|keep) reading\b|\b(?:sign up for|get|upgrade to)(?: full)? digital (?:access|subscription)\b", 1000,
       words=("subscription", "digital")),
    _r("paywall", r"\b(?:content|article|story|available|access) (?:is )?(?:for|to) (?:paying |paid )?(?:subscribers|members) only\b|^\W*(?:for )?(?:paying |paid )?(?:subscribers|members) only\W*$|\bcreate (?:a |an |your )?(?:free )?account\b.{0,30}\b(?:continue|keep) reading\b|\byou(?:'re| are) reading (?:a|your|one of)\b.{0,20}\bfree\b", 200,
       words=("only", "account", "free")),
    # ---- consent banners.
    _r("consent", r"\bwe use cookies\b|\b(?:this|our) (?:site|website) uses cookies\b", 400, soft=True, words=("cookies",)),
    _r("consent", r"^\W*(?:accept|manage|reject|allow|decline)(?: all)? cookies\b|^\W*cookie (?:policy|settings|preferences|notice)\W*$", 100, words=("cookie", "cookies")),
    _r("consent", r"\bdo not sell my\b|\b(?:manage|update|change) (?:your )?(?:privacy|cookie|consent) (?:settings|preferences|choices|options)\b", 150, words=("sell", "privacy", "cookie", "consent")),
    _r("consent", r"\bby (?:continuing|using)(?: to (?:use|browse))? (?:this|our) (?:site|website)\b.{0,60}\b(?:agree|accept|consent)\b", 400, words=("continuing", "using")),
    # ---- dead pages: error pages, blocks, browser notices, archive placeholders.
    _r("dead_page", r"^\W*the ip address (?:has|may have) changed\b|\bcheck your dns\b|\bdns (?:changes|cache)\b", 600, words=("ip", "dns")),
    _r("dead_page", r"\b(?:this|the requested) (?:web ?)?(?:page|content|article|story|video|file|url|site|link)\b.{0,20}\b(?:is|are|has been|may be)\s+(?:no longer|not|currently not|temporarily|permanently) (?:available|accessible|found|online)\b", 250, soft=True,
       words=("available", "accessible", "found", "online")),
    _r("dead_page", r"\b(?:page|file|url|document|content)\s+you (?:are|were|have been)? ?(?:looking for|requested|trying to (?:reach|access))\b", 250, words=("looking", "requested", "trying")),
    _r("dead_page", r"^\W*(?:error\s*)?(?:404|403|410|500|502|503)\b.{0,60}$|^\W*not found\W*$", 100, words=("404", "403", "410", "500", "502", "503", "error", "found")),
    _r("dead_page", r"\b(?:404|page) not found\b", 100, words=("found",)),
    _r("dead_page", r"\b(?:your|this) browser\b.{0,60}\b(?:not supported|outdated|out of date|unsupported|does not support|doesn't support|is not compatible|isn't supported)\b", soft=True, words=("browser",)),
    _r("dead_page", r"(?:^\W*|[.!?]\s+)(?:please\s+)?(?:enable|turn on|activate)\s+(?:javascript|cookies|js)\b|\byou (?:must|need to|have to|should) (?:enable|turn on|activate)\s+(?:javascript|cookies|js)\b|\bjavascript\b.{0,40}\b(?:disabled|is off|required|must be enabled|turned off|not enabled)\b|\b(?:cookies|javascript) (?:are|is) (?:disabled|required|blocked)\b", soft=True,
       words=("javascript", "cookies", "js")),
    _r("dead_page", r"\b(?:you(?:'re| are)?|your)\b.{0,40}\bad ?-?block|\b(?:disable|turn off|whitelist|pause)\b.{0,30}\bad ?-?block", soft=True,
       words=("blocker", "blockers", "block", "blocking", "adblock", "adblocker", "adblockers", "ad-block", "ad-blocker", "ad-blockers", "adblocking", "ad-blocking", "blocks")),
    _r("dead_page", r"\b(?:re)?captcha\b|\b(?:are you a|(?:verify|confirm|prove) (?:that )?you(?:'re| are)(?: not)?(?: a)?) (?:human|robot|bot)\b|\bpress (?:&|and) hold to confirm\b|\bchecking (?:your|if the site connection|the) browser\b|\bunusual traffic from your\b|\b(?:complete|completing) (?:the|a) security check\b|\bcloudflare ray id\b", 300, soft=True,
       words=("captcha", "recaptcha", "human", "robot", "bot", "hold", "checking", "traffic", "check", "ray")),
    _r("dead_page", r"^\W*access (?:denied|forbidden)\b", 200, words=("access",)),
    _r("dead_page", r"\byou (?:don't|do not) have permission to (?:access|view)\b", 200, words=("permission",)),
    _r("dead_page", r"\b(?:not available|unavailable) in your (?:country|region|location|area)\b|\bgeo-?(?:blocked|restricted)\b", 250,
       words=("country", "region", "location", "area", "geo-blocked", "geoblocked", "geo-restricted", "georestricted")),
    _r("dead_page", r"^\W*you must (?:be )?(?:log(?:ged)? ?in|sign(?:ed)? ?in|register|subscribe)\b.{0,40}$", 100, words=("must",)),
    _r("dead_page", r"\b(?:need|requires?|install|download|update to|latest version of)\b.{0,40}\bflash player\b|^\W*(?:please )?update your browser\b", 200, soft=True, words=("flash", "browser")),
    _r("dead_page", r"\byou (?:can|may)\b.{0,40}\b(?:add|delete|remove)\b.{0,80}\byour tweets?\b", 300, soft=True, words=("tweet", "tweets")),
    _r("dead_page", r"\badd (?:a location to your tweets|this tweet to your website)\b", 1500, words=("add",)),
    # A page served instead of the article that says so from its first words.
    _r("dead_page", r"^\W*sorry,? (?:the|this) page you (?:requested|are looking for)\b|^\W*please enable cookies\b.{0,80}\bin order to continue\b", 1500, words=("sorry", "cookies")),
    # Internet Archive / Wayback placeholders served instead of the article.
    _r("dead_page", r"\bcrawl(?:s|ed|er)?\b.{0,120}\b(?:urls?|embeds?|archiv\w*|wayback|seeds?|warc|hosts?)\b|\b(?:urls?|embeds?|archiv\w*|wayback|seeds?|warc|hosts?)\b.{0,120}\bcrawl(?:s|ed|er|ing)?\b", 1500,
       words=("crawl", "crawls", "crawled", "crawler", "crawling")),
    _r("dead_page", r"\b(?:wayback machine|internet archive|archive-?it|warc files?)\b.{0,200}\b(?:collections?|captures?|partner|embargo|curated)\b|archive-?it partner\b", 1500,
       words=("wayback", "archive", "archive-it", "archiveit", "warc"), subs=("archive-it", "archiveit")),
    _r("dead_page", r"^\W*(?:this is )?an? (?:set|collection) of (?:\w+ ){0,3}web (?:content|collections?|captures?|pages|sites)\b", 600, words=("web",)),
    _r("dead_page", r"\b(?:data|files) (?:is|are) currently not publicly accessible\b|\bwebcrawl data\b|^\W*the seed (?:list )?for [\w.-]+ (?:was|is)\b|\b(?:collections?|warcs?)\b.{0,200}\b(?:wayback machine|internet archive)\b", 1500, soft=True,
       words=("accessible", "webcrawl", "seed", "wayback", "archive")),
    # ---- copyright and reuse notices: anchored on the notice's own shapes (leading
    # "©"/"Copyright <year>", "All rights reserved." as a clause) so an article about
    # copyright law is left alone.
    _r("copyright", r"^\W*(?:©|\(c\)\s*(?:19|20)\d\d)", subs=("\u00a9", "(c)")),
    _r("copyright", r"^\W*copyright\s*(?:©|\(c\))?\s*(?:19|20)\d\d\b|^\W*copyright\b.{0,100}\b(?:19|20)\d\d\W*$", words=("copyright",), subs=("copyright",)),
    _r("copyright", r"\ball rights reserved\s*(?:[.,;)]|$)", 400, words=("reserved",)),
    _r("copyright", r"\bmay not be (?:re)?(?:published|reproduced|copied|distributed)\b.{0,30}\b(?:broadcast|rewritten|redistributed|reproduced|distributed|transmitted)\b", 400,
       words=("broadcast", "rewritten", "redistributed", "reproduced", "distributed", "transmitted")),
    _r("copyright", r"\bpresentation-ready copies\b|\breuse this (?:content|article|story)\b|\breprints?\b.{0,60}\b(?:personal|non-?commercial|order|permissions?)\b|\bpersonal,? non-?commercial use\b", 400,
       words=("reuse", "reprint", "reprints", "non-commercial", "noncommercial", "commercial", "presentation-ready")),
    _r("copyright", r"^\W*\(?(?:reproduced|republished|reprinted) with (?:the )?(?:kind )?permission\b|\b(?:article|story|post|piece|column|material|content|excerpt) (?:is |was |has been )?(?:reproduced|republished|reprinted) with (?:the )?(?:kind )?permission\b|\bdo not (?:reproduce|republish|redistribute)\b|\b(?:reproduced|republished|redistributed|copied|reprinted)\b.{0,40}\bwithout (?:prior |express )?(?:written )?permission\b", 400, soft=True,
       words=("permission", "reproduce", "republish", "redistribute")),
    _r("copyright", r"^\W*(?:(?:terms (?:of|and) (?:use|service|conditions)|privacy policy|cookie policy|about us|contact us|site ?map|accessibility)\W*)+$", 100, words=("terms", "privacy", "cookie")),
    _r("copyright", r"\b(?:licensed|available) under (?:a |the )?creative commons\b", words=("commons",)),
    # ---- credits: captions with a photo credit, agency tags, bylines, contributor lines.
    # A caption describes a picture the reader cannot see, is often cut off with "...",
    # and repeats the story; the credit attached to it is what marks it as a caption.
    # Caption blocks with their labels ("Image copyright <agency> Image caption <text>").
    _r("credit", r"^\W*image (?:copyright|caption|source|credit)\b", 500, words=("image",)),
    _r("credit", r"\((?:photo|image|picture|video|graphic|illustration|credit|photograph)(?: credit)?\s*(?::|by)\s*[^)]{1,50}\)",
       words=("photo", "image", "picture", "video", "graphic", "illustration", "credit", "photograph")),
    _r("credit", r"^\W*(?:(?:thumbnail|lead|top|header|main|featured|cover|file) )?(?:photo|image|picture|video|graphic|illustration|screenshot|thumbnail|photograph|photo illustration|source|credit|courtesy|map|chart)s?\s*(?:by|via|courtesy|credit)\b\s*\S.{0,100}$", 110,
       words=("by", "via", "courtesy", "credit")),
    # "Photo: AFP", "Image: instagram/user", "Source: Some University": a colon label
    # followed by at most three words or by an agency / slash credit.  Longer text
    # after "Photos:" or "Map:" is a teaser (navigation, below).
    _r("credit", r"^\W*(?:photo|photograph|image|picture|screenshot|illustration|graphic|sources?|credits?|courtesy)\s*:\s*(?:\S+(?:\s+\S+){0,2}|.*(?:/|\bvia\b|getty|reuters|\bAP\b|AFP|EPA|courtesy|shutterstock|istock).*)$", 110,
       words=("photo", "photograph", "image", "picture", "screenshot", "illustration", "graphic", "source", "sources", "credit", "credits", "courtesy")),
    _r("credit", r"\bcredit:\s*\S[^:]{0,60}$", 400, words=("credit",)),
    # A caption that ends with its credit in parentheses: "... (AP)", "(Name/Outlet)".
    _r("credit", r"\((?:AP|AFP|Reuters|Associated Press|The Associated Press|Getty Images|EPA|UPI|PA|Bloomberg|Xinhua|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)* via (?:AP|Reuters|AFP|Getty Images|Facebook|Twitter|Instagram)|[A-Z][\w.' -]{1,40}\s?/\s?[A-Z][\w.' -]{1,40})\)\s*$", 400, flags=0,
       subs=(")",)),
    _r("credit", r"\b(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|AP Photo)\s*/\s*[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,3}\s*$|\bvia (?:AP|Reuters|AFP|Getty Images|EPA)\s*$", 400, flags=0,
       words=("reuters", "afp", "ap", "epa", "getty", "photo", "via")),
    # Lone agency or picture-agency tags ("AP", "(CNN)", "Getty Images").
    _r("credit", r"^\W*\(?(?:AP|AFP|Reuters|REUTERS|PA|CNN|UPI|dpa|EPA|Getty(?: Images)?|Bloomberg|AP Photo|Associated Press|The Associated Press|Agence France-Presse|Press Association|Xinhua|ANSA|Kyodo|Yonhap|TASS|IANS|PTI|Newscom|Shutterstock|iStock|USA TODAY|CBS News|NBC News|ABC News|Fox News|BBC News|Sky News|PA Wire|PA Media|WENN|Rex Features)\)?\W*$", 40, flags=0),
    # "Name Surname / Agency / Getty": slash-separated credits on their own line.
    _r("credit", r"^[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s?/\s?[A-Z][\w.'&-]*(?:\s+[\w.'&-]+)*(?:\s?/\s?[\w.'&-]+(?:\s+[\w.'&-]+)*)*$", 70, flags=0),
    # A lone capitalised name in parentheses under a picture: "(Springfield Police Department)".
    _r("credit", r"^\((?!(?:photos?|video|quiz|also)\b)[A-Z][\w.'&-]*(?:\s+(?:[A-Z][\w.'&-]*|of|the|and|for|de|via|&))*\)$", 80, flags=0),
    _r("credit", r"^\W*contributing(?: reporters?| writers?)?\s*:|^\W*\(?editing by\b", words=("contributing", "editing")),
    _r("credit", r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))\b|\bwith (?:additional )?(?:reporting|assistance) (?:from|by)\b",
       words=("contributed", "reporting", "assistance")),
    _r("credit", r"^[A-Z][^.]{0,100}\bcontributed\.$", 150, flags=0, words=("contributed",)),
    # "Additional reporting by Jane Doe", "(Reporting by Jane Doe; Editing by John Roe)".
    _r("credit", r"^\W*\(?(?i:additional |with )?(?i:reporting|writing|editing|research|translation)(?i: by|:)\s+[A-Z][\w.'-]+ [A-Z]", 300, flags=0,
       words=("reporting", "writing", "editing", "research", "translation")),
    # Byline with the agency: "Jane Doe, The Canadian Press", "Jane Doe, BBC News, Cairo".
    _r("credit", r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]+){1,3}, (?:The )?(?:[A-Z][\w.'-]+ ){0,3}(?:Press|News|Times|Post|Reuters|AFP|Agency|Journal|Herald|Tribune|Telegraph|Guardian|Bloomberg|Service|Wire)(?:, [A-Z][\w .'-]+)?$", 80, flags=0,
       words=("press", "news", "times", "post", "reuters", "afp", "agency", "journal", "herald", "tribune", "telegraph", "guardian", "bloomberg", "service", "wire")),
    # Dash attribution on its own line: "- Jane Doe".
    _r("credit", r"^[-\u2013\u2014]\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}$", 40, flags=0),
    # Bylines: "By Jane Doe and John Roe", "/ Updated By Jane Doe", "posted at ... by Jane Doe".
    _r("credit", r"^\W*(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Ss]tory by|[Pp]osted by|[Tt]ext by)\s+(?:[Bb]y\s+)?[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*(?:\s*[,|-]\s*[^.]{0,40})?$", 100, flags=0,
       words=("by",)),
    _r("credit", r"^\W*/?\s*(?i:updated|posted|published|written)\b[^.]{0,60}\b(?i:by)\s+[A-Z][\w.'-]+(?:\s+(?:[A-Z][\w.'-]+|and|&))*(?:\s+(?i:at|on)\s+.{1,40})?\s*$", 120, flags=0, words=("by",)),
    _r("credit", r"^\W*\(?(?:original (?:article|story)\b|this (?:article|story|post|piece) (?:originally |first )?(?:appeared|was (?:originally |first )?published|originally published)\b|(?:read|see) the original (?:article|story)\b|originally (?:published|appeared) (?:on|in|at)\b[^,]{0,60}$)", 200,
       words=("original", "originally", "appeared", "published")),
    _r("credit", r"^\W*this (?:story|article|report|piece|video) (?:was|is) (?:produced|prepared|written|published|reported) (?:in partnership|in collaboration|with|by|for)\b", 200,
       words=("produced", "prepared", "written", "published", "reported")),
    _r("credit", r"^\W*(?i:produced|edited|compiled|photographed|filmed|video)\s+(?i:by)(?:\s+(?:[A-Z][\w.'-]*|and|&|associate|senior|executive|producers?|editors?|photographers?|videographers?|camera|sound)[,.;]?)+$", 150, flags=0, words=("by",)),
    _r("credit", r"\bA post shared by\b.{0,80}$", 250, flags=0, words=("shared",)),
    _r("credit", r"^\W*[\[(]?(?:h/t|hat tip)\b.{0,60}$", 80, subs=("h/t", "hat tip")),
    # ---- meta: dates, update / correction notes, editor's notes (about the page, not
    # the event; a summary must not quote "This story has been updated").
    _r("meta", rf"^\W*(?:updated|update|published|posted|first published|last (?:updated|modified)|modified|created)\b[\s,:]*(?:on\s+|at\s+)?(?:{DATE}|{TIME}|{ANY_WEEKDAY_ALT},? (?:{MONTH_ALT}\b|\d)|{MONTH_ALT}\.? \d|\d+ (?:minutes?|hours?|days?) ago).{{0,80}}$", 120,
       words=("updated", "update", "published", "posted", "first", "last", "modified", "created")),
    _r("meta", r"^.{0,30}\bupdates?\b\W{0,5}(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?.{0,20})?\s*[:\u2014\u2013-]\s*(?:adds?|added|updates?|corrects?|adding|includes?|rewrites?|recasts?)\b", 120, words=("update", "updates")),
    _r("meta", r"^\W*\(?this (?:story|article|post|report|version|page)(?: has been| was| is| will be)? (?:last )?(?:updated|corrected|amended|revised|developing|originally published|first published)\b",
       words=("updated", "corrected", "amended", "revised", "developing", "published")),
    _r("meta", r"^\W*\(?(?:this\s+(?:version\s+|story\s+|article\s+)?)?(?:corrects\b|correction\s*:|clarification\s*:|corrected\s*[:-])", words=("corrects", "correction", "clarification", "corrected")),
    _r("meta", r"^\W*(?:an? )?(?:earlier|previous|prior) version of this (?:article|story|report|post)\b", 400, words=("version",)),
    _r("meta", r"^\W*editor'?s'? note\b|^\W*corrections?\s*(?:&|and)\s*clarifications?\b", 400, words=("note", "clarification", "clarifications")),
    # Reading-time badges: "5 min read", "Reading time: 4 minutes".
    _r("meta", r"^\W*(?:\d+\s*(?:min(?:ute)?s?)\.?\s*read|reading time\b.{0,20})\W*$", 40, words=("read", "reading")),
    _r("meta", r"^\W*(?:more to come|more coming|developing(?: story| news)?|this (?:is a )?(?:developing|breaking) (?:news )?story\b.{0,60})\W*$", 100, words=("come", "coming", "developing")),
    _r("meta", r"^\W*this (?:editorial|column|op-ed|commentary) (?:was|first) (?:published|appeared)\b", 200, words=("published", "appeared")),
    # Video blurb stamped with its publication date: "... (Published Monday, May 1, 2017)".
    _r("navigation", r"\(published [^)]{3,60}\)\s*$", words=("published",)),
    # ---- contact details of the author / newsroom: addresses, not statements.
    _r("contact", r"^\W*(?:to contact (?:the )?(?:reporter|author|writer|editor|newsroom)|contact (?:the )?(?:reporter|author|writer|editor|us)\b|reach (?:the )?(?:reporter|author|writer)\b)", words=("contact", "reach")),
    _r("contact", r"\byou can reach\b.{0,60}\bat\b", 200, words=("reach",)),
    _r("contact", r"^\W*(?:have a (?:news )?tip|got a (?:news )?tip|send (?:us )?(?:a |your )?(?:news )?tips?|news ?tips?\s*:)", 200, words=("tip", "tips", "newstip", "newstips")),
    _r("contact", r"^\W*•?\s*(?:twitter|e-?mail|facebook|instagram|phone|tel|fax|linkedin)\s*:\s*\S.{0,80}$", 100,
       words=("twitter", "email", "e-mail", "facebook", "instagram", "phone", "tel", "fax", "linkedin")),
    _r("contact", r"^\W*@\w{2,30}\W*$", 40, subs=("@",)),
    _r("contact", _EMAIL.pattern, 150, soft=True, subs=("@",)),
    # Tag / topic lists: "Read more about: X, Y, Z", "Tags: ...", "Filed under: ...".
    _r("navigation", r"^\W*(?:read more about|more about|tags?|topics?|filed under|categories|related topics)\s*:\s*[^.!?]{1,200}$", 220,
       words=("about", "tag", "tags", "topic", "topics", "filed", "categories")),
    # ---- share / follow / log-in / click prompts: imperatives aimed at the reader, so
    # most are anchored at the line start or need a second-person / UI context.
    _r("share", r"^\W*(?:copy link|bookmark|save for later|(?:gift|give) (?:this |an )?article|share|tweet|e-?mail|print|pin(?: it)?|like|follow|save|repost)(?:\s+(?:this|it|on \w+|via \w+|us|story|article|page|post|link))*\W*$", 40,
       words=("copy", "bookmark", "save", "gift", "give", "share", "tweet", "email", "e-mail", "print", "pin", "like", "follow", "repost")),
    _r("share", r"^\W*(?:share|tweet|post)\s+(?:this|with|on|via|to)\b[^.!?]{0,30}$", 40, words=("share", "tweet", "post")),
    _r("share", rf"^\W*(?:play\s+)?(?:{'|'.join(re.escape(w) for w in _SOCIAL)})(?:\W+(?:{'|'.join(re.escape(w) for w in _SOCIAL)}|e-?mail|print|share))*\W*$", 100, words=_SOCIAL),
    _r("share", r"^\W*follow\s+(?:us|me|him|her|them|the (?:author|topics?|story|reporter|latest|writer)|@\w+|(?-i:[A-Z])[\w.'-]+(?:\s+(?-i:[A-Z])[\w.'-]+){0,3}\s+(?:on|at|@))\b", 160, words=("follow",)),
    _r("share", r"\bfollow (?:us|me|him|her|them) (?:on |at )?(?:twitter|facebook|instagram|tiktok|youtube|linkedin|threads|bluesky|mastodon|google\+?|https?:|@)|\bcan be followed (?:on|at)\b|\bfollow @\w+", 300, soft=True, words=("follow", "followed")),
    _r("share", r"^\W*(?:join|start)\s.{0,40}\b(?:conversations?|discussions?|debate|forum|community|commenting)\b", 100, soft=True, words=("join", "start")),
    _r("share", r"\b(?:refresh|reload)\s+(?:the|this|your)\s+(?:page|browser)\b|\b(?:to be|automatically) logged in\b", words=("refresh", "reload", "logged")),
    _r("share", r"^\W*thank(?:s| you) for (?:registering|signing up|signing in|logging in|your (?:feedback|interest))\b", 200, words=("thank", "thanks")),
    # Promotions of another page: "Follow the X Championship: Watch and chat on ...", "You
    # can follow their journey on The Show and on the X website ...".
    _r("share", r"^\W*(?:follow|watch|stream|catch|keep up with)\b[^.!?]{0,120}?(?::\s*(?:watch|follow|chat|listen|stream|join|subscribe)\b|\b(?:watch and chat|chat live|watch live|stream live|live (?:on|at)) )", 250,
       words=("follow", "watch", "stream", "catch", "keep")),
    _r("share", r"(?:^\W*|[.!?]\s+)you can (?:follow|watch|track|listen to|keep up with|catch)\b.{0,120}\b(?:website|web site|app|channel|page|live|online|twitter|facebook|instagram|youtube)\b", 250,
       words=("you",)),
    _r("share", r"\bclick (?:here|this link|the link|below|to (?:read|see|view|watch|learn|find|download|share|subscribe|expand|enlarge|comment))\b", 200, soft=True, words=("click",)),
    _r("share", r"^\W*click (?:here|to|on|for|the|this|below|above|through|link|now)\b", 120, soft=True, words=("click",)),
    _r("share", r"\bshare (?:this|your) (?:story|article|page|thoughts|photos?|views?)\b", 200, soft=True, words=("share",)),
    _r("share", r"(?:^\W*|[.!?]\s+)(?:please\s+)?download (?:the|our)\b.{0,40}\bapps?\b", 200, soft=True, words=("download",)),
    _r("share", r"^\W*(?:like us|find us|connect with us|check us out) on\b", 150, words=("like", "find", "connect", "check")),
    _r("share", r"^\W*(?:log ?in|sign ?in|register|create an account)(?:\s+(?:to|or|for|now|here)\b[^.]{0,40})?\W*$", 60, words=("log", "login", "sign", "signin", "register", "create")),
    # "Read more" prompts: a lone "Read more" or a related headline ending in "Read more".
    _r("share", r"^\W*read (?:more|next|the full (?:story|article)|full (?:story|article))\W*(?:$|:|\b(?:about|from|on|at|in|here|stories)\b.{0,40}$)", 160, words=("read",)),
    _r("share", r"\bread more\W*$", 160, words=("more",)),
    # ---- navigation: ads, menus, video/gallery widgets, related links, separators.
    _r("navigation", rf"^\W*(?:{'|'.join(_NAV_LABELS)})\W*$", 50),
    # A lone video duration or clock time: "1:14", "02:41".
    _r("navigation", r"^\W*\d{1,2}:\d\d(?::\d\d)?\W*$", 12),
    _r("navigation", r"^\W*(?:report|submit|suggest) (?:a|an) (?:typo|error|correction|problem|issue)\b", 60, words=("report", "submit", "suggest")),
    _r("navigation", r"^\W*advertisement\b.{0,40}$", 60, words=("advertisement",)),
    # Label-prefixed teasers: "WATCH: ...", "PHOTOS: ...", "Read: ...", "(Also on X: ...)".
    _r("navigation", r"^\W*\(?(?:" + "|".join(_TEASER_LABELS) + r")\s*:\s*[\"'\u201c\u2018(\[]?(?-i:[A-Z0-9])", 300,
       words=("photo", "photos", "pic", "pics", "pictures", "images", "gallery", "slideshow", "video", "videos", "watch", "listen", "map", "interactive", "graphic", "graphics", "infographic",
              "quiz", "poll", "related", "read", "more", "see", "also", "news", "story", "stories", "bonus", "explained", "podcast", "updates", "blog", "must", "miss", "from")),
    _r("navigation", r"^\W*(?:PHOTO GALLERY|VIDEO|GALLERY|SLIDESHOW|WATCH|LISTEN)\s+[A-Z]", 300, flags=0, words=("photo", "video", "gallery", "slideshow", "watch", "listen")),
    _r("navigation", r"^\W*view (?:graphic|gallery|slideshow|photos?|video|interactive|map|full)\b", 200, words=("view",)),
    # A related story's headline, every word capitalised, cut off by an ellipsis ("Old Rivals
    # vs Young Guns: Ten Classic Games ...").
    _r("navigation", r"^(?:(?:[A-Z0-9][\w'\u2019.-]*|vs\.?|v\.|of|the|and|in|on|for|to|a|an|at|with|&|-|\u2013)[:,]?\s+){3,16}(?:\.\.\.|\u2026)\s*$", 160, flags=0),
    # A wire service's contact box ("HOW TO REACH US / Questions should be directed to ...").
    _r("navigation", r"^\W*(?:how to reach us\W*$|(?:questions|inquiries|queries) (?:should|may|can) be directed to\b)", 300, words=("how", "questions", "inquiries", "queries")),
    # Related-link cards pasted into a paragraph: a name glued to a teaser headline, closed by
    # "MORE" ("... Jane Q. DoeDoe: Senate vote 'a disgrace' MORE said ...").
    _r("navigation", r"[a-z][A-Z][a-z]+:[^\n]{0,300}? MORE\b", 100000, words=("more",), flags=0),
    # Related-story links marked with arrows, or set in brackets between paragraphs.
    _r("navigation", r"^\s*(?:[\u25ba\u25b6\u25b8\xbb\u203a\u2192]|>>)", 300),
    _r("navigation", r"^\[[^\[\]]{3,200}\]$", 220),
    # Video and gallery widgets.
    _r("navigation", r"\b(?:hide|show) caption\b|\bback to gallery\b|\bimage \d+ of\b|\b\d+ of \d+ (?:photos|images)\b", 100000, words=("caption", "gallery", "image", "photos", "images")),
    # Video-player furniture: two or more player controls on one line ("... Replay ...
    # Autoplay ... 0:32", "Click to play ... Play now").
    _r("navigation", rf"\b(?:{_PLAYER})\b.*\b(?:{_PLAYER}|\d{{1,2}}:\d\d)\b", 2000,
       words=("replay", "autoplay", "videos", "watch", "watched", "copy", "play", "unavailable", "loading", "embed", "fullscreen", "full", "skip")),
    _r("navigation", r"\brating is available when the video has been rented\b|\b(?:this feature|the interactive transcript) (?:is not available right now|could not be loaded)\b|\bclick prev or next to continue viewing\b|^\W*media requires javascript\b", 600,
       words=("rented", "feature", "transcript", "prev", "media")),
    _r("navigation", r"^(?:JUST WATCHED|MUST WATCH)\b|^CLOSE\s+[A-Z][a-z]", 600, flags=0, words=("just", "must", "close")),
    _r("navigation", r"^\W*media (?:playback|caption)\b|^\W*embed\b", 300, words=("media", "embed")),
    _r("navigation", r"^\W*(?:play|watch)\s+(?:facebook|twitter|video|now|again)\b", 40, words=("play", "watch")),
    _r("navigation", r"^\W*(?:watch|listen|see|check out|take a look|scroll)\b.{0,100}\b(?:below|above)\W*$", 120, words=("below", "above")),
    _r("navigation", r"\bthe (?:video|clip|player|gallery|slideshow) (?:below|above)\W*$", 120, words=("below", "above")),
    _r("navigation", r"\b(?:facebook|twitter|pinterest|e-?mail|close|share|print|enlarge|linkedin|whatsapp|comment) icon\b.*\b(?:facebook|twitter|pinterest|e-?mail|close|share|print|enlarge|linkedin|whatsapp|comment) icon\b", 200, words=("icon",)),
    # Advertorials inside newsletters: "** A message from <Sponsor>: ...".
    _r("navigation", r"^\s*\*+\s*(?:an? )?(?:message|word) from\b|^\W*(?:an? )?(?:message|word) from our sponsors?\b", 1000, words=("message", "word")),
    _r("navigation", r"^\W*(?:sponsored|presented|paid for|brought to you) by\b[^,.]{1,60}\.?$", 120, words=("sponsored", "presented", "paid", "brought")),
    # Weather and location widgets: "Low 41F. Winds NW at 5 to 10 mph", "Springfield, IL (62701)".
    _r("navigation", r"\b(?:low|high) -?\d+\s?\u00b0?[FC]\.\s*winds? [NSEW]{1,3}\b", words=("winds", "wind")),
    _r("navigation", r"^[A-Z][\w .'-]+, [A-Z]{2} \(\d{5}\)$", 60, flags=0),
    # Bare links and "Label: http://..." link lists.
    _r("navigation", r"^\W*(?:[\w][\w .'&-]{0,40}:\s*)?(?:https?://|www\.)\S+\W*$", subs=("http", "www.")),
    # HTML attribute / tag residue, on short lines only: a paragraph of prose with a tag left in
    # it keeps its prose (the tag is shown as text, never run).
    _r("navigation", r"\b\w+=[\"']https?://|</?(?:div|span|p|a|img|script|iframe|br|figure|figcaption)\b[^>]*>", 200, subs=("=\"http", "='http", "<")),
    # Separator lines: no letter or digit at all ("___", "——", "###", "*").
    _r("navigation", r"^[\W_]+$", 200),
]  # fmt: skip

MAX_RULE_LEN = max(r.max_len for r in RULES)
BY_WORD, TRIGGERS, BY_SUB, SHAPE_BY_LEN = index(RULES)
