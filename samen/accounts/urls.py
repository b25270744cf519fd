"""Account pages, mounted at /<language>/accounts/."""

from django.urls import path

from samen.accounts import views, views_profile, views_two_factor

app_name = "accounts"
urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/check-email/", views.register_done, name="register_done"),
    path("verify-email/resend/", views.verify_email_resend, name="verify_email_resend"),
    path(
        "verify-email/resend/sent/",
        views.verify_email_resend_done,
        name="verify_email_resend_done",
    ),
    path("verify-email/<str:token>/", views.verify_email, name="verify_email"),
    path("login/", views.login, name="login"),
    path("logout/", views.logout, name="logout"),
    path("login/email-link/", views.magic_link_request, name="magic_link_request"),
    path("login/email-link/sent/", views.magic_link_sent, name="magic_link_sent"),
    path("login/link/<str:token>/", views.magic_link, name="magic_link"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("profile/", views_profile.profile, name="profile"),
    path("profile/export/", views_profile.export, name="export"),
    path("profile/erase/", views_profile.erase, name="erase"),
    path("erased/", views_profile.erased, name="erased"),
    path("two-factor/enrol/", views_two_factor.two_factor_enrol, name="two_factor_enrol"),
    path(
        "two-factor/backup-codes/",
        views_two_factor.two_factor_backup_codes,
        name="two_factor_backup_codes",
    ),
    path("two-factor/verify/", views_two_factor.two_factor_verify, name="two_factor_verify"),
]
