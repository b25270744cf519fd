"""The organisation's skills picture: levels by department and area, gaps against job-role
targets, groups under five people hidden everywhere, and the pages that keep it up to date."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.core.models import AuditEntry
from samen.skills import selectors, selectors_picture
from samen.skills import services_picture as services
from samen.skills.models import Area
from samen.skills.models_picture import Department, JobRole, StaffProfile, TargetLevel
from tests.factories import UserFactory
from tests.skills.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def _areas() -> list[Area]:
    return list(Area.objects.filter(version=selectors.current_version()).order_by("number"))


def _staff_in(department: Department, count: int, answer: int, job_role: JobRole | None = None):  # type: ignore[no-untyped-def]
    """`count` staff members in the department, each with one finished assessment."""
    people = []
    for _index in range(count):
        user = UserFactory(roles=("staff",))
        services.staff_profile_save(actor=user, user=user, department=department, job_role=job_role)
        AssessmentFactory(user=user, answer=answer, submitted=True)
        people.append(user)
    return people


def test_a_department_of_five_shows_its_mean_levels_and_one_of_four_shows_none(organiser):
    big = services.department_save(actor=organiser, name="Finance")
    small = services.department_save(actor=organiser, name="Legal")
    _staff_in(big, 5, answer=3)  # "on my own" everywhere: level 6 in every area
    _staff_in(small, 4, answer=2)  # "with help": level 1

    picture = selectors_picture.skills_picture()

    rows = {row.label: row for row in picture.rows}
    assert [cell.mean for cell in rows["Finance"].cells] == [Decimal("6.0")] * 5
    assert rows["Finance"].people == 5
    assert rows["Legal"].shown is False
    assert [cell.mean for cell in rows["Legal"].cells] == [None] * 5
    # The whole organisation: nine people, (5 x 6 + 4 x 1) / 9 = 3.8.
    assert [cell.mean for cell in rows["Whole organisation"].cells] == [Decimal("3.8")] * 5


def test_only_the_latest_assessment_of_each_staff_member_counts(organiser):
    department = services.department_save(actor=organiser, name="Finance")
    people = _staff_in(department, 5, answer=2)
    AssessmentFactory(user=people[0], answer=3, submitted=True)  # 6 instead of 1 now

    row = selectors_picture.skills_picture().rows[0]

    assert row.people == 5
    assert row.cells[0].mean == Decimal("2.0")  # (6 + 4 x 1) / 5


def test_residents_and_staff_without_a_department_are_left_out(organiser):
    department = services.department_save(actor=organiser, name="Finance")
    _staff_in(department, 5, answer=3)
    AssessmentFactory(user=UserFactory(roles=("resident",)), answer=1, submitted=True)
    AssessmentFactory(user=UserFactory(roles=("staff",)), answer=1, submitted=True)

    picture = selectors_picture.skills_picture()

    assert picture.rows[-1].people == 5
    assert picture.unassigned == 2  # the organiser and the staff member without a profile


def test_gaps_compare_the_role_mean_with_its_targets(organiser):
    department = services.department_save(actor=organiser, name="Customer services")
    areas = _areas()
    front_desk = services.job_role_save(
        actor=organiser,
        name="Front desk",
        targets={areas[0]: 3, areas[1]: None, areas[2]: 2, areas[3]: None, areas[4]: None},
    )
    _staff_in(department, 3, answer=2, job_role=front_desk)  # level 1
    _staff_in(department, 2, answer=3, job_role=front_desk)  # level 6

    (entry,) = selectors_picture.skills_picture().roles

    assert entry.people == 5
    assert [(gap.area.number, gap.target, gap.mean, gap.gap, gap.below) for gap in entry.gaps] == [
        (1, 3, Decimal("3.0"), Decimal("0.0"), 3),
        (3, 2, Decimal("3.0"), Decimal("0.0"), 3),
    ]


def test_a_role_of_four_people_shows_no_gap_figures(organiser):
    department = services.department_save(actor=organiser, name="Finance")
    role = services.job_role_save(actor=organiser, name="Controller", targets={_areas()[0]: 4})
    _staff_in(department, 4, answer=2, job_role=role)

    (entry,) = selectors_picture.skills_picture().roles

    assert entry.shown is False
    assert [(gap.target, gap.mean, gap.below) for gap in entry.gaps] == [(4, None, None)]


def test_the_picture_page_and_csv_say_fewer_than_5_people_instead_of_figures(client, organiser):
    big = services.department_save(actor=organiser, name="Finance")
    small = services.department_save(actor=organiser, name="Legal")
    _staff_in(big, 5, answer=3)
    _staff_in(small, 2, answer=2)

    page = client.get(reverse("skills:picture")).content.decode()
    download = client.get(reverse("skills:picture_csv"))

    assert (
        '<th scope="row">Legal</th>\n        \n        <td colspan="6">fewer than 5 people</td>'
        in page
    )
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[1] == ["Finance", "5", "6.0", "6.0", "6.0", "6.0", "6.0"]
    assert rows[2] == ["Legal", *["fewer than 5 people"] * 6]
    assert rows[3] == ["Whole organisation", "7", *["4.6"] * 5]


def test_the_picture_runs_a_fixed_number_of_queries(client, organiser, django_assert_num_queries):
    department = services.department_save(actor=organiser, name="Finance")
    _staff_in(department, 6, answer=3)
    client.get(reverse("skills:picture"))

    with django_assert_num_queries(16):
        client.get(reverse("skills:picture"))
    _staff_in(department, 3, answer=2)
    with django_assert_num_queries(16):
        client.get(reverse("skills:picture"))


def test_a_staff_member_sets_their_department_and_it_is_audited(client):
    Department.objects.create(name="Finance")
    role = JobRole.objects.create(name="Policy advisor")
    staff = UserFactory(roles=("staff",))
    client.force_login(staff)
    department = Department.objects.get()

    response = client.post(
        reverse("skills:my_work"), {"department": department.pk, "job_role": role.pk}
    )

    assert response["Location"] == reverse("skills:index")
    profile = StaffProfile.objects.get(user=staff)
    assert (profile.department, profile.job_role) == (department, role)
    entry = AuditEntry.objects.get(action="skills.staff_profile_saved")
    assert entry.actor == staff
    assert entry.data["after"] == {"department": department.pk, "job_role": role.pk}


def test_a_resident_has_no_department_page(client):
    client.force_login(UserFactory())

    assert client.get(reverse("skills:my_work")).status_code == 403


def test_only_staff_members_get_a_staff_profile(organiser):
    department = services.department_save(actor=organiser, name="Finance")

    with pytest.raises(ValidationError, match="Only staff members"):
        services.staff_profile_save(actor=organiser, user=UserFactory(), department=department)
    assert StaffProfile.objects.count() == 0


def test_the_organiser_sets_targets_and_removes_one(client, organiser):
    response = client.post(
        reverse("skills:job_role_create"),
        {"name": "Front desk", "description": "", "target_1": "3", "target_4": "2"},
    )

    assert response["Location"] == reverse("skills:job_role_list")
    role = JobRole.objects.get(name="Front desk")
    assert sorted(TargetLevel.objects.values_list("area__number", "level")) == [(1, 3), (4, 2)]
    client.post(
        reverse("skills:job_role_edit", args=[role.pk]), {"name": "Front desk", "target_1": "4"}
    )
    assert list(TargetLevel.objects.values_list("area__number", "level")) == [(1, 4)]
    assert AuditEntry.objects.filter(action="skills.job_role_saved").count() == 2


def test_a_target_above_6_is_refused_on_its_field(client, organiser):
    response = client.post(
        reverse("skills:job_role_create"), {"name": "Front desk", "target_2": "7"}
    )

    assert response.status_code == 200
    assert (
        "Select a valid choice. 7 is not one of the available choices." in response.content.decode()
    )
    assert JobRole.objects.count() == 0


def test_a_duplicate_department_name_is_refused_on_the_name_field(client, organiser):
    services.department_save(actor=organiser, name="Finance")

    response = client.post(reverse("skills:department_list"), {"name": "Finance"})

    assert response.status_code == 200
    assert "Department with this Name already exists." in response.content.decode()
    assert Department.objects.count() == 1


def test_the_organiser_moves_a_staff_member_to_another_department(client, organiser):
    finance = services.department_save(actor=organiser, name="Finance")
    legal = services.department_save(actor=organiser, name="Legal")
    staff = UserFactory(roles=("staff",), display_name="Sanne Koster")
    services.staff_profile_save(actor=staff, user=staff, department=finance)

    listing = client.get(reverse("skills:staff_list")).content.decode()
    client.post(reverse("skills:staff_edit", args=[staff.pk]), {"department": legal.pk})

    assert "Sanne Koster" in listing
    assert StaffProfile.objects.get(user=staff).department == legal
    assert AuditEntry.objects.filter(action="skills.staff_profile_saved", actor=organiser).exists()


def test_the_account_export_and_erasure_include_the_department_and_job_role(organiser):
    from samen.accounts import services as account_services

    department = services.department_save(actor=organiser, name="Finance")
    role = services.job_role_save(actor=organiser, name="Controller", targets={})
    staff = UserFactory(roles=("staff",))
    services.staff_profile_save(actor=staff, user=staff, department=department, job_role=role)

    exported = account_services.user_export(user=staff)
    account_services.user_erase(user=staff)

    assert {k: v for k, v in exported["skills_work"].items() if k != "updated_at"} == {
        "department": "Finance",
        "job_role": "Controller",
    }
    assert StaffProfile.objects.count() == 0
    assert Department.objects.count() == 1
