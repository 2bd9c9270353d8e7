"""Benchmark: the plan page and the daily reminder task with 2,000 plans of 60 tasks.

Run: .venv/bin/python bench/plans.py [--plans 2000] [--requests 300]
It creates a throw-away test database (SQLite by default, or DATABASE_URL), one company with 40
members, and ``plans`` plans built from the default and a sector template plus custom tasks (60 tasks
each), with start dates spread over the last three years and the next three months; older tasks are
mostly done. It then times (1) the checklist page of random plans as the company admin, through the
full Django stack, and (2) the daily reminder run, twice on the same day (the second finds everything
claimed). Targets: plan page p95 under 100 ms; the daily task under 30 s."""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")

TASKS_PER_PLAN = 60


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", action="store_true", help="print the top functions of 20 page views")
    args = parser.parse_args()

    import logging

    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    logging.getLogger("celery").setLevel(logging.ERROR)

    from django.db import connection

    # No setup_test_environment(): its instrumented template rendering would be measured too.
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def build(count):
    from django.utils import timezone

    from accounts.models import Membership
    from accounts.tests.factories import OrganisationFactory
    from plans import demo, selectors, services
    from plans.models import FollowUpOutcome, IntegrationPlan, PlanRole, PlanTask
    from plans.tests.factories import member

    demo.load_templates()
    company = OrganisationFactory(name="Bench Logistics", slug="bench-logistics")
    admin = member(company, Membership.Role.COMPANY_ADMIN)
    people = [member(company) for _ in range(39)]
    keys = [
        str(t.translation_key) for t in selectors.templates_in("en") if t.slug in {"default", "logistics"}
    ]
    today = timezone.localdate()
    rng = random.Random(7)
    plans = []
    for index in range(count):
        start = today - datetime.timedelta(days=rng.randint(-90, 3 * 365))
        expires = start + datetime.timedelta(days=rng.randint(60, 900)) if index % 3 else None
        plans.append(
            IntegrationPlan(
                organisation=company,
                hire_name=f"H{index}",
                hire_role="Warehouse operative",
                start_date=start,
                hire_language="ar",
                country="DE",
                sector="logistics",
                permit_type="temporary",
                permit_expires_on=expires,
                language="en",
                template_keys=keys,
                hr_owner=admin,
                created_by=admin,
            )
        )
    IntegrationPlan.objects.bulk_create(plans, batch_size=500)
    plans = list(IntegrationPlan.objects.order_by("pk"))
    roles, tasks, outcomes = [], [], []
    for plan in plans:
        tutor, manager = rng.sample(people, 2)
        owners = {"hr": admin, "tutor": tutor, "manager": manager, "trainer": rng.choice(people)}
        roles += [
            PlanRole(plan=plan, role="tutor", user=tutor),
            PlanRole(plan=plan, role="manager", user=manager),
        ]
        generated = services.planned_tasks(
            template_keys=keys, country="DE", language="en", start_date=plan.start_date, owners=owners
        )
        for extra in range(TASKS_PER_PLAN - len(generated)):
            generated.append(
                PlanTask(
                    kind=PlanTask.Kind.CUSTOM,
                    phase_number=99,
                    phase_title="",
                    title=f"Custom task {extra}",
                    role="manager",
                    owner=manager,
                    due_on=plan.start_date + datetime.timedelta(days=7 * extra),
                    position=100 + extra,
                )
            )
        for task in generated:
            task.plan = plan
            # Most of what is more than two weeks old has been done.
            if task.due_on < today - datetime.timedelta(days=14) and rng.random() < 0.9:
                task.done_at = timezone.now()
        tasks += generated
        if plan.start_date < today - datetime.timedelta(days=120) and rng.random() < 0.7:
            outcomes.append(FollowUpOutcome(plan=plan, milestone="3m", still_employed=rng.random() < 0.8))
    PlanRole.objects.bulk_create(roles, batch_size=2000)
    PlanTask.objects.bulk_create(tasks, batch_size=5000)
    FollowUpOutcome.objects.bulk_create(outcomes, batch_size=2000)
    # Plans were made some weeks before the start, as in real use (overdue means overdue since then).
    for plan in plans:
        plan.created_at = timezone.make_aware(
            datetime.datetime.combine(plan.start_date - datetime.timedelta(days=70), datetime.time(9))
        )
    IntegrationPlan.objects.bulk_update(plans, ["created_at"], batch_size=1000)
    return admin, plans, len(tasks)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run(args):
    from django.core import mail
    from django.db import connection
    from django.test import Client

    from plans import reminders

    began = time.perf_counter()
    admin, plans, task_count = build(args.plans)
    print(
        f"built {len(plans)} plans with {task_count} tasks in {time.perf_counter() - began:.1f} s "
        f"({connection.vendor})"
    )

    client = Client()
    client.force_login(admin)
    rng = random.Random(11)
    for plan in plans[:10]:
        client.get(f"/en/plans/{plan.pk}/")
    if args.profile and args.requests:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for plan in plans[:20]:
            client.get(f"/en/plans/{plan.pk}/")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    timings, cpu = [], []
    for _ in range(args.requests):
        plan = rng.choice(plans)
        began, began_cpu = time.perf_counter(), time.process_time()
        response = client.get(f"/en/plans/{plan.pk}/")
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        assert response.status_code == 200
    # On a shared machine the wall clock includes waiting for a CPU; the process's own CPU time
    # (Python and template work, without the database server's share) shows the cost of the page.
    print(
        f"plan page ({args.requests} requests): wall mean {statistics.mean(timings):.1f} ms, "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms, "
        f"max {max(timings):.1f} ms; CPU of the web process median {statistics.median(cpu):.1f} ms, "
        f"p95 {percentile(cpu, 0.95):.1f} ms"
    )
    print(f"load average during the run: {os.getloadavg()}")

    import datetime as dt

    from django.utils import timezone

    today = timezone.localdate()
    runs = [
        ("first run of the day", today),
        ("second run, same day", today),
        ("next day", today + dt.timedelta(days=1)),
    ]
    for label, day in runs:
        mail.outbox = []
        profiler = None
        if args.profile and label.startswith("second"):
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        began, began_cpu = time.perf_counter(), time.process_time()
        result = reminders.send_daily(day)
        elapsed, elapsed_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        if profiler is not None:
            import pstats

            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        print(
            f"daily reminders, {label}: wall {elapsed:.2f} s, CPU of the worker process {elapsed_cpu:.2f} s, "
            f"e-mails {result}, outbox {len(mail.outbox)}, load average {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()
