import factory

from accounts.tests.factories import OrganisationFactory
from tracking.models import ForwardingDestination, LRSKey


class LRSKeyFactory(factory.django.DjangoModelFactory):
    """Builds a key; the plain secret is available as ``key.secret`` on the returned object."""

    class Meta:
        model = LRSKey

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Client {n}")
    scope = LRSKey.Scope.READ_WRITE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        key, secret = model_class.generate(**kwargs)
        key.secret = secret
        return key


class ForwardingDestinationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForwardingDestination

    name = factory.Sequence(lambda n: f"External LRS {n}")
    endpoint = "http://127.0.0.1:9/xapi/"
    username = "platform"
    password = "secret"
