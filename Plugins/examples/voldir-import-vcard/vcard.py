"""Reads vCard files (.vcf) into voldir records: the logic of the `voldir-import-vcard` plugin.

vCards are what phones and Outlook export when a network lead shares the contacts they keep.
This module understands versions 2.1, 3.0 and 4.0 as those programs write them:

- folded lines (a line break followed by a space or tab continues the line);
- quoted-printable values with soft line breaks and a `CHARSET=` (2.1-style Outlook exports),
  and bytes that are not UTF-8 read as windows-1252;
- property groups (`item1.EMAIL`), bare 2.1 parameters (`TEL;CELL;PREF:`) and 3.0/4.0 ones
  (`TEL;TYPE=cell,pref:`, `EMAIL;PREF=1:`);
- several `TEL` and `EMAIL` (the preferred one, else the first, becomes the contact detail; the
  others are kept in the notes), `NOTE`, `CATEGORIES` as skills, `LANG` as languages, `ADR`'s
  postal code, `UID` as the record's id.

It uses the Python standard library only. Records follow protocol 1 of
`shared/formats/importer-protocol.md`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import quopri
from dataclasses import dataclass, field
from typing import IO, Callable, Iterator

PROTOCOL = 1
IDENTIFIER = "vcard"
VERSION = "1.0"
SUMMARY = "vCard contacts (.vcf) as phones and Outlook export them"
EXTENSIONS = ["vcf", "vcard"]


def describe() -> dict:
    """The answer to `--describe`."""
    return {
        "protocol": PROTOCOL,
        "identifier": IDENTIFIER,
        "summary": SUMMARY,
        "extensions": EXTENSIONS,
        "version": VERSION,
    }


def recognise(head: bytes, file_name: str) -> str:
    """How sure the plugin is that it reads a file, from its first bytes and its name."""
    text = head.lstrip(codecs.BOM_UTF8).lstrip()
    if text[:11].upper() == b"BEGIN:VCARD":
        return "certain"
    if file_name.lower().rsplit(".", 1)[-1] in EXTENSIONS:
        return "possible"
    return "no"


# MARK: - Lines


@dataclass
class Property:
    """One content line, unfolded: `group.NAME;PARAM=VALUE:value`."""

    name: str
    params: dict[str, list[str]]
    raw_value: bytes
    line: int

    def param(self, key: str) -> list[str]:
        return self.params.get(key, [])

    @property
    def types(self) -> set[str]:
        return {t.lower() for t in self.param("TYPE")}

    @property
    def is_preferred(self) -> bool:
        return "pref" in self.types or bool(self.param("PREF"))

    @property
    def preference(self) -> int:
        """Lower is more preferred (4.0's PREF=1..100); 2.1/3.0's `pref` type counts as 1."""
        for value in self.param("PREF"):
            if value.isdigit():
                return int(value)
        return 1 if "pref" in self.types else 101

    def text(self) -> str:
        """The value decoded: quoted-printable undone, charset applied, nothing unescaped."""
        data = self.raw_value
        encoding = {e.upper() for e in self.param("ENCODING")}
        if "QUOTED-PRINTABLE" in encoding:
            data = quopri.decodestring(data)
        charset = (self.param("CHARSET") or ["utf-8"])[0]
        return decode_bytes(data, charset)


def decode_bytes(data: bytes, charset: str = "utf-8") -> str:
    """Bytes as text in `charset`; bytes that are not valid in it are read as windows-1252."""
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return data.decode("cp1252", errors="replace")


def physical_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """The file's lines without their line ends, numbered from 1."""
    for number, line in enumerate(stream, start=1):
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        yield number, line.rstrip(b"\r\n")


def content_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """Logical lines: folded continuations joined, quoted-printable soft breaks joined.

    Each is numbered by the physical line it starts on.
    """
    current: bytearray | None = None
    start = 0
    soft_break = False
    for number, line in physical_lines(stream):
        if current is not None and (soft_break or line[:1] in (b" ", b"\t")):
            if soft_break:
                current.extend(line)
            else:
                current.extend(line[1:])
        else:
            if current is not None:
                yield start, bytes(current)
            current, start = bytearray(line), number
        soft_break = _is_quoted_printable(current) and current.endswith(b"=")
        if soft_break:
            del current[-1]
    if current is not None:
        yield start, bytes(current)


def _is_quoted_printable(line: bytes | bytearray) -> bool:
    head = bytes(line).split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in head


def parse_property(line: bytes, number: int) -> Property | None:
    """A content line as a property, or None when it is not one (a blank line, say)."""
    if b":" not in line:
        return None
    head, value = line.split(b":", 1)
    parts = _split_unquoted(head.decode("ascii", errors="replace"), ";")
    name = parts[0].split(".")[-1].strip().upper()
    if not name:
        return None
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        if "=" in part:
            key, raw = part.split("=", 1)
            values = [v.strip().strip('"') for v in _split_unquoted(raw, ",")]
        else:
            # vCard 2.1 bare parameters: TEL;CELL;PREF, ADR;QUOTED-PRINTABLE
            bare = part.strip()
            key, values = ("ENCODING", [bare]) if bare.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT") else ("TYPE", [bare])
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return Property(name=name, params=params, raw_value=value, line=number)


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def unescape(text: str) -> str:
    r"""A text value with vCard's escapes undone: `\n`, `\,`, `\;`, `\\`."""
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append("\n" if following in ("n", "N") else following)
        else:
            out.append(char)
    return "".join(out)


def split_escaped(text: str, separator: str) -> list[str]:
    r"""Splits a structured or list value on `separator`, honouring `\` escapes."""
    parts, current, chars = [], [], iter(text)
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
        elif char == separator:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(char)
    parts.append(unescape("".join(current)))
    return parts


# MARK: - Cards


@dataclass
class Card:
    """The properties of one `BEGIN:VCARD` … `END:VCARD` block."""

    line: int
    properties: list[Property] = field(default_factory=list)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.properties if p.name == name]

    def first(self, name: str) -> Property | None:
        found = self.all(name)
        return found[0] if found else None


