"""Demo content: a course catalogue and one short, complete course for employers, in four languages.

"Hiring refugees: the first steps" has 3 modules, 8 lessons and 2 quizzes. Facts come from the
COME IN research report (barriers employers meet, the practice examples); the text is our own.
Block ids are fixed so every language version shares them (progress is keyed by block id).
Loading twice changes nothing."""

import json

from django.db import transaction
from wagtail.models import Locale

from website.models import HomePage

from .models import CourseCatalogPage, CoursePage, LessonPage, ModulePage

LANGUAGES = ("ar", "de", "nl")

CATALOGUE = {
    "en": ("Courses", "<p>Short courses for employers who hire and integrate refugees and migrants.</p>"),
    "ar": ("الدورات", "<p>دورات قصيرة لأصحاب العمل الذين يوظفون اللاجئين والمهاجرين ويدمجونهم.</p>"),
    "de": (
        "Kurse",
        "<p>Kurze Kurse für Arbeitgeber, die Geflüchtete und Zugewanderte einstellen und integrieren.</p>",
    ),
    "nl": ("Cursussen", "<p>Korte cursussen voor werkgevers die vluchtelingen en migranten aannemen.</p>"),
}

COURSE = {
    "slug": "hiring-refugees-first-steps",
    "en": (
        "Hiring refugees: the first steps",
        "What an HR team needs before a refugee's first working day: legal status and work permits, "
        "recognising qualifications, and the first months in the team.",
    ),
    "ar": (
        "توظيف اللاجئين: الخطوات الأولى",
        "ما يحتاجه فريق الموارد البشرية قبل أول يوم عمل للاجئ: الوضع القانوني وتصاريح العمل، والاعتراف "
        "بالمؤهلات، والأشهر الأولى في الفريق.",
    ),
    "de": (
        "Geflüchtete einstellen: die ersten Schritte",
        "Was eine Personalabteilung vor dem ersten Arbeitstag wissen muss: Aufenthaltsstatus und "
        "Arbeitserlaubnis, Anerkennung von Qualifikationen und die ersten Monate im Team.",
    ),
    "nl": (
        "Vluchtelingen aannemen: de eerste stappen",
        "Wat een HR-team moet weten vóór de eerste werkdag: verblijfsstatus en werkvergunning, erkenning "
        "van kwalificaties en de eerste maanden in het team.",
    ),
}

AUDIENCE = (
    "HR managers, personnel administrators and team leads in companies that are about to hire a refugee "
    "or have just done so."
)
OBJECTIVES = [
    "Tell a residence status from a permission to work and check both before the contract",
    "Keep track of permits that expire, so nobody loses their job over paperwork",
    "Start the recognition of a qualification and look at skills in practice",
    "Plan the first three months so that a new colleague stays",
]

# The course's audience, objectives and prerequisites in the other languages (same objective ids).
COURSE_DETAILS = {
    "ar": (
        "مديرو الموارد البشرية ومسؤولو شؤون الموظفين وقادة الفرق في الشركات التي تستعد لتوظيف لاجئ أو وظّفت "
        "لاجئاً للتو.",
        [
            "التمييز بين الإقامة والإذن بالعمل، والتحقق من الاثنين قبل العقد",
            "متابعة التصاريح التي تنتهي صلاحيتها، حتى لا يفقد أحد عمله بسبب الأوراق",
            "بدء الاعتراف بالمؤهل والنظر إلى المهارات في الممارسة",
            "التخطيط للأشهر الثلاثة الأولى حتى يبقى الزميل الجديد",
        ],
        "لا شيء. أحضر الأسئلة التي تواجهها شركتك.",
    ),
    "de": (
        "Personalverantwortliche, Sachbearbeitende und Teamleitungen in Unternehmen, die bald eine "
        "geflüchtete "
        "Person einstellen oder es gerade getan haben.",
        [
            "Aufenthaltstitel und Arbeitserlaubnis unterscheiden und beides vor dem Vertrag prüfen",
            "Befristete Erlaubnisse im Blick behalten, damit niemand wegen Papieren seine Stelle verliert",
            "Die Anerkennung eines Abschlusses anstoßen und Fähigkeiten in der Praxis sehen",
            "Die ersten drei Monate so planen, dass neue Kolleginnen und Kollegen bleiben",
        ],
        "Keine. Bringen Sie die Fragen Ihres Unternehmens mit.",
    ),
    "nl": (
        "HR-managers, personeelsadministratie en teamleiders in bedrijven die binnenkort een vluchteling "
        "aannemen "
        "of dat net gedaan hebben.",
        [
            "Verblijfsstatus en werkvergunning onderscheiden en beide controleren vóór het contract",
            "Vergunningen die verlopen opvolgen, zodat niemand zijn baan verliest door papierwerk",
            "De erkenning van een diploma starten en vaardigheden in de praktijk bekijken",
            "De eerste drie maanden zo plannen dat een nieuwe collega blijft",
        ],
        "Geen. Breng de vragen mee waar uw bedrijf voor staat.",
    ),
}


