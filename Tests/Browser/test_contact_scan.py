"""The contact-detail scan the partner checks rely on: it must see what rosters write."""

import unittest

from browser_support import contact_details


class ContactScan(unittest.TestCase):
    def test_finds_email_addresses_and_uk_phone_numbers_as_rosters_write_them(self):
        for written in (
            "amina.rahman@EXAMPLE.org",
            "07700 900123",
            "+44 (0)7700 900123",
            "+44 7700 901111",
            "0161 000 0000",
            "0161-480-1234",
            "07700900123",
        ):
            with self.subTest(written=written):
                self.assertEqual(contact_details(f"<td>{written}</td>"), [written])

    def test_leaves_dates_scores_counts_and_form_tokens_alone(self):
        page = (
            '<input type="hidden" name="csrf" value="0770090012345abc@x.yz">'
            "<td>enhanced, issued 2024-01-12</td><td>9.25</td><td>100000</td><td>N-101</td>"
            '<rect x="200" y="5" width="380" height="22"></rect>'
        )
        self.assertEqual(contact_details(page), [])

    def test_finds_known_contact_strings_written_any_way(self):
        self.assertEqual(contact_details("<p>call 7700-900 123</p>", known=["7700-900 123"]), ["7700-900 123"])


if __name__ == "__main__":
    unittest.main()
