from privacy.checks import privacy_settings


def ids(settings_problems):
    return sorted(problem.id for problem in settings_problems)


def test_the_default_privacy_settings_pass():
    assert privacy_settings(None) == []


def test_an_unknown_certificate_choice_a_negative_retention_and_one_warning_are_reported(settings):
    settings.PRIVACY_CERTIFICATES_ON_ERASURE = "shred"
    settings.ACCOUNT_RETENTION_MONTHS = -3
    settings.PRIVACY_RETENTION_WARNING_DAYS = [7]
    assert ids(privacy_settings(None)) == ["privacy.E001", "privacy.E002", "privacy.E003"]


def test_two_warnings_on_the_same_day_are_reported(settings):
    settings.PRIVACY_RETENTION_WARNING_DAYS = [7, 7]
    assert ids(privacy_settings(None)) == ["privacy.E003"]