def _objectives(texts):
    return json.dumps(
        [{"type": "objective", "id": f"objective-{n}", "value": text} for n, text in enumerate(texts)]
    )


MODULES = [
    {
        "slug": "legal-status-and-work-permits",
        "en": ("Legal status and work permits", "Who may work, from when, for how long — and who checks."),
        "ar": ("الوضع القانوني وتصاريح العمل", "من يحق له العمل، ومتى، ولأي مدة، ومن يتحقق من ذلك."),
        "de": (
            "Aufenthaltsstatus und Arbeitserlaubnis",
            "Wer arbeiten darf, ab wann, wie lange – und wer prüft.",
        ),
        "nl": (
            "Verblijfsstatus en werkvergunning",
            "Wie mag werken, vanaf wanneer, hoe lang – en wie controleert.",
        ),
    },
    {
        "slug": "recognising-qualifications",
        "en": (
            "Recognising qualifications and skills",
            "Diplomas from abroad, and the skills no paper shows.",
        ),
        "ar": ("الاعتراف بالمؤهلات والمهارات", "الشهادات من الخارج، والمهارات التي لا تظهر في أي ورقة."),
        "de": (
            "Qualifikationen und Fähigkeiten anerkennen",
            "Ausländische Abschlüsse und Können ohne Zeugnis.",
        ),
        "nl": (
            "Kwalificaties en vaardigheden erkennen",
            "Buitenlandse diploma's en vaardigheden zonder papier.",
        ),
    },
    {
        "slug": "onboarding-and-teamwork",
        "en": (
            "Onboarding and intercultural teamwork",
            "The first three months, and a team that works together.",
        ),
        "ar": ("الإدماج الوظيفي والعمل الجماعي بين الثقافات", "الأشهر الثلاثة الأولى، وفريق يعمل معاً."),
        "de": (
            "Einarbeitung und interkulturelle Teamarbeit",
            "Die ersten drei Monate und ein Team, das zusammenarbeitet.",
        ),
        "nl": (
            "Inwerken en intercultureel samenwerken",
            "De eerste drie maanden en een team dat samenwerkt.",
        ),
    },
]


def _text(block_id, html):
    return {"type": "text", "id": block_id, "value": html}


def _callout(block_id, kind, title, html):
    return {"type": "callout", "id": block_id, "value": {"kind": kind, "title": title, "text": html}}


def _checklist(block_id, title, items):
    return {
        "type": "checklist",
        "id": block_id,
        "value": {
            "title": title,
            "items": [
                {"type": "item", "id": f"{block_id}-{n}", "value": item} for n, item in enumerate(items)
            ],
        },
    }


def _reflection(block_id, prompt, guidance=""):
    return {"type": "reflection", "id": block_id, "value": {"prompt": prompt, "guidance": guidance}}


def _choice(question_id, kind, question, options):
    """options: [(text, correct, feedback)]; option ids are <question id>-<letter>."""
    return {
        "type": kind,
        "id": question_id,
        "value": {
            "question": question,
            "options": [
                {
                    "type": "item",
                    "id": f"{question_id}-{'abcdef'[n]}",
                    "value": {"text": text, "correct": correct, "feedback": feedback},
                }
                for n, (text, correct, feedback) in enumerate(options)
            ],
        },
    }


def _true_false(question_id, statement, answer, feedback_true, feedback_false):
    return {
        "type": "true_false",
        "id": question_id,
        "value": {
            "statement": statement,
            "answer": answer,
            "feedback_true": feedback_true,
            "feedback_false": feedback_false,
        },
    }


def _ordering(question_id, question, steps, right, wrong):
    return {
        "type": "ordering",
        "id": question_id,
        "value": {
            "question": question,
            "items": [
                {"type": "item", "id": f"{question_id}-{n}", "value": step} for n, step in enumerate(steps)
            ],
            "feedback_correct": right,
            "feedback_incorrect": wrong,
        },
    }


def _quiz(block_id, title, introduction, questions, pass_mark, max_attempts):
    return {
        "type": "quiz",
        "id": block_id,
        "value": {
            "title": title,
            "introduction": introduction,
            "questions": questions,
            "pass_mark": pass_mark,
            "max_attempts": max_attempts,
            "retry_policy": "until_passed",
            "reveal_answers": "when_done",
            "required": True,
        },
    }


