"""Tests for the vCard example plugin: run with `python3 -m unittest discover -s Plugins/examples/voldir-import-vcard`."""

import io
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import vcard  # noqa: E402

PLUGIN = os.path.join(HERE, "voldir-import-vcard")
FIXTURES = os.path.join(HERE, "fixtures")


def run(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, PLUGIN, *arguments], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)


def records(name: str, *arguments: str) -> list[dict]:
    result = run(*arguments, os.path.join(FIXTURES, name))
    if result.returncode != 0:
        raise AssertionError(result.stderr)
    return [json.loads(line) for line in result.stdout.splitlines()]


def read_text(text: bytes) -> list[dict]:
    out = io.StringIO()
    vcard.read(io.BytesIO(text), out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


class ProtocolCalls(unittest.TestCase):
    def test_describe_speaks_protocol_1(self):
        result = run("--describe")
        self.assertEqual(result.returncode, 0)
        described = json.loads(result.stdout)
        self.assertEqual(described["protocol"], 1)
        self.assertEqual(described["identifier"], "vcard")
        self.assertIn("vcf", described["extensions"])

    def test_recognise_by_content_then_by_name(self):
        self.assertEqual(run("--recognise", os.path.join(FIXTURES, "iphone-3.0.vcf")).stdout.strip(), "certain")
        self.assertEqual(vcard.recognise(b"\xef\xbb\xbf\r\nbegin:vcard\r\n", "x.txt"), "certain")
        self.assertEqual(vcard.recognise(b"Name,Email\n", "contacts.vcf"), "possible")
        self.assertEqual(vcard.recognise(b"Name,Email\n", "members.csv"), "no")
        self.assertEqual(run("--recognise", os.path.join(FIXTURES, "missing.vcf")).stdout.strip(), "possible")

    def test_unknown_options_are_ignored(self):
        self.assertEqual(len(records("iphone-3.0.vcf", "--some-future-option", "--another=1")), 2)

    def test_needs_are_refused_with_a_reason(self):
        result = run("--kind", "needs", os.path.join(FIXTURES, "iphone-3.0.vcf"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("not needs", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_a_file_that_cannot_be_opened_fails_as_a_whole(self):
        result = run(os.path.join(FIXTURES, "missing.vcf"))
        self.assertEqual(result.returncode, 1)
        self.assertIn("cannot be opened", result.stderr)

    def test_progress_is_reported_on_stderr(self):
        result = run(os.path.join(FIXTURES, "iphone-3.0.vcf"))
        size = os.path.getsize(os.path.join(FIXTURES, "iphone-3.0.vcf"))
        self.assertIn(f"progress {size}", result.stderr.splitlines())

    def test_network_option_names_the_membership(self):
        first = records("iphone-3.0.vcf", "--network", "Stockport Polish Community")[0]
        self.assertEqual(first["networks"], [{"network": "Stockport Polish Community"}])


class Version3FromAPhone(unittest.TestCase):
    def setUp(self):
        self.zoe, self.hodan = records("iphone-3.0.vcf")

    def test_preferred_email_and_phone_win_and_the_others_are_kept(self):
        self.assertEqual(self.zoe["email"], "zoe.nowak@example.org")
        self.assertEqual(self.zoe["phone"], "07700 900789")
        self.assertIn("Other email: z.nowak@work.example.org", self.zoe["notes"])
        self.assertIn("Other phone: 0161 496 0123", self.zoe["notes"])

    def test_fields(self):
        self.assertEqual(self.zoe["type"], "volunteer")
        self.assertEqual(self.zoe["name"], "Zoë Nowak")
        self.assertEqual(self.zoe["id"], "4C1A2F5E-9B7D-4E21-8D3C-1F0E2A3B4C5D")
        self.assertEqual(self.zoe["postcode"], "SK4 2DP")
        self.assertEqual(self.zoe["line"], 1)
        self.assertEqual([s["name"] for s in self.zoe["skills"]], ["Teaching", "First aid", "Driving"])
        self.assertTrue(self.zoe["notes"].startswith("Met at the Polish Saturday school. Happy to help with\n reading support, evenings"))

    def test_folded_lines_are_joined(self):
        self.assertEqual([s["name"] for s in self.hodan["skills"]], ["Interpreting", "Community outreach"])
        self.assertEqual(self.hodan["line"], 15)


class Version4(unittest.TestCase):
    def test_pref_numbers_order_contacts_and_languages(self):
        tesfay, rejected = records("android-4.0.vcf")
        self.assertEqual(tesfay["email"], "t.gebremedhin@example.org")
        self.assertEqual(tesfay["phone"], "+44-7700-900321")
        self.assertEqual([l["language"] for l in tesfay["languages"]], ["ti", "am", "en"])
        self.assertEqual(rejected, {"type": "rejected", "line": 14, "reason": "no name (the card has neither FN nor N)"})


class Version21FromOutlook(unittest.TestCase):
    def setUp(self):
        self.ayse, self.chidi = records("outlook-2.1.vcf")

    def test_charset_and_quoted_printable(self):
        self.assertEqual(self.ayse["name"], "Ayşe Kılıç")
        self.assertEqual(self.ayse["notes"].splitlines()[:2], ["Speaks Turkish and Kurdish (Kurmanji). Volunteered at the food bank çay morning", "for two years."])
        self.assertEqual([s["name"] for s in self.ayse["skills"]], ["Cooking", "Café work"])

    def test_bare_parameters(self):
        self.assertEqual(self.ayse["phone"], "07700900654")
        self.assertEqual(self.ayse["email"], "ayse.kilic@example.org")

    def test_structured_name_and_bytes_that_are_not_utf8(self):
        self.assertEqual(self.chidi["name"], "Chidi Okonkwo")
        self.assertEqual(self.chidi["notes"], "Retired nurse, qualified in Nigeria é")

    def test_ids_without_uid_are_stable(self):
        again = records("outlook-2.1.vcf")[0]
        self.assertEqual(self.ayse["id"], again["id"])
        self.assertTrue(self.ayse["id"].startswith("vcard-"))


class BrokenFiles(unittest.TestCase):
    def test_a_file_cut_short_rejects_the_last_card_only(self):
        imran, cut = records("truncated.vcf")
        self.assertEqual(imran["name"], "Imran Qureshi")
        self.assertEqual(cut["type"], "rejected")
        self.assertEqual(cut["line"], 6)

    def test_a_card_without_end_before_the_next(self):
        found = read_text(b"BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n")
        self.assertEqual([r["type"] for r in found], ["rejected", "volunteer"])
        self.assertEqual(found[1]["name"], "B")

    def test_text_outside_cards_is_a_warning(self):
        found = read_text(b"hello\nBEGIN:VCARD\nFN:A\nEND:VCARD\n")
        self.assertEqual(found[0], {"type": "warning", "line": 1, "message": "text outside any card is ignored"})

    def test_escapes(self):
        self.assertEqual(vcard.unescape(r"a\,b\;c\\d\ne"), "a,b;c\\d\ne")
        self.assertEqual(vcard.split_escaped(r"First aid,Cooking\, baking", ","), ["First aid", "Cooking, baking"])


if __name__ == "__main__":
    unittest.main()
