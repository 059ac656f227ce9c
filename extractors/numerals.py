"""Parse numbers as Chinese plans write them: 1,100 / 6.5 / 十五 / 三千五百万 / 1.3万亿.

The reports mix three notations: Arabic digits (full-width in the 1990s sources, folded
by the normaliser but accepted here too), Chinese numerals (the 1950s–1990s reports:
一百五十六个, 百分之十三点四, 一九五○年) and Arabic digits with a Chinese scale word
(1.3万亿, 3万多亿). Arithmetic is decimal so 1.3万亿 is exactly 1.3e12, not 1.2999….

The digit and place-value characters below are the closed numeral system itself, not
vocabulary; measure words and comparators live in ``extractors/data/``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from types import MappingProxyType

import regex

# The numeral system (closed class): digits, small place values, large place values.
_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE = {"亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}  # largest first
LARGE_GROUPS = _LARGE  # the group characters of a Chinese numeral and their values
_POINT = "点"

# The longest numeral the reports write is about a dozen characters (四百二十七亿四千万);
# anything far longer is noise, and parsing it recursively would only risk the stack.
MAX_CHINESE_LENGTH = 40

# The digit characters and their values, and the character for ten: the one numeral
# table of the project (times reads years such as 二〇三五年 and months such as 十二月 with it).
DIGITS = MappingProxyType(_DIGITS)
TEN = "十"
DIGIT_CHARS = "".join(_DIGITS)
PLACE_CHARS = "".join(_SMALL) + "".join(_LARGE)
CHINESE_NUMERAL_CHARS = DIGIT_CHARS + PLACE_CHARS + _POINT
# Arabic digits, half and full width (what a subject must not hold to be no amount itself)
ARABIC_DIGIT_CHARS = "0123456789０１２３４５６７８９"
# After four digits (一九五七年, 2020年) the mark of a year: such a number is a date.
YEAR_MARK = "年"
# half a unit more, right after the unit (一亩半 = 1.5亩, 一倍半 = 1.5倍)
HALF = "半"

_ARABIC = regex.compile(r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?")
_FOLD = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def read_one_by_one(s: str) -> bool:
    """Is ``s`` three or more digits read one by one (一九八一, 一二○)? Such a numeral is a year
    or a code: amounts in words always carry place values (一千九百八十一)."""
    return len(s) >= 3 and all(ch in _DIGITS for ch in s)


def parse_arabic(s: str) -> Decimal | None:
    """``1,100`` → 1100, ``6.5`` → 6.5, ``１９９４`` → 1994; None unless all of ``s`` is one number."""
    if not _ARABIC.fullmatch(s):
        return None
    try:
        return Decimal(s.translate(_FOLD).replace(",", ""))
    except InvalidOperation:
        return None


def _small_integer(s: str) -> Decimal | None:
    """A numeral below 10000 (十五, 一百零五, 两千) or a digit string (一九九四)."""
    if not s:
        return Decimal(0)
    if all(ch in _DIGITS for ch in s):
        if len(s) == 1:
            return Decimal(_DIGITS[s])
        if len(s) == 2:
            return None  # 五六倍, 七八个: an approximation ("five or six"), not one number
        # 一九五○: digits read one by one (years, codes)
        return Decimal("".join(str(_DIGITS[ch]) for ch in s))
    total = 0
    digit: int | None = None
    last_place = 10**5
    for ch in s:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0 and digit != 0:
                return None  # two digits without a place value between: 三五百
            digit = _DIGITS[ch]
        elif ch in _SMALL:
            place = _SMALL[ch]
            if place >= last_place:
                return None  # 百十, 十十
            # 二千零十七: after 零 a bare 十 is 一十, as it is at the start
            total += (digit or 1) * place
            last_place = place
            digit = None
        else:
            return None
    if digit:
        total += digit
    return Decimal(total)


def _integer(s: str) -> Decimal | None:
    """A Chinese integer numeral with 万/亿 groups: 三千五百万, 四百二十七亿四千万, 六万万."""
    for big, factor in _LARGE.items():
        i = s.rfind(big)
        if i >= 0:
            left = _integer(s[:i]) if s[:i] else Decimal(1)
            right = _integer(s[i + 1 :]) if s[i + 1 :] else Decimal(0)
            if left is None or right is None:
                return None
            return left * factor + right
    return _small_integer(s)


def approximate(s: str) -> tuple[Decimal, Decimal] | None:
    """Two neighbouring digits before place values, the way Chinese writes "thirty or forty":
    三四十 → (30, 40), 二三百亿 → (2e10, 3e10), 两三千 → (2000, 3000). None for anything else,
    and for two digits without a place value (五六倍, 七八个: too vague to read as amounts)."""
    if len(s) < 3 or s[0] not in _DIGITS or s[1] not in _DIGITS or _POINT in s:
        return None
    low, high = _DIGITS[s[0]], _DIGITS[s[1]]
    if not (low and high == low + 1) or any(ch not in _SMALL and ch not in _LARGE for ch in s[2:]):
        return None
    first, second = parse_chinese(s[0] + s[2:]), parse_chinese(s[1] + s[2:])
    return None if first is None or second is None else (first, second)


def parse_chinese(s: str) -> Decimal | None:
    """``十五`` → 15, ``一百二十`` → 120, ``三千五百万`` → 35000000, ``十三点四`` → 13.4.

    None when ``s`` is not wholly a well-formed Chinese numeral.
    """
    if not s or len(s) > MAX_CHINESE_LENGTH or any(ch not in CHINESE_NUMERAL_CHARS for ch in s):
        return None
    whole, _, frac = s.partition(_POINT)
    if _POINT in frac or not whole:
        return None
    if frac:
        if not all(ch in _DIGITS for ch in frac):
            return None
        # 十三点四亿 would need the scale after the fraction; the reports never write it
        integer = _integer(whole)
        if integer is None:
            return None
        return integer + Decimal("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    return _integer(whole)


# The characters a count is written with (the first of each value in the table above)
_WRITE_DIGITS = {v: ch for ch, v in reversed(list(_DIGITS.items()))}
_WRITE_PLACES = ((1000, "千"), (100, "百"), (10, TEN), (1, ""))


def to_chinese(n: int) -> str:
    """1 … 9999 as the plans count and number their headings (一, 十, 十一, 二十, 一百零五):
    what :func:`parse_chinese` reads back; other numbers in Arabic digits."""
    if not 1 <= n <= 9999:
        return str(n)
    out, gap = "", False
    for value, place in _WRITE_PLACES:
        digit, n = divmod(n, value)
        if digit:
            out += (_WRITE_DIGITS[0] if gap and out else "") + _WRITE_DIGITS[digit] + place
            gap = False
        elif out:
            gap = True
    return out[1:] if out.startswith(_WRITE_DIGITS[1] + TEN) else out


_MIXED = regex.compile(r"(?P<num>[0-9０-９][0-9０-９,.．]*)(?P<scale>[万亿千百]+)")
PERCENT_WORDS = ("百分之", "千分之")


def parse_number(s: str) -> Decimal | None:
    """Any single number as written: Arabic, Chinese, mixed (1.3万亿, 5万) or 百分之….

    百分之八十五 → 85 (the percentage itself; the caller knows the unit is %).
    None when ``s`` is not a number.
    """
    s = s.strip()
    for word in PERCENT_WORDS:
        if s.startswith(word) and len(s) > len(word):
            s = s[len(word) :]
            break
    value = parse_arabic(s)
    if value is not None:
        return value
    m = _MIXED.fullmatch(s)
    if m:
        base = parse_arabic(m["num"])
        if base is None:
            return None
        for ch in m["scale"]:
            base *= _LARGE.get(ch) or _SMALL[ch]
        return base
    return parse_chinese(s)


# the place words written after Arabic digits: 万, 亿 and the hundreds and thousands
ARABIC_PLACES = "".join(_LARGE) + "千百"
_ARABIC_GROUP = regex.compile(f"([0-9]+)([{ARABIC_PLACES}])")


def parse_arabic_groups(s: str) -> Decimal | None:
    """Arabic digits with place words of falling size, each written out: 1万6千 → 16000,
    2万5千 → 25000, 1亿3千 → 100003000 (a 万 after it scales only 3千: see the caller).
    None unless ``s`` is wholly such groups with each place below the one before."""
    total = section = Decimal(0)
    pos, last = 0, None
    for m in _ARABIC_GROUP.finditer(s):
        if m.start() != pos:
            return None
        n, place = Decimal(m[1]), m[2]
        size = _LARGE.get(place) or _SMALL[place]
        if last is not None and size >= last:
            return None
        last, pos = size, m.end()
        if place in _LARGE:
            total += (section + n) * size
            section = Decimal(0)
        else:
            section += n * size
    return total + section if pos == len(s) and pos else None


def to_float(value: Decimal) -> float:
    """The nearest float: 1.3万亿 stays 1300000000000.0."""
    return float(value)