def legal_quiz(language):
    if language == "ar":
        questions = [
            _choice(
                "legal-q1",
                "single_choice",
                "من يجب أن يتحقق من تصريح العمل قبل أول يوم عمل؟",
                [
                    ("الموظف الجديد وحده", False, "الموظف مسؤول عن وثائقه، لكن صاحب العمل هو من يُغرَّم."),
                    ("صاحب العمل، قبل توقيع العقد", True, "صحيح: التحقق جزء من التوظيف، مثل العقد نفسه."),
                    ("لا أحد، فتصريح الإقامة يكفي", False, "تصريح الإقامة لا يعني دائماً الإذن بالعمل."),
                ],
            ),
            _true_false(
                "legal-q2",
                "تصريح العمل المؤقت يبقى صالحاً طالما بقي الشخص في الوظيفة نفسها.",
                "false",
                "لا: للتصاريح المؤقتة تاريخ انتهاء، حتى لو لم يتغير شيء في العمل.",
                "صحيح: لكل تصريح مؤقت تاريخ انتهاء يجب متابعته.",
            ),
            _choice(
                "legal-q3",
                "multiple_choice",
                "ما الذي يساعد على ألا ينتهي تصريح دون أن يلاحظه أحد؟",
                [
                    ("تسجيل تاريخ الانتهاء في ملف الموظف", True, ""),
                    ("تذكير قبل الانتهاء بعدة أسابيع", True, ""),
                    ("انتظار رسالة من السلطات", False, "السلطات لا تُبلغ دائماً في الوقت المناسب."),
                ],
            ),
            _ordering(
                "legal-q4",
                "رتّب الخطوات قبل أول يوم عمل.",
                [
                    "التحقق من الوضع القانوني والإذن بالعمل",
                    "توقيع عقد العمل",
                    "تسجيل تاريخ انتهاء التصريح وتذكير التجديد",
                ],
                "أحسنت: التحقق أولاً، ثم العقد، ثم المتابعة.",
                "ابدأ دائماً بالتحقق قبل أي توقيع.",
            ),
        ]
        return _quiz(
            "legal-quiz",
            "اختبر معلوماتك: الأساسيات القانونية",
            "أربعة أسئلة. تحتاج إلى 75٪ للنجاح، ويمكنك المحاولة مرة أخرى.",
            questions,
            75,
            0,
        )
    questions = [
        _choice(
            "legal-q1",
            "single_choice",
            "Who must check the work permit before the first working day?",
            [
                (
                    "The new employee alone",
                    False,
                    "Employees are responsible for their papers, but the employer is the one who is fined.",
                ),
                (
                    "The employer, before the contract is signed",
                    True,
                    "Right: the check is part of hiring, just like the contract.",
                ),
                (
                    "Nobody, a residence permit is enough",
                    False,
                    "A residence permit does not always include the permission to work.",
                ),
            ],
        ),
        _true_false(
            "legal-q2",
            "A temporary work permit stays valid as long as the person keeps the same job.",
            "false",
            "No: temporary permits expire even when nothing changes at work.",
            "Right: every temporary permit has an end date that someone has to follow up.",
        ),
        _choice(
            "legal-q3",
            "multiple_choice",
            "What helps to make sure no permit expires unnoticed?",
            [
                ("Recording the expiry date in the personnel file", True, ""),
                ("A reminder several weeks before the expiry date", True, ""),
                (
                    "Waiting for a letter from the authorities",
                    False,
                    "Authorities do not always tell people in time — in one Bulgarian case nobody did.",
                ),
            ],
        ),
        _ordering(
            "legal-q4",
            "Put the steps before the first working day in order.",
            [
                "Check the legal status and the permission to work",
                "Sign the employment contract",
                "Record the permit's expiry date and set a renewal reminder",
            ],
            "Well done: check first, then sign, then follow up.",
            "Always check before anything is signed.",
        ),
    ]
    return _quiz(
        "legal-quiz",
        "Check your knowledge: the legal basics",
        "Four questions. You need 75% to pass, and you may try again.",
        questions,
        75,
        0,
    )


