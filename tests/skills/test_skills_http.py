"""The self-assessment over HTTP with the test client: plain forms, so no JavaScript involved."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samen.skills.models import AnswerScale, Assessment, AssessmentStatus, Statement
from tests.factories import UserFactory
from tests.skills.factories import AssessmentFactory, answer_area, in_progress_of, step_payload

pytestmark = pytest.mark.django_db
NOT_A_TEST = "This is not a formal test."


def step_url(assessment: Assessment, number: int) -> str:
    return reverse("skills:step", kwargs={"assessment_id": assessment.pk, "number": number})


def check_url(assessment: Assessment) -> str:
    return reverse("skills:check", kwargs={"assessment_id": assessment.pk})


def result_url(assessment: Assessment) -> str:
    return reverse("skills:result", kwargs={"assessment_id": assessment.pk})


def h1(response) -> str:  # type: ignore[no-untyped-def]
    return re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), flags=re.S)[0].strip()


@pytest.fixture
def resident(client):  # type: ignore[no-untyped-def]
    user = UserFactory()
    client.force_login(user)
    return user


def test_a_resident_goes_through_every_step_and_gets_a_result(client, resident):
    index = client.get(reverse("skills:index"))
    assert index.status_code == 200
    assert NOT_A_TEST in index.content.decode()
    assert "Start the self-assessment" in index.content.decode()

    started = client.post(reverse("skills:start"))
    assessment = in_progress_of(resident)
    assert started["Location"] == step_url(assessment, 1)

    titles = []
    for number in range(1, 6):
        page = client.get(step_url(assessment, number))
        assert page.status_code == 200
        assert f"Part {number} of 5" in page.content.decode()
        titles.append(h1(page))
        answered = client.post(step_url(assessment, number), step_payload(assessment, number, 3))
        expected = step_url(assessment, number + 1) if number < 5 else check_url(assessment)
        assert answered["Location"] == expected
    assert titles == [
        "Information and data literacy",
        "Communication and collaboration",
        "Digital content creation",
        "Safety",
        "Problem solving",
    ]

    check = client.get(check_url(assessment))
    assert check.status_code == 200
    assert h1(check) == "Check your answers"
    assert check.content.decode().count("I can do it on my own") == 63
    finished = client.post(check_url(assessment))
    assert finished["Location"] == result_url(assessment)

    result = client.get(result_url(assessment))
    html = result.content.decode()
    assert result.status_code == 200
    assert h1(result) == "Your digital skills result"
    assert NOT_A_TEST in html
    assert "Your self-assessment is finished. Here is your result." in html
    assert html.count("Information and data literacy: level 6") == 1
    assert "These areas are a good place to start" not in html
    assert reverse("core:help") in html
    assert "© European Union, 2022 (Joint Research Centre)" in html
    assert Assessment.objects.get(pk=assessment.pk).status == AssessmentStatus.SUBMITTED


def test_save_for_later_keeps_a_half_answered_page_and_start_resumes_there(client, resident):
    client.post(reverse("skills:start"))
    assessment = in_progress_of(resident)
    client.post(step_url(assessment, 1), step_payload(assessment, 1, 2))
    half = dict(list(step_payload(assessment, 2, 4).items())[:5])

    saved = client.post(step_url(assessment, 2), {**half, "action": "save"})

    assert saved["Location"] == reverse("skills:index")
    assert Statement.objects.filter(answers__assessment=assessment).count() == 9 + 5
    index = client.get(reverse("skills:index")).content.decode()
    assert "Your answers are saved. You can come back and carry on at any time." in index
    assert "Communication and collaboration: 5 of 18 answered" in index
    assert client.post(reverse("skills:start"))["Location"] == step_url(assessment, 2)
    page = client.get(step_url(assessment, 2)).content.decode()
    assert page.count(" checked") == 5


def test_a_change_made_from_the_check_page_returns_to_it(client, resident):
    assessment = AssessmentFactory(user=resident, answer=AnswerScale.ON_MY_OWN)

    page = client.get(step_url(assessment, 3) + "?next=check")
    answered = client.post(
        step_url(assessment, 3), {**step_payload(assessment, 3, 1), "next": "check"}
    )

    assert '<input type="hidden" name="next" value="check">' in page.content.decode()
    assert answered["Location"] == check_url(assessment)


def test_an_unknown_return_target_is_ignored(client, resident):
    assessment = AssessmentFactory(user=resident)

    answered = client.post(
        step_url(assessment, 1), {**step_payload(assessment, 1, 3), "next": "//evil.test/"}
    )

    assert answered["Location"] == step_url(assessment, 2)


def test_submitting_with_steps_missing_shows_which_parts_to_finish(client, resident):
    assessment = AssessmentFactory(user=resident)
    answer_area(assessment, 1, AnswerScale.ON_MY_OWN)

    page = client.get(check_url(assessment)).content.decode()

    assert "You have answered 0 of 18 sentences in this part." in page
    assert page.count("Not answered yet") == 54


def test_a_finished_assessments_step_leads_to_its_result(client, resident):
    assessment = AssessmentFactory(user=resident, answer=3, submitted=True)

    step = client.get(step_url(assessment, 1))
    check = client.get(check_url(assessment))

    assert step["Location"] == result_url(assessment)
    assert check["Location"] == result_url(assessment)


def test_the_result_of_an_assessment_in_progress_leads_to_its_next_step(client, resident):
    assessment = AssessmentFactory(user=resident)
    answer_area(assessment, 1, AnswerScale.ON_MY_OWN)

    assert client.get(result_url(assessment))["Location"] == step_url(assessment, 2)


@pytest.mark.parametrize("number", [0, 6, 99])
def test_a_step_that_does_not_exist_is_not_found(client, resident, number):
    assessment = AssessmentFactory(user=resident)

    assert client.get(step_url(assessment, number)).status_code == 404


@pytest.mark.parametrize("roles", [["resident"], ["staff"], ["staff", "digicoach"]])
def test_someone_elses_assessment_is_not_found_on_every_page(client, roles):
    owner = UserFactory()
    finished = AssessmentFactory(user=owner, answer=3, submitted=True)
    mine = AssessmentFactory(user=owner)
    client.force_login(UserFactory(roles=roles))

    assert client.get(step_url(mine, 1)).status_code == 404
    assert client.post(step_url(mine, 1), step_payload(mine, 1, 4)).status_code == 404
    assert client.get(check_url(mine)).status_code == 404
    assert client.post(check_url(mine)).status_code == 404
    assert client.get(result_url(finished)).status_code == 404
    assert client.get(result_url(mine)).status_code == 404
    assert mine.answers.count() == 0


def test_an_admin_cannot_open_someone_elses_result_either(client, login_verified):
    finished = AssessmentFactory(answer=3, submitted=True)
    login_verified(client, UserFactory(roles=["staff", "admin"]))

    assert client.get(result_url(finished)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client):
    assessment = AssessmentFactory()
    for url in (
        reverse("skills:index"),
        reverse("skills:history"),
        step_url(assessment, 1),
        check_url(assessment),
        result_url(assessment),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_start_only_takes_a_post(client, resident):
    assert client.get(reverse("skills:start")).status_code == 405
    assert Assessment.objects.count() == 0


def test_history_shows_a_chart_and_a_table_of_levels(client, resident):
    AssessmentFactory(user=resident, answer=AnswerScale.WITH_HELP, submitted=True)
    latest = AssessmentFactory(user=resident, answer=AnswerScale.ON_MY_OWN, submitted=True)

    response = client.get(reverse("skills:history"))

    html = response.content.decode()
    assert h1(response) == "Your skills over time"
    assert '<svg viewBox="0 0 640 320" role="img"' in html
    assert html.count("<polyline") == 5
    assert html.count("<td>1</td>") == 5
    assert html.count("<td>6</td>") == 5
    assert f'href="{result_url(latest)}"' in html


def test_history_without_results_says_so(client, resident):
    html = client.get(reverse("skills:history")).content.decode()

    assert "You have not finished a self-assessment yet." in html
    assert "<svg viewBox" not in html


def test_history_costs_the_same_queries_for_two_or_six_assessments(
    client, resident, django_assert_num_queries
):
    for _number in range(2):
        AssessmentFactory(user=resident, answer=3, submitted=True)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("skills:history")).status_code == 200
    for _number in range(4):
        AssessmentFactory(user=resident, answer=3, submitted=True)

    with django_assert_num_queries(len(few)):
        assert client.get(reverse("skills:history")).status_code == 200


def test_a_weak_area_gets_its_own_suggestion_and_a_digicoach_link(client, resident):
    assessment = AssessmentFactory(user=resident, answer=AnswerScale.ON_MY_OWN)
    answer_area(assessment, 4, AnswerScale.DONT_KNOW)
    client.post(check_url(assessment))

    html = client.get(result_url(assessment)).content.decode()

    assert "Safety: level 0" in html
    assert "These areas are a good place to start:" in html
    assert "Check that your phone has a screen lock and the latest updates." in html
    assert "Get help from a Digicoach" in html


def test_easy_read_shows_the_easy_intro_and_shorter_statements(client):
    user = UserFactory()
    user.easy_read = True
    user.save(update_fields=["easy_read"])
    client.force_login(user)
    assessment = AssessmentFactory(user=user)

    index = client.get(reverse("skills:index")).content.decode()
    step = client.get(step_url(assessment, 1)).content.decode()

    assert "There are no wrong answers." in index
    assert "<legend>I can look things up on the internet.</legend>" in step
    assert "<legend>I can search for information online with a search engine.</legend>" not in step
    # Where no easy-read text is written, the statement itself is shown.
    assert "<legend>I can plan a search across several sources" in step


def test_the_pages_work_in_dutch_urls(client, resident):
    assert client.get("/nl/skills/").status_code == 200


def test_the_result_downloads_as_a_pdf(client, resident):
    assessment = AssessmentFactory(user=resident, answer=AnswerScale.ON_MY_OWN, submitted=True)
    url = reverse("skills:result_pdf", kwargs={"assessment_id": assessment.pk})
    day = timezone.localtime(assessment.submitted_at).date()

    page = client.get(result_url(assessment)).content.decode()
    response = client.get(url)

    assert f'href="{url}" download' in page
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="digital-skills-{day.isoformat()}.pdf"'
    )
    assert response.content.startswith(b"%PDF-")


def test_no_pdf_of_someone_elses_or_an_unfinished_assessment(client, resident):
    others = AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)
    unfinished = AssessmentFactory(user=resident)

    for assessment in (others, unfinished):
        url = reverse("skills:result_pdf", kwargs={"assessment_id": assessment.pk})
        assert client.get(url).status_code == 404


def test_the_start_page_links_the_easy_read_explanation(client, resident):
    html = client.get(reverse("skills:index")).content.decode()

    assert f'href="{reverse("inclusion:easy_read_how_the_skills_check_works")}"' in html
