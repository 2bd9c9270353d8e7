import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from certificates import codes
from certificates.models import Certificate


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate row as the issuing service would write it, for tests that start after issuing."""

    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    course = None
    course_key = factory.Faker("uuid4", cast_to=None)
    verification_code = factory.LazyFunction(codes.generate)
    language = "en"
    holder_name = factory.LazyAttribute(lambda o: o.user.get_full_name())
    course_title = "Hiring refugees legally"
    issued_at = factory.LazyFunction(timezone.now)