def onboarding_quiz(language):
    if language == "ar":
        questions = [
            _choice(
                "team-q1",
                "single_choice",
                "متى يترك كثير من اللاجئين الموظفين وظائفهم بحسب تقرير COME IN؟",
                [
                    ("في الأشهر الثلاثة الأولى", True, "لذلك تستحق هذه الأشهر خطة واضحة."),
                    ("بعد ثلاث سنوات", False, "تُظهر الدراسة أن الخطر الأكبر في البداية."),
                ],
            ),
            _true_false(
                "team-q2",
                "المرشد الجيد يعرف مكان العمل والأشخاص المناسبين فيه.",
                "true",
                "صحيح: المرشد يفتح الأبواب ويساعد في وضع خطة واقعية.",
                "بل هذا بالضبط ما يجعل الإرشاد مفيداً.",
            ),
            _choice(
                "team-q3",
                "multiple_choice",
                "من ينبغي أن يشارك في تدريب على التواصل بين الثقافات؟",
                [
                    ("الموظف الجديد", True, ""),
                    ("الزملاء", True, ""),
                    ("المشرف أو المدير", True, ""),
                    ("لا أحد، فاللغة المشتركة تكفي", False, "سوء الفهم لا يأتي من اللغة وحدها."),
                ],
            ),
        ]
        return _quiz(
            "team-quiz",
            "اختبر معلوماتك: الإدماج والعمل الجماعي",
            "ثلاثة أسئلة. تحتاج إلى 70٪ للنجاح، ولديك خمس محاولات.",
            questions,
            70,
            5,
        )
    questions = [
        _choice(
            "team-q1",
            "single_choice",
            "According to the COME IN research, when do many hired refugees lose their job?",
            [
                ("Within the first three months", True, "That is why these months deserve a plan."),
                ("After three years", False, "The research points to the start as the riskiest time."),
            ],
        ),
        _true_false(
            "team-q2",
            "A good mentor knows the workplace and the right people in it.",
            "true",
            "Right: a mentor opens doors and helps to make a realistic plan.",
            "It is exactly what makes mentoring work.",
        ),
        _choice(
            "team-q3",
            "multiple_choice",
            "Who should take part in intercultural communication training?",
            [
                ("The new colleague", True, ""),
                ("The co-workers", True, ""),
                ("The supervisor or manager", True, ""),
                (
                    "Nobody, a shared language is enough",
                    False,
                    "Misunderstandings do not come from language alone.",
                ),
            ],
        ),
    ]
    return _quiz(
        "team-quiz",
        "Check your knowledge: onboarding and teamwork",
        "Three questions. You need 70% to pass, and you have five attempts.",
        questions,
        70,
        5,
    )


