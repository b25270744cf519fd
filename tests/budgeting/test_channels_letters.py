"""The voting-code letters: a real PDF whose QR codes open the code page with each code."""

import pytest
from django.urls import reverse
from django.utils import translation

from samen.budgeting.models import Process, VotingCode
from samen.budgeting.services_voting import keyed_digest
from tests.budgeting.factories import voting_process
from tests.inclusion.test_letters import needs_tools, pages_as_png, pdf_text, qr_codes

pytestmark = pytest.mark.django_db


@needs_tools
def test_each_letter_carries_its_own_code_as_text_and_as_a_qr_link(organiser_client, tmp_path):
    process = voting_process()
    Process.objects.filter(pk=process.pk).update(voting_codes_enabled=True)

    response = organiser_client.post(
        reverse("budgeting:voting_codes", kwargs={"process_id": process.pk}),
        {
            "label": "Youth cards",
            "issued_to": "reference",
            "size": "",
            "recipients": "YC-1001\nYC-1002\n",
            "language": "nl",
        },
    )

    assert response.status_code == 200
    pages = pages_as_png(response.content, tmp_path)
    assert len(pages) == 2  # one sheet per voter
    with translation.override("nl"):
        code_page = reverse("budgeting:code_enter", kwargs={"process_id": process.pk})
    digests = set(VotingCode.objects.values_list("digest", flat=True))
    text = pdf_text(response.content, tmp_path)
    found = []
    for page in pages:
        [link] = qr_codes(page)
        assert link.startswith(f"http://testserver{code_page}?code=")
        code = link.rpartition("=")[2]
        assert len(code) == 14 and keyed_digest(code) in digests
        assert code in text  # printed too, for those who type it
        found.append(code)
    assert len(set(found)) == 2
    assert "YC-1001" in text and "YC-1002" in text  # the addressee, for the mail run
    assert "Lindeveld votes" in text
