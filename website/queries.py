"""Querysets compiled once per process, then run with new values.

Django builds and compiles a queryset anew every time one is evaluated. For the few queries every
page view makes (the page, the user, the learner's enrolment with its progress) that work costs
more CPU than the database spends answering them: compiling the lesson page's enrolment query took
2.6 ms, running it 0.3 ms (see docs/benchmarks.md).

``PreparedQuery`` builds its queryset once per database alias with placeholder values, keeps the
SQL, and on each call runs that SQL with the real values, then turns the row into a model instance
the way Django's own iterator does (same converters, same ``from_db``, annotations as attributes).

Placeholders may only be compared for equality (``field=value``): a value Django transforms before
sending it (``__contains``, ``__startswith``) would not be recognised, and compiling fails loudly when
a placeholder's value cannot be found among the query's parameters."""

import itertools
import threading
import uuid

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router


class _Compiled:
    __slots__ = ("sql", "slots", "model", "init_list", "model_columns", "annotations", "converters")


# Values no row has, one per placeholder of the process, so that each can be found among the
# compiled query's parameters.
_sentinel_numbers = itertools.count(7_301_000_000_001)


def _sentinel(field):
    """A value of ``field``'s database type that appears nowhere else in a query."""
    target = getattr(field, "target_field", field)  # a foreign key compares its target's values
    kind = target.get_internal_type()
    if kind == "UUIDField":
        return uuid.uuid4()
    if kind in {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "PositiveIntegerField"}:
        return -next(_sentinel_numbers)
    if kind in {"CharField", "TextField", "SlugField"}:
        return f"sentinel-{uuid.uuid4().hex}"
    raise ImproperlyConfigured(f"A placeholder cannot be compared with a {kind} ({field}).")


class PreparedQuery:
    """``build(**placeholders)`` returns a queryset of ``model`` instances; one row is read.

    ``placeholders`` maps each name to the model field its value is compared with (integers, foreign
    keys, UUIDs and text), which prepares the value for the database exactly as the ORM would."""

    def __init__(self, model, build, **placeholders):
        self.model = model
        self._build = build
        self._placeholders = {name: (field, _sentinel(field)) for name, field in placeholders.items()}
        self._compiled = {}
        self._lock = threading.Lock()

    def _compile(self, using):
        connection = connections[using]
        queryset = self._build(**{name: sentinel for name, (_field, sentinel) in self._placeholders.items()})
        if queryset.model is not self.model:
            raise ImproperlyConfigured(
                f"The query returns {queryset.model.__name__}, not {self.model.__name__}."
            )
        queryset = queryset[:1]
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        prepared = {
            name: field.get_db_prep_value(sentinel, connection)
            for name, (field, sentinel) in self._placeholders.items()
        }
        slots, seen = [], set()
        for param in params:
            names = [
                name for name, value in prepared.items() if type(value) is type(param) and value == param
            ]
            if names:
                slots.append((True, names[0]))
                seen.add(names[0])
            else:
                slots.append((False, param))  # a constant of the query itself (EXISTS's SELECT 1)
        missing = set(self._placeholders) - seen
        if missing:
            raise ImproperlyConfigured(
                f"Placeholders {sorted(missing)} are not compared for equality in the query."
            )
        klass_info = compiler.klass_info
        compiled = _Compiled()
        compiled.sql = sql
        compiled.slots = slots
        compiled.model = klass_info["model"]
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        compiled.model_columns = (start, end)
        compiled.init_list = [column[0].target.attname for column in compiler.select[start:end]]
        compiled.annotations = dict(compiler.annotation_col_map or {})
        compiled.converters = compiler.get_converters([column[0] for column in compiler.select])
        return compiled

    def compiled(self, using):
        found = self._compiled.get(using)
        if found is None:
            with self._lock:
                found = self._compiled.get(using)
                if found is None:
                    found = self._compiled[using] = self._compile(using)
        return found

    def row(self, using=None, **values):
        """The first row as the database returned it (a tuple of immutable values), or None."""
        if set(values) != set(self._placeholders):
            raise TypeError(f"Expected values for {sorted(self._placeholders)}, got {sorted(values)}.")
        using = using or router.db_for_read(self.model)
        compiled = self.compiled(using)
        connection = connections[using]
        params = [
            self._placeholders[value][0].get_db_prep_value(values[value], connection)
            if is_placeholder
            else value
            for is_placeholder, value in compiled.slots
        ]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return cursor.fetchone()

    def instance(self, row, using=None):
        """A new model instance from a ``row`` this query returned (converted as the ORM does)."""
        using = using or router.db_for_read(self.model)
        compiled = self.compiled(using)
        connection = connections[using]
        if compiled.converters:
            row = list(row)
            for index, (converters, expression) in compiled.converters.items():
                value = row[index]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[index] = value
        start, end = compiled.model_columns
        instance = compiled.model.from_db(using, compiled.init_list, row[start:end])
        for name, index in compiled.annotations.items():
            setattr(instance, name, row[index])
        return instance

    def first(self, using=None, **values):
        """The first row as a model instance, or None."""
        row = self.row(using, **values)
        return None if row is None else self.instance(row, using)