# Lessons per module: slug, minutes, titles/summaries per language, body builder per language.
def _lesson_bodies():
    return {
        "status-and-right-to-work": {
            "en": [
                _text(
                    "status-text",
                    (
                        "<p>A refugee's residence permit tells you that the person may stay in the country. "
                        "It "
                        "does not always tell you that they may work, in which jobs, or from when. Asylum "
                        "seekers whose procedure is still running often have restricted access to the labour "
                        "market; recognised refugees usually have full access.</p>"
                        "<p>In every COME IN partner country, employers named the same barrier: they did "
                        "not know "
                        "the legal and administrative procedures for hiring refugees, and so they "
                        "hesitated. In "
                        "Germany especially, the legal status and the permission to work were still a little-"
                        "known subject for companies.</p>"
                    ),
                ),
                _callout(
                    "status-legal",
                    "legal",
                    "Check before you sign",
                    (
                        "<p>Ask for the residence document and any separate work permission before the "
                        "contract "
                        "is signed. Note the type of document, its number and its expiry date. When in "
                        "doubt, "
                        "the public employment service or the immigration office answers employers' "
                        "questions.</p>"
                    ),
                ),
            ],
            "ar": [
                _text(
                    "status-text",
                    (
                        "<p>يخبرك تصريح إقامة اللاجئ بأنه يحق له البقاء في البلد، لكنه لا يخبرك دائماً بأنه "
                        "يحق "
                        "له العمل، أو في أي وظائف، أو منذ متى. غالباً ما يكون لطالبي اللجوء الذين لم تنتهِ "
                        "إجراءاتهم وصول محدود إلى سوق العمل، أما اللاجئون المعترف بهم فلهم عادةً وصول "
                        "كامل.</p>"
                        "<p>في كل بلدان شراكة COME IN ذكر أصحاب العمل العائق نفسه: لم يعرفوا الإجراءات "
                        "القانونية "
                        "والإدارية لتوظيف اللاجئين، فترددوا.</p>"
                    ),
                ),
                _callout(
                    "status-legal",
                    "legal",
                    "تحقّق قبل التوقيع",
                    (
                        "<p>اطلب وثيقة الإقامة وأي إذن عمل منفصل قبل توقيع العقد. سجّل نوع الوثيقة ورقمها "
                        "وتاريخ "
                        "انتهائها. وعند الشك، تجيب مصلحة التشغيل العامة أو مكتب الهجرة عن أسئلة أصحاب "
                        "العمل.</p>"
                    ),
                ),
            ],
        },
        "permits-that-expire": {
            "en": [
                _text(
                    "expire-text",
                    (
                        "<p>Many refugees start with a temporary permit. When it runs out, the employee may "
                        "no "
                        "longer work — and the employer may be fined for employing them. The COME IN report "
                        "tells of a Bulgarian food company that paid a fine of nearly 8,000 dollars because "
                        "two "
                        "refugees had not been told that their temporary work permits had expired and had "
                        "not "
                        "applied again.</p><p>Nobody in that story acted in bad faith. What was missing was "
                        "a "
                        "routine.</p>"
                    ),
                ),
                _checklist(
                    "expire-checklist",
                    "A renewal routine for HR",
                    [
                        "Record the expiry date of every permit in the personnel file",
                        "Set a reminder at least eight weeks before each expiry date",
                        "Tell the employee in person, in plain language, what to renew and where",
                        "Keep a copy of the renewal application until the new permit arrives",
                    ],
                ),
                _callout(
                    "expire-warning",
                    "warning",
                    "Do not rely on letters",
                    (
                        "<p>Authorities do not always inform people in time, and a letter may go to an old "
                        "address. Your own reminder is the safer one.</p>"
                    ),
                ),
            ],
        },
        "check-legal-basics": {"en": [legal_quiz("en")], "ar": [legal_quiz("ar")]},
        "recognition-of-qualifications": {
            "en": [
                _text(
                    "recognition-text",
                    (
                        "<p>Across the partner countries, the research found the same obstacles: language, "
                        "and the "
                        "recognition and assessment of skills. A diploma from abroad is not worthless "
                        "because it "
                        "is unfamiliar; it needs to be compared with a national one. Which body does that "
                        "depends "
                        "on the country and the profession: regulated professions such as nursing need "
                        "formal "
                        "recognition before the person may work in them, other jobs do not.</p>"
                        "<p>As an employer you can help: ask which documents exist, point to the advice "
                        "service "
                        "for recognition, and allow time off for appointments.</p>"
                    ),
                ),
                _callout(
                    "recognition-tip",
                    "tip",
                    "Documents may be missing",
                    (
                        "<p>People who fled often could not take their certificates with them. Work "
                        "references, "
                        "descriptions of former tasks and a practical test can fill part of the gap.</p>"
                    ),
                ),
                _reflection(
                    "recognition-reflection",
                    "Which of your jobs need formal recognition of a qualification, and which do not?",
                    "Think of two or three roles you often hire for.",
                ),
            ],
        },
        "skills-in-practice": {
            "en": [
                _text(
                    "practice-text",
                    (
                        "<p>Some skills only show at work. A German industrial group ran an orientation "
                        "week in "
                        "one of its companies: the refugees and the company found out together which skills, "
                        "potential and language knowledge each person had, and which skills the jobs "
                        "needed.</p>"
                        "<p>Eight of the fourteen participants then did a three-month preparation "
                        "internship with "
                        "job-related language lessons, accompanied by mentors inside the company and an "
                        "external "
                        "social worker. After the three months, all eight could start an apprenticeship.</p>"
                    ),
                ),
                _checklist(
                    "practice-checklist",
                    "Plan your own orientation week",
                    [
                        "Choose two or three workplaces where people can try real tasks",
                        "Name a mentor for each participant",
                        "Note skills, potential and language needs at the end of each day",
                        "Agree on the next step with each participant at the end of the week",
                    ],
                ),
            ],
        },
        "first-three-months": {
            "en": [
                _text(
                    "months-text",
                    (
                        "<p>The research points to a well-known problem: a high number of hired refugees "
                        "lose "
                        "their position within the first three months. Most support schemes help refugees to "
                        "find a job; few help the employer to keep them.</p>"
                        "<p>Mentoring is one answer that the examples share. A mentor brings the newcomer "
                        "into "
                        "contact with the right people and helps to make a realistic plan. The Belgian "
                        "programme "
                        "'Duo for a job' matches young job seekers with experienced mentors over 55, who "
                        "first "
                        "take a four-day training.</p>"
                    ),
                ),
                _reflection(
                    "months-reflection",
                    "Who in your team could be the first contact person for a new colleague, and why?",
                ),
            ],
        },
        "working-across-cultures": {
            "en": [
                _text(
                    "cultures-text",
                    (
                        "<p>Misunderstandings at work rarely come from language alone. Intercultural "
                        "training that "
                        "works brings together the three people involved: the migrant worker, the "
                        "co-workers and "
                        "the supervisor. Each sees the same situation differently, and role-plays from all "
                        "three "
                        "sides make that visible.</p>"
                        "<p>An Italian project trained facilitators of intercultural relations for "
                        "companies with "
                        "multi-ethnic staff: a person in the company who eases communication between "
                        "newcomers, "
                        "co-workers and the owner.</p>"
                    ),
                ),
                _callout(
                    "cultures-tip",
                    "tip",
                    "Start small",
                    (
                        "<p>A short team meeting where everyone explains one unwritten rule of the "
                        "workplace — "
                        "breaks, greetings, who to ask — helps newcomers and long-standing staff alike.</p>"
                    ),
                ),
            ],
        },
        "check-onboarding": {"en": [onboarding_quiz("en")], "ar": [onboarding_quiz("ar")]},
    }


