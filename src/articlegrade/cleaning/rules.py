"""Named boilerplate: one rule set per kind, each written once and documented with examples.

A line rule looks at one whole line (white space squashed) and says whether it is boilerplate of
its kind. Rules only fire on short lines (``max_words``), so a real paragraph that mentions
"subscribe" or "cookies" is never taken out. ``title_echo`` needs the page title and lives in
``articlegrade.cleaning.clean``; every other kind is here.

``KINDS`` documents each kind with examples; ``tests/test_rules.py`` checks each kind on lines it
was not written from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE

# -- pieces shared by several rules -------------------------------------------------------------
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    # Portuguese and Spanish month names (several pages of the web are pt / es)
    r"|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
    r"|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
    r"|(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?|sábado|domingo"
    r"|lunes|martes|miércoles|jueves|viernes)"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+)?{_MONTH},?(?:\s+(?:de\s+)?\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}(?:T[\d:.+Z-]+)?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
# A clock time needs minutes or am/pm: a bare number ("5040", "85%") is never a time.
_TIME = r"(?:(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s*[A-Z]{2,4}\b)?)"
_AGO = r"(?:\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago)"
_READ = (
    r"(?:\d+\s*(?:-\s*)?min(?:ute)?s?\s+read"
    r"|(?:reading\s+time|read\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura)\s*:?\s*"
    r"\d+\s*min(?:ute|uto|utos)?s?\.?)"
)
# A date, "3 hours ago" or a reading time: what makes a line of times and separators a dateline.
_STAMP_ANCHOR = rf"(?:{_WEEKDAY},?\s*)?(?:{_DATE}|{_AGO}|{_READ})"
_STAMP_PART = rf"(?:{_STAMP_ANCHOR}|{_TIME})"
_STAMP_LEAD = (
    r"(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created)"
    r"(?:\s+(?:on|at))?\s*:?\s*)"
)
_STAMP_SEP = r"\s*(?:,|\||·|•|-|–|—|at|às|a\s+las|/)?\s*"
# A lone clock time ("10 p.m.") is a live-blog entry heading, not a dateline: a dateline carries
# a lead word ("Updated") or a date / "ago" / reading time.
_DATELINE = (
    rf"(?:{_STAMP_LEAD}{_STAMP_PART}|(?:{_TIME}{_STAMP_SEP}){{0,2}}{_STAMP_ANCHOR})"
    rf"(?:{_STAMP_SEP}{_STAMP_LEAD}?{_STAMP_PART}){{0,4}}\W*"
)

_NETWORKS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|tumblr|telegram|email|e-mail|print"
    r"|messenger|flipboard|pocket|sms|copy link|tweet|pin it|share|comments?|mail)"
)


@dataclass(frozen=True, slots=True)
class LineRule:
    """A boilerplate kind as one pattern: ``fullmatch`` over the whole line, or ``search`` in it.

    ``max_words`` bounds the lines it may judge; longer lines are content, whatever they say.
    ``needs`` (lower-case strings) and ``needs_digit`` only make the rule faster to ask: every
    match holds one of ``needs`` (in any case) and, with ``needs_digit``, a digit (``\\d``), so a
    line without them is not matched (``tests/test_cleaning_shortcuts.py`` holds each to that).
    """

    kind: str
    pattern: re.Pattern[str]
    max_words: int = 20
    search: bool = False
    needs: tuple[str, ...] = ()
    needs_digit: bool = False

    def matches(self, line: str, n_words: int) -> bool:
        if n_words > self.max_words:
            return False
        if self.search:
            return self.pattern.search(line) is not None
        return self.pattern.fullmatch(line) is not None


def _rule(
    kind: str,
    pattern: str,
    max_words: int = 20,
    *,
    search: bool = False,
    flags: int = _I,
    needs: tuple[str, ...] = (),
    needs_digit: bool = False,
) -> LineRule:
    return LineRule(kind, re.compile(pattern, flags), max_words, search, needs, needs_digit)


#: What each kind means, with lines it takes out (examples are documentation; tests use others).
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "scroll_to_top": ("A link back to the top of the page.", ("Scroll to top", "Back to top ↑")),
    "affiliate_disclosure": (
        "A notice that links earn the site money.",
        (
            "This article may contain affiliate links. For details, visit our Affiliate Disclosure page.",
            "As an Amazon Associate I earn from qualifying purchases.",
        ),
    ),
    "comment_form": (
        "The comment form and its labels, or a comment count.",
        (
            "Leave a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Tell us what you think!",
        ),
    ),
    "share_prompt": (
        "Buttons or prompts to share or like the page.",
        (
            "Sharing is caring!",
            "Share this on WhatsApp",
            "Like this:",
            "Like Loading...",
            "Liked this article? Share it with your friends!",
        ),
    ),
    "call_to_action": (
        "Subscribe, sign up, follow us, get the app, click here.",
        (
            "Subscribe to our newsletter and stay smart",
            "CLICK HERE TO GET THE FOX NEWS APP",
            "GET OUR DAILY BRIEFING BY CLICKING HERE",
            "The day's top stories, delivered straight to your inbox every morning.",
        ),
    ),
    "cookie_notice": (
        "A cookie or consent banner.",
        ("We use cookies to improve your experience.",),
    ),
    "tracking_artifact": (
        "Text of a tracker, counter or ad script that leaked into the page text.",
        (
            "website free tracking",
            "(adsbygoogle = window.adsbygoogle || []).push({});",
            '[button url="/contact/" style="large"] Write to the editors[/button]',
        ),
    ),
    "advertisement": (
        "An advertising label.",
        ("Advertisement", "Story continues below advertisement"),
    ),
    "title_echo": (
        "The page title repeated as a stray line (at the end, or again after the intro).",
        ("Why is japan not in nato?",),
    ),
    "caption_credit": (
        "An image caption, photo credit or copyright line of a picture.",
        (
            "Image copyright Getty Images",
            "Photo: Jane Doe/Reuters",
            "Crowds gathered outside the station on Friday (Photo: AFP )",
            "Sam Rivers | Reuters",
        ),
    ),
    "related_links": (
        "Pointers to other articles.",
        (
            "Related: How NATO grew after 1991",
            "Read more",
            "You may also like",
            "SEE MORE: Five things to know about the new tax rules",
            "Also on example.com City council votes to close the old bridge",
            "Council leader quits after budget row [REACTION]",
            "(HTML) a line that is all link text and reads as a headline, e.g. under 'You may also like'",
            "(HTML) the pop-up body of a hover card (class author-hover-card, tooltip, popover)",
        ),
    ),
    "byline_dateline": (
        "Author line, publication date or time, reading time.",
        (
            "By Jane Doe, Staff Writer",
            "Published November 5, 2019 10:30 AM ET",
            "5 min read",
            "segunda-feira, 4 de maio de 2015 às 09:30",
            "(Reporting by Ann Lee; Editing by Mark Ford)",
            "Ravi Patel contributed reporting from Mumbai.",
        ),
    ),
    "media_placeholder": (
        "A stand-in for media that did not load, or a bare media label.",
        (
            "This slideshow requires JavaScript.",
            "Media playback is unsupported on your device",
            "VIDEO",
        ),
    ),
    "navigation": (
        "Breadcrumbs, menus and tag / category lists.",
        ("Home » World » Asia", "Menu", "Filed under: Gardening |", "Tags: hiking, national parks"),
    ),
    "standfirst": (
        "(HTML only) The summary line under the headline, marked as such by its class (dek, "
        "standfirst, strapline, subtitle): a teaser of the article, not its body.",
        ('<p class="article-dek">What the new rules mean for renters</p>',),
    ),
    "legal_footer": (
        "Copyright and legal links of the site.",
        ("© 2019 Example Media. All rights reserved.",),
    ),
    "stray_symbol": (
        "A line with no word in it (separators, bullets, lone punctuation).",
        ("• • •",),
    ),
}

LINE_RULES: tuple[LineRule, ...] = (
    _rule("stray_symbol", r"[^\w]*", 50),
    _rule(
        "scroll_to_top",
        r"\W*(?:scroll|back|go|return|jump|skip)\s+(?:up\s+|back\s+)?to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?\W*",
        8,
    ),
    # -- affiliate disclosures: the phrases such notices are made of ------------------------------
    _rule(
        "affiliate_disclosure",
        r"\b(?:(?:post|article|page|site|website|content|review|guide|video)s?\s+(?:may\s+)?contains?\s+affiliate"
        r"|affiliate\s+(?:disclosure|disclaimer)"
        r"|(?:we|i)\s+(?:may\s+)?(?:earn|receive|get|make)\s+(?:a\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|share\s+of|portion\s+of|compensation|money)"
        r"|as\s+an\s+amazon\s+associate"
        r"|may\s+(?:get|earn|receive|collect)\s+a\s+(?:small\s+)?(?:share|commission|portion)\s+of\s+(?:the\s+)?sales?"
        r"|at\s+no\s+(?:extra|additional)\s+cost\s+to\s+you"
        r"|(?:paid|sponsored)\s+(?:link|partnership)s?\b.*\b(?:commission|earn)"
        r"|^disclosure\s*:)",
        70,
        search=True,
        # each alternative holds one of these words
        needs=(
            "affiliate",
            "commission",
            "share",
            "portion",
            "compensation",
            "money",
            "amazon",
            "sale",
            "cost",
            "earn",
            "disclosure",
        ),
    ),
    # -- comment forms --------------------------------------------------------------------------
    _rule(
        "comment_form",
        r"\W*(?:leave\s+a\s+(?:comment|reply)(?:\s+\w+)?|(?:post|submit|add|write)\s+(?:a\s+|your\s+)?(?:comment|reply)"
        r"|cancel\s+reply|reply|comments?(?:\s*\(\d+\))?|\d+\s+(?:comments?|responses?|replies)"
        r"|(?:no|view|show|load|hide)\s+(?:\d+\s+)?(?:more\s+)?comments?|comments?\s+(?:are\s+)?closed\.?"
        r"|join\s+the\s+(?:conversation|discussion)|(?:name|e-?mail|website|comment)\s*\*?"
        r"|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment\.?"
        r"|tell\s+us\s+what\s+you\s+think|what\s+do\s+you\s+think\s*\?|have\s+your\s+say"
        r"|share\s+your\s+(?:thoughts|views|comments|opinion))\W*",
        8,
    ),
    _rule(
        "comment_form",
        r"\byour\s+email\s+address\s+will\s+not\s+be\s+published|\brequired\s+fields\s+are\s+marked"
        r"|\bsave\s+my\s+name,\s+email,?\s+and\s+website\b|\bnotify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments))"
        r"|\buses\s+akismet\s+to\s+reduce\s+spam|\bcomments?\s+(?:are|is)\s+moderated",
        40,
        search=True,
        needs=("published", "required", "website", "notify", "akismet", "moderated"),
    ),
    # -- share prompts --------------------------------------------------------------------------
    _rule(
        "share_prompt",
        rf"\W*(?:sharing\s+is\s+caring|share\s+(?:this|the|it)(?:\s+(?:article|post|story|page|video|on\s+\w+|via\s+\w+|with\s+\w+))*"
        rf"|share\s+(?:on|via|to)\s+\w+|click\s+to\s+(?:share|email|print)\b.*|like\s+this|like\s+loading\W*"
        rf"|be\s+the\s+first\s+to\s+like\s+this|\d[\d.,]*k?\s+shares?|(?:{_NETWORKS}\s*[,|/·•]?\s*){{1,10}})\W*",
        14,
    ),
    _rule(
        "share_prompt",
        r"\W*(?:did\s+you\s+)?(?:like|enjoy|enjoyed|love|loved)\s+this\s+(?:story|article|post|video|page)\s*\?.*"
        r"|.*\bshare\s+(?:it|this|this\s+(?:story|article|post))\s+with\s+(?:a\s+friend|your\s+friends|friends)\b.*",
        16,
    ),
    # -- calls to action ------------------------------------------------------------------------
    _rule(
        "call_to_action",
        # the imperative verb, then what a prompt goes on with ("to", "for", "our", "now", ...)
        r"\W*(?:(?:subscribe|sign\s+up|signup|register|log\s+in|sign\s+in|download|donate)"
        r"(?:\s+(?:now|today|here|free|for\s+free))?"
        r"(?:\s+(?:to|for|with|and|or|our|the|your|a|an|this|it|now)\b.*|\W*)"
        r"|support\s+(?:us|our|independent)\b.*)",
        16,
    ),
    _rule(
        "call_to_action",
        r"\b(?:get|download|install)\s+(?:the|our)\s+(?:free\s+)?(?:[\w&+.-]+\s+){0,4}app\b"
        r"|\bclick\s+here\b|\bfollow\s+(?:us|@?\w+)\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|tiktok)\b"
        r"|\b(?:sign\s+up|subscribe)\s+(?:to|for)\b|\bnewsletter\s+(?:sign-?up|subscription)\b"
        r"|\balready\s+a\s+subscriber\b|\benter\s+your\s+e-?mail\b|\bstay\s+(?:informed|updated|in\s+the\s+know)\b"
        r"|\bby\s+clicking\s+here\b",
        20,
        search=True,
        needs=("app", "click", "follow", "sign", "subscribe", "newsletter", "enter", "stay"),
    ),
    _rule(
        "call_to_action",
        r"\b(?:delivered|sent|straight|directly|right)\s+(?:\w+\s+){0,3}(?:to|in|into)\s+your\s+inbox\b"
        r"|\bmeet\s+your\s+inbox\b|\bin\s+your\s+inbox\s+every\b",
        32,
        search=True,
        needs=("inbox",),
    ),
    # -- cookies --------------------------------------------------------------------------------
    _rule(
        "cookie_notice",
        r"\b(?:we|this\s+(?:site|website)|our\s+(?:site|website|partners))\s+uses?\s+cookies\b|\baccept\s+(?:all\s+)?cookies\b"
        r"|\bcookie\s+(?:policy|settings|preferences|consent|notice)\b"
        r"|\bby\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:site|website)\b.*\b(?:cookies|agree|consent)",
        45,
        search=True,
        needs=("cookie", "agree", "consent"),
    ),
    # -- tracking artefacts: text of trackers and ad scripts that leaked into the text -----------
    _rule(
        "tracking_artifact",
        r"\W*(?:website\s+free\s+tracking|free\s+website\s+tracking|free\s+web\s+(?:counter|stats)|(?:web|hit|visitor)\s+counter"
        r"|\(?adsbygoogle|googletag\.|window\.datalayer|_gaq\.push|var\s+_gaq|fbq\(|gtag\(|document\.write\("
        r"|\[ad\]|\[advertisement\])\b.*",
        40,
    ),
    _rule(
        "tracking_artifact",
        r"\[[a-z_]{2,20}(?:\s[^\]]{0,300})?\].*\[/[a-z_]{2,20}\]",
        60,
        search=True,
        needs=("[/",),
    ),
    # -- advertisements -------------------------------------------------------------------------
    _rule(
        "advertisement",
        r"\W*(?:advertisement|advert|advertising|ad|ads|sponsored(?:\s+content|\s+links?|\s+stories)?|paid\s+content"
        r"|(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?"
        r"|continue\s+reading\s+(?:the\s+main\s+story|below)|skip\s+(?:this\s+)?ad)\W*",
        8,
    ),
    # -- captions and credits -------------------------------------------------------------------
    _rule(
        "caption_credit",
        r"\W*(?:image|photo|picture|video)\s+(?:copyright|caption|source|credit)\b.*"
        r"|\W*(?:photo|photograph|picture|image|illustration|graphic|video|credit|source)s?(?:\s+credit)?\s*:\s*\S.*",
        30,
    ),
    _rule(
        "caption_credit",
        r"\W*(?:photos?|images?|pictures?)\s+(?:by|courtesy(?:\s+of)?|via)\s+.*"
        r"|.*[/|]\s*(?:getty\s+images|reuters|ap|afp|epa(?:-efe)?|shutterstock|istock(?:photo)?|alamy|bloomberg|pa(?:\s+wire)?)\b(?:\s+via\s+getty\s+images)?\W*"
        r"|\W*\(?(?:getty\s+images|ap\s+photo|reuters|afp|epa|shutterstock|istock|alamy)\b.*",
        14,
    ),
    _rule(
        "caption_credit",
        r".*\((?:image|photo|picture|pic|photograph|credit|video)s?\s*(?:credit\s*)?:\s*[^()]{1,60}\)\W*",
        40,
    ),
    # -- related links --------------------------------------------------------------------------
    _rule(
        "related_links",
        r"\W*(?:related(?:\s+(?:articles?|stories|posts|content|coverage|links|reading|news|topics))?|read\s+(?:more|next|also)"
        r"|see\s+also|more\s+(?:from|on|about|in)\s+.{1,60}|more\s+(?:stories|news|articles|coverage|to\s+explore)"
        r"|recommended(?:\s+(?:for\s+you|stories|reading|articles))?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)"
        r"|also\s+(?:read|see|on)|further\s+reading|trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared)"
        r"|latest\s+(?:news|stories|articles)|top\s+stories|more|next\s+(?:article|story|post)|previous\s+(?:article|story|post)"
        r"|see\s+more|don['’]?t\s+miss|must\s+read|related\s+\w+|more\s+(?:great\s+)?\w+\s+(?:stories|articles|coverage))"
        r"\b\W*(?:[:|»›-]\s*.*)?",
        20,
    ),
    _rule(
        "related_links",
        r"\W*(?i:also\s+(?:on|at|from)|more\s+(?:on|from|at))\s+[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,6}\b.*"
        r"|[^\[\]]{5,200}\[(?:INSIGHT|VIDEO|REACTION|PICS|PICTURES|PHOTOS|POLL|LATEST|REVEALED|ANALYSIS|LIVE"
        r"|WATCH|UPDATE|MAP|EXCLUSIVE|COMMENT|OPINION|QUIZ)\][\s|]*",
        25,
        flags=0,
    ),
    # -- bylines and datelines ------------------------------------------------------------------
    _rule(
        "byline_dateline",
        r"[Bb][Yy]:?\s+(?:[A-Z\u00C0-\u024F][\w.'’-]*(?:\s+|(?=[,|·•])|$)|(?:and|&|de|van|von|der|da|du|la|le|bin)\s+|,\s*){1,10}"
        r"(?:(?:,|\||-|–|—|·|•)\s*[^.!?]{0,80}[^.!?\s])?",
        16,
        flags=0,
    ),
    # every date, "ago", reading time and clock time has a digit
    _rule("byline_dateline", _DATELINE, 16, needs_digit=True),
    _rule(
        "byline_dateline",
        r"\W*(?:additional\s+)?(?:reporting|writing|research)\s+by\s+.{1,300}?[;,]\s*(?:(?:additional\s+)?reporting|editing|edited|writing|research)\s+by\s+.*"
        r"|\(\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[^()]{1,300}\)\W*"
        r"|.{1,300}\bcontributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b.*",
        60,
        needs=("reporting", "writing", "research", "editing", "contributed"),
    ),
    _rule(
        "byline_dateline",
        r"\W*(?:(?:posted|written|published|reported)\s+by|author|reporter|correspondent|contributor)\s*:?\s+[A-Z].{0,60}",
        10,
    ),
    # -- media placeholders ---------------------------------------------------------------------
    _rule(
        "media_placeholder",
        r"\bthis\s+(?:slideshow|video|content|embed|gallery|feature|interactive|media|player)(?:\s+\w+)?\s+requires\s+javascript"
        r"|\b(?:please\s+)?(?:enable|turn\s+on)\s+javascript\b|\bmedia\s+playback\s+is\s+(?:not\s+supported|unsupported)"
        r"|\byour\s+browser\s+does\s+not\s+support\b|\b(?:image|video|embed|content)\s+(?:is\s+)?(?:unavailable|not\s+available)\b"
        r"|\b(?:click|tap)\s+to\s+(?:play|expand|enlarge|view)\b|\bloading\s+(?:video|player|gallery)",
        25,
        search=True,
        needs=("javascript", "playback", "browser", "available", "click", "tap", "loading"),
    ),
    _rule(
        "media_placeholder",
        r"\W*(?:video|videos|watch(?:\s+now|\s+video)?|play(?:\s+video)?|listen(?:\s+now)?|audio|gallery|photos?|slideshow"
        r"|loading|loading\s+\.\.\.|now\s+playing|replay|expand|enlarge|\d{1,2}:\d{2})\W*"
        r"|\W*(?:watch|listen)\s*:.*",
        12,
    ),
    # -- navigation -----------------------------------------------------------------------------
    _rule(
        "navigation",
        r"\W*(?:home|start)\s*(?:[»>/|›]\s*[^»>/|›]{1,40}){1,6}|\W*(?:menu|search|skip\s+to\s+(?:main\s+)?content|toggle\s+navigation|close|open\s+menu)\W*",
        14,
    ),
    _rule(
        "navigation",
        r"\W*(?:filed\s+(?:under|in)|tags?|tagged(?:\s+(?:with|as|in))?|categories|category|topics)\s*:.*",
        25,
    ),
    # -- legal footers --------------------------------------------------------------------------
    _rule(
        "legal_footer",
        r"\W*(?:©|\(c\)|copyright\s+(?:©\s*)?(?:\d{4}|\(c\)))\s*.*|.*\ball\s+rights\s+reserved\b.*"
        r"|\W*(?:(?:terms\s+(?:of\s+(?:use|service)|and\s+conditions)|privacy(?:\s+policy)?|contact(?:\s+us)?|about(?:\s+us)?|sitemap|cookie\s+policy|accessibility)\s*[|·•,]?\s*){1,8}",
        25,
        needs=(
            "©",
            "(c)",
            "copyright",
            "reserved",
            "terms",
            "privacy",
            "contact",
            "about",
            "sitemap",
            "cookie",
            "accessibility",
        ),
    ),
)
