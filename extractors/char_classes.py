"""Character classes and bracket patterns of Chinese plan texts, defined once.

Every module that splits sentences or clauses, or skips text inside a 《…》 title, takes
its characters from here (as spaCy keeps them in ``lang/char_classes.py``), so that a
sentence ends at the same characters for the times, the quantities and the structure.
Values are plain strings of characters, to be used inside ``[...]`` of a pattern.
"""

from __future__ import annotations

import regex

# A sentence ends at these (full-width and ASCII). ； ends a sentence too: the plans
# list measures separated by ；, each a statement of its own.
SEMICOLONS = "；;"
SENTENCE_STOPS = "。！？!?" + SEMICOLONS
# The stops of a long sentence whose parts, joined by ；, share their time and their list
# of measures (粮食产量达到4亿吨，比上年增长5.1%；棉花达到608万吨).
LONG_SENTENCE_STOPS = "。！？!?\n"
# A clause ends at a sentence stop or at one of these.
CLAUSE_STOPS = SENTENCE_STOPS + "，,：:"
# Closing quotes and brackets that stay with the sentence they close (…。”).
CLOSING = "”’」』）)"
OPENING_QUOTES = "“‘「『"
CLOSING_QUOTES = "”’」』"
# Brackets of a title or an inserted phrase besides the round ones (《…》, 【…】, ［…］).
OPENING_BRACKETS = "（(《〈【［["
CLOSING_BRACKETS = "）)》〉】］]"
# Opening quotes and brackets: the phrase they open goes on after them.
OPENING = OPENING_QUOTES + OPENING_BRACKETS
QUOTES = OPENING_QUOTES + CLOSING_QUOTES + "\"'"
# Round brackets, each opening with its closing: a parenthesis inside a phrase
# (县（市、区）, 化肥（按有效成份计算）) belongs to it whole or not at all.
ROUND_BRACKETS = {"（": "）", "(": ")"}
# Commas that join clauses (a heading X，Y).
COMMAS = "，,"
# Colons: a list or a quotation follows (新增加的生产能力有：生铁…).
COLONS = "：:"
# Enumeration comma and list joiners between items of a list (A、B和C).
LIST_COMMA = "、"
# What no paragraph opens with, and a Chinese layout keeps off a line's head (kinsoku): a
# stop, a comma or a closing quote or bracket.
NOT_AT_LINE_HEAD = CLAUSE_STOPS + CLOSING + CLOSING_BRACKETS + LIST_COMMA
# Words and dashes that join the two ends of a span (1979年到1984年, 2017-2020年).
SPAN_JOINERS = ("到", "至", "－", "-", "—", "~", "～")
# Characters of indentation and spacing that carry no meaning.
SPACES = " \t\u3000\xa0"
# the brackets a table's header and cells set totals in (年均增长〔累计〕, 〔13.5〕)
TOTAL_BRACKETS = "〔〕"
# marks a table's label carries (★ a binding target, * an expected one), never its words
ROW_MARKS = "★☆*＊△▲※#＃"


def char_class(chars: str) -> str:
    """``[...]`` of ``chars`` for a pattern, escaped."""
    return "[" + regex.escape(chars, special_only=True) + "]"


# The end of a sentence: its stops and the closing quotes after them, or a line break.
SENTENCE_END = regex.compile(char_class(SENTENCE_STOPS) + "+" + char_class(CLOSING) + "*|\n")
# One sentence stop (a heading's first sentence ends here).
SENTENCE_STOP = regex.compile(char_class(SENTENCE_STOPS))
# One clause stop.
CLAUSE_STOP = regex.compile(char_class(CLAUSE_STOPS))
# One clause stop, line breaks and round brackets included (an amount's clause ends there).
CLAUSE_END = regex.compile(char_class(CLAUSE_STOPS + "\n（）()"))
# Where the phrase around an amount ends: a clause stop or a line break, but not a round
# bracket (细颗粒物（PM2.5）平均浓度 is one noun phrase, the subject of the amount after it).
PHRASE_END = regex.compile(char_class(CLAUSE_STOPS + "\n"))
# A 《…》 title: no line break and no nested 《 inside (inner titles use 〈〉).
TITLE = regex.compile(r"《[^《》\n]*》")
# A sentence's full stop inside a text (。！？!?, not the line break that also ends one).
FULL_STOP = regex.compile(char_class(LONG_SENTENCE_STOPS.replace("\n", "")))
# One Han character.
HAN = regex.compile(r"\p{Han}")
# A word no layout breaks at a line's head: a run of digits and Latin letters (2024, 5.5%,
# PM2.5), or else one character; with the stops and closing marks after it, which a layout
# keeps off a line's head by pushing the word down with them (题，).
LINE_HEAD_WORD = regex.compile(r"(?:[0-9A-Za-z][0-9A-Za-z.%]*|\S)[" + regex.escape(NOT_AT_LINE_HEAD) + "]*")
# Half-width glyphs a proportional font sets 0.8 to 0.95 of a character wide (a copy of a
# PDF counts them half: 5%, 8% take nearly a character each).
NEARLY_WIDE = "%@MW"

# Where Han text meets a figure or a Latin word: the seam Word, WPS and LibreOffice leave room
# at (中文与西文之间自动调整间距: 1957 年 6 月), which PDFium fills with a space and a viewer
# copies as one.
SEAM = regex.compile(r"\p{Han}(?=[0-9A-Za-z])|[0-9A-Za-z](?=\p{Han})")


def seam_room(gap: str) -> regex.Pattern:
    """The one character ``gap`` standing at such a seam, the match being the gap alone; % may
    carry room after it (Word's; LibreOffice leaves none there, so no bare seam counts %)."""
    g = regex.escape(gap)
    return regex.compile(r"(?<=\p{Han})" + g + r"(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])" + g + r"(?=\p{Han})")