LESSONS = [
    [
        {
            "slug": "status-and-right-to-work",
            "minutes": 8,
            "en": (
                "Residence status is not a right to work",
                "Why a residence permit alone does not answer the question.",
            ),
            "ar": ("الإقامة ليست إذناً بالعمل", "لماذا لا يجيب تصريح الإقامة وحده عن السؤال."),
            "de": (
                "Aufenthalt ist nicht gleich Arbeitserlaubnis",
                "Warum der Aufenthaltstitel allein nicht genügt.",
            ),
            "nl": ("Verblijf is geen recht op werk", "Waarom een verblijfsvergunning alleen niet genoeg is."),
        },
        {
            "slug": "permits-that-expire",
            "minutes": 8,
            "en": (
                "Permits that expire",
                "A simple renewal routine that protects your employee and your company.",
            ),
            "ar": ("تصاريح تنتهي صلاحيتها", "روتين تجديد بسيط يحمي موظفك وشركتك."),
            "de": ("Befristete Erlaubnisse", "Eine einfache Routine, die Mitarbeitende und Firma schützt."),
            "nl": (
                "Vergunningen die verlopen",
                "Een eenvoudige routine die medewerker en bedrijf beschermt.",
            ),
        },
        {
            "slug": "check-legal-basics",
            "minutes": 6,
            "en": ("Check: the legal basics", "A short quiz on status, permits and renewals."),
            "ar": ("اختبار: الأساسيات القانونية", "اختبار قصير عن الوضع القانوني والتصاريح وتجديدها."),
            "de": (
                "Test: die rechtlichen Grundlagen",
                "Ein kurzes Quiz zu Status, Erlaubnis und Verlängerung.",
            ),
            "nl": ("Toets: de juridische basis", "Een korte quiz over status, vergunningen en verlengingen."),
        },
    ],
    [
        {
            "slug": "recognition-of-qualifications",
            "minutes": 10,
            "en": ("Recognition of qualifications", "What recognition means and how HR can support it."),
            "ar": ("الاعتراف بالمؤهلات", "ما معنى الاعتراف وكيف يدعمه قسم الموارد البشرية."),
            "de": ("Anerkennung von Abschlüssen", "Was Anerkennung bedeutet und wie HR sie unterstützt."),
            "nl": ("Erkenning van diploma's", "Wat erkenning betekent en hoe HR kan helpen."),
        },
        {
            "slug": "skills-in-practice",
            "minutes": 8,
            "en": ("Seeing skills in practice", "An orientation week shows what no certificate can."),
            "ar": ("رؤية المهارات في الممارسة", "أسبوع تعريفي يُظهر ما لا تُظهره أي شهادة."),
            "de": (
                "Fähigkeiten in der Praxis sehen",
                "Eine Orientierungswoche zeigt, was kein Zeugnis zeigt.",
            ),
            "nl": ("Vaardigheden in de praktijk", "Een oriëntatieweek toont wat geen diploma laat zien."),
        },
    ],
    [
        {
            "slug": "first-three-months",
            "minutes": 8,
            "en": ("The first three months decide", "Why the start matters most, and what mentors do."),
            "ar": ("الأشهر الثلاثة الأولى حاسمة", "لماذا البداية هي الأهم، وما دور المرشدين."),
            "de": ("Die ersten drei Monate entscheiden", "Warum der Anfang zählt und was Mentoren tun."),
            "nl": ("De eerste drie maanden beslissen", "Waarom het begin telt en wat mentoren doen."),
        },
        {
            "slug": "working-across-cultures",
            "minutes": 8,
            "en": ("Working across cultures", "Three points of view on the same situation."),
            "ar": ("العمل بين الثقافات", "ثلاث وجهات نظر للموقف نفسه."),
            "de": ("Zusammenarbeit über Kulturen hinweg", "Drei Sichtweisen auf dieselbe Situation."),
            "nl": ("Samenwerken over culturen heen", "Drie blikken op dezelfde situatie."),
        },
        {
            "slug": "check-onboarding",
            "minutes": 6,
            "en": ("Check: onboarding and teamwork", "A short quiz on the first months in the team."),
            "ar": ("اختبار: الإدماج والعمل الجماعي", "اختبار قصير عن الأشهر الأولى في الفريق."),
            "de": ("Test: Einarbeitung und Teamarbeit", "Ein kurzes Quiz zu den ersten Monaten im Team."),
            "nl": ("Toets: inwerken en samenwerken", "Een korte quiz over de eerste maanden in het team."),
        },
    ],
]


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translate(source, locale, title, summary, body=None, extra=None):
    page = source.get_translation_or_none(locale)
    if page is not None:
        return page.specific, False
    page = source.copy_for_translation(locale).specific
    page.title = title
    if summary is not None:
        page.summary = summary
    if body is not None:
        page.body = json.dumps(body)
    for name, value in (extra or {}).items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page, True


