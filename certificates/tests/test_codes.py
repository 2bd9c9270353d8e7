import pytest

from certificates import codes


def test_generated_code_has_twelve_crockford_characters():
    code = codes.generate()
    assert len(code) == 12
    assert set(code) <= set(codes.ALPHABET)


def test_generated_codes_differ():
    assert len({codes.generate() for _ in range(1000)}) == 1000


def test_grouped_code_is_three_groups_of_four():
    assert codes.grouped("ABCD0123EFGH") == "ABCD-0123-EFGH"


def test_normalise_ignores_case_dashes_and_spaces():
    assert codes.normalise(" abcd-0123 efgh ") == "ABCD0123EFGH"


def test_normalise_reads_letter_o_as_zero_and_i_l_as_one():
    assert codes.normalise("ABCD-O1I3-EFGL") == "ABCD0113EFG1"


@pytest.mark.parametrize(
    "text", ["", "ABCD-0123", "ABCD-0123-EFGH-J", "ABCD-0123-EFGU", "<script>", "x" * 500]
)
def test_normalise_rejects_what_cannot_be_a_code(text):
    with pytest.raises(codes.MalformedCode):
        codes.normalise(text)