def cards(stream: IO[bytes], on_problem: Callable[[int, str, bool], None]) -> Iterator[Card]:
    """The cards in a file, in order.

    `on_problem(line, reason, rejected)` hears of a card never ended (rejected: what it holds may
    be cut short) and of text outside any card (not rejected: ignored, with a warning).
    """
    card: Card | None = None
    for number, line in content_lines(stream):
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == b"BEGIN:VCARD":
            if card is not None:
                on_problem(card.line, "this card has no END:VCARD before the next BEGIN:VCARD", True)
            card = Card(line=number)
        elif upper == b"END:VCARD":
            if card is None:
                on_problem(number, "END:VCARD without a BEGIN:VCARD", False)
            else:
                yield card
            card = None
        elif card is not None:
            prop = parse_property(line, number)
            if prop is not None:
                card.properties.append(prop)
        else:
            on_problem(number, "text outside any card is ignored", False)
    if card is not None:
        on_problem(card.line, "the file ends inside this card (no END:VCARD): it may have been cut short", True)


def volunteer(card: Card, network: str | None) -> tuple[dict | None, str | None]:
    """A card as a protocol-1 volunteer record, or (None, reason) when it cannot be one."""
    name = _name(card)
    if not name:
        return None, "no name (the card has neither FN nor N)"
    record: dict = {"type": "volunteer", "line": card.line, "name": name}

    emails = _ranked(card.all("EMAIL"))
    phones = _ranked(card.all("TEL"))
    if emails:
        record["email"] = emails[0]
    if phones:
        record["phone"] = phones[0]

    uid = card.first("UID")
    record["id"] = unescape(uid.text()).strip() if uid and uid.text().strip() else _derived_id(name, emails, phones)

    for adr in card.all("ADR"):
        components = split_escaped(adr.text(), ";")
        if len(components) > 5 and components[5].strip():
            record["postcode"] = components[5].strip()
            break

    skills: list[dict] = []
    for categories in card.all("CATEGORIES"):
        for item in split_escaped(categories.text(), ","):
            if item.strip():
                skills.append({"name": item.strip()})
    if skills:
        record["skills"] = skills

    languages = [
        {"language": unescape(lang.text()).strip()}
        for lang in sorted(card.all("LANG"), key=lambda p: p.preference)
        if lang.text().strip()
    ]
    if languages:
        record["languages"] = languages

    notes = [_plain_lines(unescape(n.text())) for n in card.all("NOTE") if n.text().strip()]
    others = [f"Other email: {e}" for e in emails[1:]] + [f"Other phone: {p}" for p in phones[1:]]
    if notes or others:
        record["notes"] = "\n".join(notes + others)

    if network:
        record["networks"] = [{"network": network}]
    return record, None


def _name(card: Card) -> str:
    formatted = card.first("FN")
    if formatted and unescape(formatted.text()).strip():
        return " ".join(unescape(formatted.text()).split())
    structured = card.first("N")
    if structured:
        parts = split_escaped(structured.text(), ";") + [""] * 5
        family, given, additional, prefix, suffix = (p.strip() for p in parts[:5])
        return " ".join(p for p in (prefix, given, additional, family, suffix) if p)
    return ""


def _plain_lines(text: str) -> str:
    """Text with Windows and old Mac line ends as plain newlines, and no blank edges."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _ranked(props: list[Property]) -> list[str]:
    """Values by preference (stable), without blanks or repeats."""
    seen, values = set(), []
    for prop in sorted(props, key=lambda p: p.preference):
        value = unescape(prop.text()).strip()
        if value.lower().startswith(("tel:", "mailto:")):
            value = value.split(":", 1)[1]
        if value and value.lower() not in seen:
            seen.add(value.lower())
            values.append(value)
    return values


def _derived_id(name: str, emails: list[str], phones: list[str]) -> str:
    """A stable id for a card without UID: the same person exported again gets the same one."""
    basis = "\n".join([name.casefold(), *(e.casefold() for e in emails[:1]), *("".join(ch for ch in p if ch.isdigit()) for p in phones[:1])])
    return "vcard-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def read(stream: IO[bytes], out: IO[str], network: str | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Writes one NDJSON record per card (or problem) to `out`; returns how many volunteers."""
    def problem(line: int, reason: str, rejected: bool) -> None:
        entry = {"type": "rejected", "line": line, "reason": reason} if rejected else {"type": "warning", "line": line, "message": reason}
        out.write(json.dumps(entry, ensure_ascii=False) + "\n")

    count = 0
    for card in cards(stream, problem):
        record, reason = volunteer(card, network)
        if record is None:
            out.write(json.dumps({"type": "rejected", "line": card.line, "reason": reason}, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        if progress is not None:
            progress(stream.tell())
    return count