@transaction.atomic
def load():
    created = []
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        return created
    catalogue = CourseCatalogPage.objects.child_of(home).filter(slug="courses").first()
    if catalogue is None:
        title, intro = CATALOGUE["en"]
        catalogue = _publish(
            home, CourseCatalogPage(title=title, slug="courses", intro=intro, show_in_menus=True)
        )
        created.append("course catalogue")
    course = CoursePage.objects.child_of(catalogue).filter(slug=COURSE["slug"]).first()
    bodies = _lesson_bodies()
    for slug, body in _arabic_bodies().items():
        bodies[slug].setdefault("ar", body)
    if course is None:
        title, summary = COURSE["en"]
        course = _publish(
            catalogue,
            CoursePage(
                title=title,
                slug=COURSE["slug"],
                summary=summary,
                audience=AUDIENCE,
                learning_objectives=json.dumps(
                    [
                        {"type": "objective", "id": f"objective-{n}", "value": text}
                        for n, text in enumerate(OBJECTIVES)
                    ]
                ),
                prerequisites="None. Bring the questions your company is facing.",
                topic="legal",
                countries="",
                estimated_duration_minutes=62,
                certificate_requires_pass_mark=70,
                certificate_validity_months=24,
            ),
        )
        for module_data, lessons in zip(MODULES, LESSONS, strict=True):
            title, summary = module_data["en"]
            module = _publish(course, ModulePage(title=title, slug=module_data["slug"], summary=summary))
            for lesson_data in lessons:
                title, summary = lesson_data["en"]
                _publish(
                    module,
                    LessonPage(
                        title=title,
                        slug=lesson_data["slug"],
                        summary=summary,
                        estimated_minutes=lesson_data["minutes"],
                        body=json.dumps(bodies[lesson_data["slug"]]["en"]),
                    ),
                )
        created.append("course 'Hiring refugees: the first steps' (3 modules, 8 lessons, 2 quizzes)")
    for code in LANGUAGES:
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or home.get_translation_or_none(locale) is None:
            continue
        title, intro = CATALOGUE[code]
        _page, made = _translate(catalogue, locale, title, None, extra={"intro": intro})
        title, summary = COURSE[code]
        audience, objectives, prerequisites = COURSE_DETAILS[code]
        _page, made_course = _translate(
            course,
            locale,
            title,
            summary,
            extra={
                "audience": audience,
                "learning_objectives": _objectives(objectives),
                "prerequisites": prerequisites,
            },
        )
        for module_data, lessons in zip(MODULES, LESSONS, strict=True):
            module = ModulePage.objects.child_of(course).get(slug=module_data["slug"])
            title, summary = module_data[code]
            _translate(module, locale, title, summary)
            for lesson_data in lessons:
                lesson = LessonPage.objects.child_of(module).get(slug=lesson_data["slug"])
                title, summary = lesson_data[code]
                body = bodies[lesson_data["slug"]].get(code)
                _translate(lesson, locale, title, summary, body=body)
        if made_course:
            created.append(f"course translation ({code})")
    return created


def _arabic_bodies():
    """Arabic lesson content, with the same block ids as the English lessons."""
    return {
        "permits-that-expire": [
            _text(
                "expire-text",
                "<p>يبدأ كثير من اللاجئين بتصريح مؤقت. عندما تنتهي صلاحيته لا يحق للموظف أن يعمل، وقد يُغرَّم "
                "صاحب العمل لأنه يشغّله. يروي تقرير COME IN قصة شركة أغذية بلغارية دفعت غرامة "
                "تقارب 8000 دولار "
                "لأن لاجئَين لم يُبلَّغا بانتهاء تصريحي عملهما المؤقتين ولم يتقدما بطلب جديد.</p>"
                "<p>لم يتصرف أحد في هذه القصة بسوء نية. ما كان ينقص هو روتين ثابت.</p>",
            ),
            _checklist(
                "expire-checklist",
                "روتين تجديد لقسم الموارد البشرية",
                [
                    "سجّل تاريخ انتهاء كل تصريح في ملف الموظف",
                    "ضع تذكيراً قبل كل تاريخ انتهاء بثمانية أسابيع على الأقل",
                    "أخبر الموظف شخصياً وبلغة بسيطة ماذا يجدّد وأين",
                    "احتفظ بنسخة من طلب التجديد حتى يصل التصريح الجديد",
                ],
            ),
            _callout(
                "expire-warning",
                "warning",
                "لا تعتمد على الرسائل",
                "<p>لا تُبلغ السلطات الناس دائماً في الوقت المناسب، وقد تصل الرسالة إلى عنوان قديم. تذكيرك "
                "أنت هو الأضمن.</p>",
            ),
        ],
        "recognition-of-qualifications": [
            _text(
                "recognition-text",
                "<p>وجدت الدراسة في كل البلدان الشريكة العوائق نفسها: اللغة، والاعتراف بالمهارات وتقييمها. "
                "الشهادة الأجنبية ليست بلا قيمة لأنها غير مألوفة، بل تحتاج إلى مقارنتها بشهادة وطنية. الجهة "
                "التي تقوم بذلك تختلف حسب البلد والمهنة: المهن المنظَّمة مثل التمريض تحتاج إلى اعتراف رسمي "
                "قبل العمل فيها، وغيرها لا يحتاج.</p>"
                "<p>يمكنك بصفتك صاحب عمل أن تساعد: اسأل عن الوثائق الموجودة، ودلّ على جهة الاستشارة الخاصة "
                "بالاعتراف، واسمح بوقت للمواعيد.</p>",
            ),
            _callout(
                "recognition-tip",
                "tip",
                "قد تكون الوثائق مفقودة",
                "<p>كثيراً ما لم يستطع الفارّون حمل شهاداتهم معهم. شهادات الخبرة ووصف المهام السابقة واختبار "
                "عملي تسدّ جزءاً من هذه الفجوة.</p>",
            ),
            _reflection(
                "recognition-reflection",
                "أي وظائف في شركتك تحتاج إلى اعتراف رسمي بالمؤهل، وأيها لا تحتاج؟",
                "فكّر في دورين أو ثلاثة أدوار توظّف لها كثيراً.",
            ),
        ],
        "skills-in-practice": [
            _text(
                "practice-text",
                "<p>بعض المهارات لا تظهر إلا في العمل. نظّمت مجموعة صناعية ألمانية أسبوعاً تعريفياً في إحدى "
                "شركاتها: اكتشف اللاجئون والشركة معاً مهارات كل شخص وإمكاناته ومعرفته باللغة، والمهارات التي "
                "تحتاجها الوظائف.</p>"
                "<p>ثم خاض ثمانية من المشاركين الأربعة عشر تدريباً تحضيرياً لمدة ثلاثة أشهر مع دروس لغة مرتبطة "
                "بالعمل، يرافقهم مرشدون داخل الشركة وأخصائي اجتماعي من خارجها. وبعد الأشهر الثلاثة استطاع "
                "الثمانية جميعاً بدء تدريب مهني.</p>",
            ),
            _checklist(
                "practice-checklist",
                "خطّط لأسبوعك التعريفي",
                [
                    "اختر مكانين أو ثلاثة أماكن عمل يجرّب فيها الناس مهام حقيقية",
                    "عيّن مرشداً لكل مشارك",
                    "دوّن المهارات والإمكانات واحتياجات اللغة في نهاية كل يوم",
                    "اتفق مع كل مشارك على الخطوة التالية في نهاية الأسبوع",
                ],
            ),
        ],
        "first-three-months": [
            _text(
                "months-text",
                "<p>تشير الدراسة إلى مشكلة معروفة: عدد كبير من اللاجئين الموظفين يفقدون وظائفهم في الأشهر "
                "الثلاثة الأولى. معظم برامج الدعم تساعد اللاجئين على إيجاد عمل، وقليل منها يساعد صاحب العمل "
                "على الاحتفاظ بهم.</p>"
                "<p>الإرشاد من الحلول المشتركة بين الأمثلة. يعرّف المرشد الموظف الجديد بالأشخاص المناسبين "
                "ويساعده على وضع خطة واقعية. يجمع البرنامج البلجيكي «ثنائي من أجل وظيفة» الباحثين الشباب عن "
                "عمل بمرشدين ذوي خبرة تجاوزوا الخامسة والخمسين، يتلقون أولاً تدريباً لمدة أربعة أيام.</p>",
            ),
            _reflection(
                "months-reflection", "من في فريقك يمكن أن يكون أول شخص يتواصل معه الزميل الجديد، ولماذا؟"
            ),
        ],
        "working-across-cultures": [
            _text(
                "cultures-text",
                "<p>نادراً ما يأتي سوء الفهم في العمل من اللغة وحدها. التدريب بين الثقافات الناجح يجمع "
                "الأطراف الثلاثة: العامل المهاجر والزملاء والمشرف. كل منهم يرى الموقف نفسه بشكل "
                "مختلف، وتمثيل "
                "الأدوار من الجوانب الثلاثة يجعل ذلك واضحاً.</p>"
                "<p>درّب مشروع إيطالي ميسّرين للعلاقات بين الثقافات في الشركات متعددة الجنسيات: شخص داخل "
                "الشركة يسهّل التواصل بين الموظفين الجدد والزملاء وصاحب الشركة.</p>",
            ),
            _callout(
                "cultures-tip",
                "tip",
                "ابدأ بخطوة صغيرة",
                "<p>اجتماع قصير للفريق يشرح فيه كل واحد قاعدة غير مكتوبة في مكان العمل — الاستراحات، "
                "التحية، مَن نسأل — يفيد الموظفين الجدد والقدامى معاً.</p>",
            ),
        ],
    }
