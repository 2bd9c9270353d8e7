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
    if language == "de":
        return _german_legal_quiz()
    if language == "nl":
        return _dutch_legal_quiz()
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
    if language == "de":
        return _german_onboarding_quiz()
    if language == "nl":
        return _dutch_onboarding_quiz()
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
        "check-legal-basics": {code: [legal_quiz(code)] for code in ("en", *LANGUAGES)},
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
        "check-onboarding": {code: [onboarding_quiz(code)] for code in ("en", *LANGUAGES)},
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
    for code, translated in (("ar", _arabic_bodies()), ("de", _german_bodies()), ("nl", _dutch_bodies())):
        for slug, body in translated.items():
            bodies[slug].setdefault(code, body)
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
                "<p>يبدأ كثير من اللاجئين بتصريح مؤقت. عندما تنتهي صلاحيته لا يحق للموظف أن يعمل، "
                "وقد يُغرَّم "
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
                "<p>ثم خاض ثمانية من المشاركين الأربعة عشر تدريباً تحضيرياً لمدة ثلاثة أشهر مع دروس "
                "لغة مرتبطة "
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


def _german_legal_quiz():
    questions = [
        _choice(
            "legal-q1",
            "single_choice",
            "Wer muss die Arbeitserlaubnis vor dem ersten Arbeitstag prüfen?",
            [
                (
                    "Die neue Mitarbeiterin oder der neue Mitarbeiter allein",
                    False,
                    "Für die eigenen Papiere sind die Beschäftigten zuständig, das Bußgeld trifft aber den "
                    "Arbeitgeber.",
                ),
                (
                    "Der Arbeitgeber, bevor der Vertrag unterschrieben wird",
                    True,
                    "Richtig: Die Prüfung gehört zur Einstellung wie der Arbeitsvertrag selbst.",
                ),
                (
                    "Niemand, die Aufenthaltserlaubnis genügt",
                    False,
                    "Eine Aufenthaltserlaubnis schließt die Erlaubnis zu arbeiten nicht immer ein.",
                ),
            ],
        ),
        _true_false(
            "legal-q2",
            "Eine befristete Arbeitserlaubnis gilt, solange die Person dieselbe Stelle behält.",
            "false",
            "Nein: Befristete Erlaubnisse laufen ab, auch wenn sich an der Arbeit nichts ändert.",
            "Richtig: Jede befristete Erlaubnis hat ein Enddatum, das jemand im Blick behalten muss.",
        ),
        _choice(
            "legal-q3",
            "multiple_choice",
            "Was hilft, damit keine Erlaubnis unbemerkt abläuft?",
            [
                ("Das Ablaufdatum in der Personalakte festhalten", True, ""),
                ("Eine Erinnerung einige Wochen vor dem Ablaufdatum", True, ""),
                (
                    "Auf einen Brief der Behörden warten",
                    False,
                    "Behörden melden sich nicht immer rechtzeitig – in einem Fall aus Bulgarien tat es "
                    "niemand.",
                ),
            ],
        ),
        _ordering(
            "legal-q4",
            "Bringen Sie die Schritte vor dem ersten Arbeitstag in die richtige Reihenfolge.",
            [
                "Aufenthaltsstatus und Arbeitserlaubnis prüfen",
                "Den Arbeitsvertrag unterschreiben",
                "Das Ablaufdatum der Erlaubnis notieren und eine Erinnerung zur Verlängerung setzen",
            ],
            "Gut gemacht: erst prüfen, dann unterschreiben, dann nachhalten.",
            "Prüfen Sie immer, bevor etwas unterschrieben wird.",
        ),
    ]
    return _quiz(
        "legal-quiz",
        "Testen Sie Ihr Wissen: die rechtlichen Grundlagen",
        "Vier Fragen. Zum Bestehen brauchen Sie 75 %, und Sie können es erneut versuchen.",
        questions,
        75,
        0,
    )


def _dutch_legal_quiz():
    questions = [
        _choice(
            "legal-q1",
            "single_choice",
            "Wie moet de werkvergunning controleren vóór de eerste werkdag?",
            [
                (
                    "De nieuwe medewerker alleen",
                    False,
                    "Medewerkers zijn verantwoordelijk voor hun eigen papieren, maar de werkgever krijgt de "
                    "boete.",
                ),
                (
                    "De werkgever, voordat het contract wordt getekend",
                    True,
                    "Juist: de controle hoort bij het aannemen, net als het contract zelf.",
                ),
                (
                    "Niemand, een verblijfsvergunning is genoeg",
                    False,
                    "Een verblijfsvergunning geeft niet altijd ook toestemming om te werken.",
                ),
            ],
        ),
        _true_false(
            "legal-q2",
            "Een tijdelijke werkvergunning blijft geldig zolang iemand dezelfde baan houdt.",
            "false",
            "Nee: tijdelijke vergunningen verlopen, ook als er op het werk niets verandert.",
            "Juist: elke tijdelijke vergunning heeft een einddatum die iemand in de gaten moet houden.",
        ),
        _choice(
            "legal-q3",
            "multiple_choice",
            "Wat helpt om te voorkomen dat een vergunning ongemerkt verloopt?",
            [
                ("De vervaldatum in het personeelsdossier vastleggen", True, ""),
                ("Een herinnering een aantal weken vóór de vervaldatum", True, ""),
                (
                    "Wachten op een brief van de overheid",
                    False,
                    "De overheid laat het mensen niet altijd op tijd weten – in een Bulgaars voorbeeld deed "
                    "niemand dat.",
                ),
            ],
        ),
        _ordering(
            "legal-q4",
            "Zet de stappen vóór de eerste werkdag in de juiste volgorde.",
            [
                "De verblijfsstatus en de toestemming om te werken controleren",
                "De arbeidsovereenkomst tekenen",
                "De vervaldatum van de vergunning noteren en een herinnering voor de verlenging instellen",
            ],
            "Goed gedaan: eerst controleren, dan tekenen, dan opvolgen.",
            "Controleer altijd voordat er iets wordt getekend.",
        ),
    ]
    return _quiz(
        "legal-quiz",
        "Test uw kennis: de juridische basis",
        "Vier vragen. U hebt 75% nodig om te slagen, en u mag het opnieuw proberen.",
        questions,
        75,
        0,
    )


def _german_onboarding_quiz():
    questions = [
        _choice(
            "team-q1",
            "single_choice",
            "Wann verlieren laut der COME-IN-Studie viele eingestellte Geflüchtete ihre Stelle?",
            [
                ("In den ersten drei Monaten", True, "Deshalb verdienen diese Monate einen Plan."),
                ("Nach drei Jahren", False, "Die Studie zeigt den Anfang als die riskanteste Zeit."),
            ],
        ),
        _true_false(
            "team-q2",
            "Eine gute Mentorin oder ein guter Mentor kennt den Betrieb und die richtigen Leute darin.",
            "true",
            "Richtig: Wer mentoriert, öffnet Türen und hilft, einen realistischen Plan zu machen.",
            "Doch – genau das macht Mentoring wirksam.",
        ),
        _choice(
            "team-q3",
            "multiple_choice",
            "Wer sollte an einem Training zur interkulturellen Kommunikation teilnehmen?",
            [
                ("Die neue Kollegin oder der neue Kollege", True, ""),
                ("Die Kolleginnen und Kollegen im Team", True, ""),
                ("Die Vorgesetzte oder der Vorgesetzte", True, ""),
                (
                    "Niemand, eine gemeinsame Sprache reicht",
                    False,
                    "Missverständnisse entstehen nicht nur durch die Sprache.",
                ),
            ],
        ),
    ]
    return _quiz(
        "team-quiz",
        "Testen Sie Ihr Wissen: Einarbeitung und Teamarbeit",
        "Drei Fragen. Zum Bestehen brauchen Sie 70 %, und Sie haben fünf Versuche.",
        questions,
        70,
        5,
    )


def _dutch_onboarding_quiz():
    questions = [
        _choice(
            "team-q1",
            "single_choice",
            "Wanneer verliezen volgens het COME IN-onderzoek veel aangenomen vluchtelingen hun baan?",
            [
                ("In de eerste drie maanden", True, "Daarom verdienen die maanden een plan."),
                ("Na drie jaar", False, "Het onderzoek wijst het begin aan als de meest risicovolle tijd."),
            ],
        ),
        _true_false(
            "team-q2",
            "Een goede mentor kent de werkplek en de juiste mensen daar.",
            "true",
            "Juist: een mentor opent deuren en helpt een realistisch plan te maken.",
            "Toch wel – juist dat maakt mentoring zinvol.",
        ),
        _choice(
            "team-q3",
            "multiple_choice",
            "Wie zou moeten deelnemen aan een training in interculturele communicatie?",
            [
                ("De nieuwe collega", True, ""),
                ("De collega's in het team", True, ""),
                ("De leidinggevende", True, ""),
                (
                    "Niemand, een gedeelde taal is genoeg",
                    False,
                    "Misverstanden komen niet alleen door taal.",
                ),
            ],
        ),
    ]
    return _quiz(
        "team-quiz",
        "Test uw kennis: inwerken en samenwerken",
        "Drie vragen. U hebt 70% nodig om te slagen, en u hebt vijf pogingen.",
        questions,
        70,
        5,
    )


def _german_bodies():
    """German lesson content, with the same block ids as the English lessons."""
    return {
        "status-and-right-to-work": [
            _text(
                "status-text",
                "<p>Die Aufenthaltserlaubnis eines Geflüchteten sagt Ihnen, dass die Person im Land bleiben "
                "darf. Sie sagt nicht immer, ob sie arbeiten darf, in welchen Berufen und ab wann. "
                "Asylsuchende, deren Verfahren noch läuft, haben oft nur eingeschränkten Zugang zum "
                "Arbeitsmarkt; anerkannte Flüchtlinge haben in der Regel vollen Zugang.</p>"
                "<p>In allen Partnerländern von COME IN nannten Arbeitgeber dieselbe Hürde: Sie kannten die "
                "rechtlichen und behördlichen Abläufe bei der Einstellung Geflüchteter nicht und zögerten "
                "deshalb. Gerade in Deutschland waren Aufenthaltsstatus und Arbeitserlaubnis für viele "
                "Unternehmen noch ein wenig bekanntes Thema.</p>",
            ),
            _callout(
                "status-legal",
                "legal",
                "Erst prüfen, dann unterschreiben",
                "<p>Lassen Sie sich vor der Vertragsunterschrift das Aufenthaltsdokument und eine eventuell "
                "gesonderte Arbeitserlaubnis zeigen. Notieren Sie Art, Nummer und Ablaufdatum des Dokuments. "
                "Im Zweifel beantworten die Arbeitsagentur oder die Ausländerbehörde die Fragen von "
                "Arbeitgebern.</p>",
            ),
        ],
        "permits-that-expire": [
            _text(
                "expire-text",
                "<p>Viele Geflüchtete beginnen mit einer befristeten Erlaubnis. Läuft sie ab, darf die "
                "Person nicht mehr arbeiten – und dem Arbeitgeber droht ein Bußgeld, weil er sie "
                "beschäftigt. Der COME-IN-Bericht erzählt von einem bulgarischen Lebensmittelbetrieb, der "
                "fast 8.000 Dollar Strafe zahlte: Zwei Geflüchtete hatten nicht erfahren, dass ihre "
                "befristeten Arbeitserlaubnisse abgelaufen waren, und keinen neuen Antrag gestellt.</p>"
                "<p>Niemand hat in dieser Geschichte böswillig gehandelt. Es fehlte eine feste Routine.</p>",
            ),
            _checklist(
                "expire-checklist",
                "Eine Verlängerungsroutine für die Personalabteilung",
                [
                    "Das Ablaufdatum jeder Erlaubnis in der Personalakte festhalten",
                    "Mindestens acht Wochen vor jedem Ablaufdatum eine Erinnerung setzen",
                    "Der Mitarbeiterin oder dem Mitarbeiter persönlich und in einfacher Sprache sagen, was "
                    "wo zu verlängern ist",
                    "Eine Kopie des Verlängerungsantrags aufbewahren, bis die neue Erlaubnis da ist",
                ],
            ),
            _callout(
                "expire-warning",
                "warning",
                "Verlassen Sie sich nicht auf Briefe",
                "<p>Behörden informieren nicht immer rechtzeitig, und ein Brief kann an eine alte Adresse "
                "gehen. Ihre eigene Erinnerung ist die sicherere.</p>",
            ),
        ],
        "recognition-of-qualifications": [
            _text(
                "recognition-text",
                "<p>In allen Partnerländern stieß die Studie auf dieselben Hindernisse: die Sprache "
                "sowie die Anerkennung und Bewertung von Kompetenzen. Ein ausländischer Abschluss ist "
                "nicht wertlos, nur weil er unbekannt ist; er muss mit einem inländischen verglichen "
                "werden. Welche Stelle "
                "das übernimmt, hängt vom Land und vom Beruf ab: Reglementierte Berufe wie die Pflege "
                "verlangen eine förmliche Anerkennung, bevor man darin arbeiten darf, andere Tätigkeiten "
                "nicht.</p>"
                "<p>Als Arbeitgeber können Sie helfen: Fragen Sie, welche Unterlagen vorhanden sind, nennen "
                "Sie die Beratungsstelle für Anerkennung und geben Sie Zeit für Termine frei.</p>",
            ),
            _callout(
                "recognition-tip",
                "tip",
                "Unterlagen können fehlen",
                "<p>Wer geflohen ist, konnte seine Zeugnisse oft nicht mitnehmen. Arbeitszeugnisse, "
                "Beschreibungen früherer Aufgaben und eine praktische Probe schließen einen Teil der "
                "Lücke.</p>",
            ),
            _reflection(
                "recognition-reflection",
                "Für welche Stellen in Ihrem Betrieb ist eine förmliche Anerkennung des Abschlusses nötig, "
                "für welche nicht?",
                "Denken Sie an zwei oder drei Rollen, die Sie häufig besetzen.",
            ),
        ],
        "skills-in-practice": [
            _text(
                "practice-text",
                "<p>Manche Fähigkeiten zeigen sich erst bei der Arbeit. Ein deutscher Industriekonzern "
                "veranstaltete in einem seiner Betriebe eine Orientierungswoche: Die Geflüchteten und das "
                "Unternehmen fanden gemeinsam heraus, welche Fähigkeiten, Potenziale und Sprachkenntnisse "
                "jede Person mitbrachte und welche Fähigkeiten die Stellen verlangten.</p>"
                "<p>Acht der vierzehn Teilnehmenden absolvierten danach ein dreimonatiges "
                "Vorbereitungspraktikum mit berufsbezogenem Sprachunterricht, begleitet von Mentoren im "
                "Betrieb und einer Sozialarbeiterin von außen. Nach den drei Monaten konnten alle acht eine "
                "Ausbildung beginnen.</p>",
            ),
            _checklist(
                "practice-checklist",
                "Planen Sie Ihre eigene Orientierungswoche",
                [
                    "Zwei oder drei Arbeitsplätze wählen, an denen echte Aufgaben ausprobiert werden können",
                    "Für jede teilnehmende Person eine Mentorin oder einen Mentor benennen",
                    "Am Ende jedes Tages Fähigkeiten, Potenziale und Sprachbedarf notieren",
                    "Am Ende der Woche mit jeder Person den nächsten Schritt vereinbaren",
                ],
            ),
        ],
        "first-three-months": [
            _text(
                "months-text",
                "<p>Die Studie verweist auf ein bekanntes Problem: Viele eingestellte Geflüchtete verlieren "
                "ihre Stelle in den ersten drei Monaten. Die meisten Förderprogramme helfen Geflüchteten, "
                "eine Arbeit zu finden; nur wenige helfen dem Arbeitgeber, sie zu halten.</p>"
                "<p>Mentoring ist eine Antwort, die die Beispiele gemeinsam haben. Eine Mentorin oder ein "
                "Mentor bringt die neue Person mit den richtigen Leuten zusammen und hilft, einen "
                "realistischen Plan zu machen. Das belgische Programm „Duo for a job“ bringt junge "
                "Arbeitsuchende mit erfahrenen Mentorinnen und Mentoren über 55 zusammen, die zuerst eine "
                "viertägige Schulung besuchen.</p>",
            ),
            _reflection(
                "months-reflection",
                "Wer in Ihrem Team könnte die erste Ansprechperson für eine neue Kollegin oder einen neuen "
                "Kollegen sein, und warum?",
            ),
        ],
        "working-across-cultures": [
            _text(
                "cultures-text",
                "<p>Missverständnisse bei der Arbeit entstehen selten nur durch die Sprache. Ein "
                "interkulturelles Training, das wirkt, bringt alle drei Beteiligten zusammen: die "
                "zugewanderte Arbeitskraft, die Kolleginnen und Kollegen und die Vorgesetzten. Jede Seite "
                "sieht dieselbe Situation anders, und Rollenspiele aus allen drei Blickwinkeln machen das "
                "sichtbar.</p>"
                "<p>Ein italienisches Projekt bildete Fachleute für interkulturelle Beziehungen in Betrieben "
                "mit multiethnischer Belegschaft aus: eine Person im Unternehmen, die die Verständigung "
                "zwischen Neuen, Kollegium und Inhaber erleichtert.</p>",
            ),
            _callout(
                "cultures-tip",
                "tip",
                "Fangen Sie klein an",
                "<p>Eine kurze Teambesprechung, in der jede und jeder eine ungeschriebene Regel des "
                "Arbeitsplatzes erklärt – Pausen, Begrüßung, wen man fragt –, hilft Neuen und "
                "Alteingesessenen gleichermaßen.</p>",
            ),
        ],
    }


def _dutch_bodies():
    """Dutch lesson content, with the same block ids as the English lessons."""
    return {
        "status-and-right-to-work": [
            _text(
                "status-text",
                "<p>De verblijfsvergunning van een vluchteling vertelt u dat iemand in het land mag blijven. "
                "Ze vertelt niet altijd of die persoon mag werken, in welke banen en vanaf wanneer. "
                "Asielzoekers van wie de procedure nog loopt, hebben vaak beperkt toegang tot de "
                "arbeidsmarkt; erkende vluchtelingen hebben meestal volledige toegang.</p>"
                "<p>In alle partnerlanden van COME IN noemden werkgevers dezelfde drempel: ze kenden de "
                "juridische en administratieve procedures voor het aannemen van vluchtelingen niet, en "
                "daarom aarzelden ze. Vooral in Duitsland waren verblijfsstatus en werkvergunning voor "
                "bedrijven nog een weinig bekend onderwerp.</p>",
            ),
            _callout(
                "status-legal",
                "legal",
                "Eerst controleren, dan tekenen",
                "<p>Vraag naar het verblijfsdocument en een eventuele aparte werkvergunning voordat het "
                "contract wordt getekend. Noteer het soort document, het nummer en de vervaldatum. Bij "
                "twijfel beantwoorden de openbare arbeidsbemiddeling of de immigratiedienst de vragen van "
                "werkgevers.</p>",
            ),
        ],
        "permits-that-expire": [
            _text(
                "expire-text",
                "<p>Veel vluchtelingen beginnen met een tijdelijke vergunning. Loopt die af, dan mag de "
                "medewerker niet meer werken – en kan de werkgever een boete krijgen omdat hij hem in dienst "
                "heeft. Het COME IN-rapport vertelt over een Bulgaars voedingsbedrijf dat bijna 8.000 dollar "
                "boete betaalde: twee vluchtelingen wisten niet dat hun tijdelijke werkvergunningen waren "
                "verlopen en hadden geen nieuwe aanvraag ingediend.</p>"
                "<p>Niemand in dat verhaal handelde te kwader trouw. Wat ontbrak, was een vaste "
                "routine.</p>",
            ),
            _checklist(
                "expire-checklist",
                "Een verlengingsroutine voor HR",
                [
                    "De vervaldatum van elke vergunning in het personeelsdossier vastleggen",
                    "Minstens acht weken vóór elke vervaldatum een herinnering instellen",
                    "De medewerker persoonlijk en in eenvoudige taal vertellen wat waar verlengd moet worden",
                    "Een kopie van de verlengingsaanvraag bewaren tot de nieuwe vergunning er is",
                ],
            ),
            _callout(
                "expire-warning",
                "warning",
                "Vertrouw niet op brieven",
                "<p>De overheid laat mensen niet altijd op tijd iets weten, en een brief kan naar een oud "
                "adres gaan. Uw eigen herinnering is de veiligere.</p>",
            ),
        ],
        "recognition-of-qualifications": [
            _text(
                "recognition-text",
                "<p>In alle partnerlanden vond het onderzoek dezelfde obstakels: de taal, en de erkenning en "
                "beoordeling van vaardigheden. Een buitenlands diploma is niet waardeloos omdat het "
                "onbekend is; het moet vergeleken worden met een nationaal diploma. Welke instantie dat "
                "doet, hangt af van het land en het beroep: voor gereglementeerde beroepen zoals "
                "verpleegkunde is formele erkenning nodig voordat iemand erin mag werken, voor "
                "andere banen niet.</p>"
                "<p>Als werkgever kunt u helpen: vraag welke documenten er zijn, verwijs naar het "
                "adviespunt voor erkenning en geef tijd vrij voor afspraken.</p>",
            ),
            _callout(
                "recognition-tip",
                "tip",
                "Documenten kunnen ontbreken",
                "<p>Wie gevlucht is, kon zijn diploma's vaak niet meenemen. Werkgeversverklaringen, "
                "beschrijvingen van eerdere taken en een praktijktest vullen een deel van dat gat.</p>",
            ),
            _reflection(
                "recognition-reflection",
                "Voor welke functies in uw bedrijf is formele erkenning van een diploma nodig, en voor "
                "welke niet?",
                "Denk aan twee of drie functies waarvoor u vaak mensen aanneemt.",
            ),
        ],
        "skills-in-practice": [
            _text(
                "practice-text",
                "<p>Sommige vaardigheden blijken pas op het werk. Een Duits industrieconcern organiseerde in "
                "een van zijn bedrijven een oriëntatieweek: de vluchtelingen en het bedrijf ontdekten samen "
                "welke vaardigheden, mogelijkheden en taalkennis ieder had, en welke vaardigheden de banen "
                "vroegen.</p>"
                "<p>Acht van de veertien deelnemers liepen daarna drie maanden een voorbereidende stage met "
                "taallessen gericht op het werk, begeleid door mentoren in het bedrijf en een "
                "maatschappelijk werker van buiten. Na die drie maanden konden alle acht aan een "
                "beroepsopleiding beginnen.</p>",
            ),
            _checklist(
                "practice-checklist",
                "Plan uw eigen oriëntatieweek",
                [
                    "Kies twee of drie werkplekken waar mensen echte taken kunnen uitproberen",
                    "Wijs voor elke deelnemer een mentor aan",
                    "Noteer aan het eind van elke dag vaardigheden, mogelijkheden en taalbehoeften",
                    "Spreek aan het eind van de week met elke deelnemer de volgende stap af",
                ],
            ),
        ],
        "first-three-months": [
            _text(
                "months-text",
                "<p>Het onderzoek wijst op een bekend probleem: veel aangenomen vluchtelingen verliezen hun "
                "baan in de eerste drie maanden. De meeste steunprogramma's helpen vluchtelingen een baan "
                "te vinden; weinig programma's helpen de werkgever om hen te houden.</p>"
                "<p>Mentoring is een antwoord dat de voorbeelden gemeen hebben. Een mentor brengt de "
                "nieuwkomer in contact met de juiste mensen en helpt een realistisch plan te maken. Het "
                "Belgische programma 'Duo for a job' koppelt jonge werkzoekenden aan ervaren mentoren van "
                "boven de 55, die eerst een training van vier dagen volgen.</p>",
            ),
            _reflection(
                "months-reflection",
                "Wie in uw team zou het eerste aanspreekpunt voor een nieuwe collega kunnen zijn, en waarom?",
            ),
        ],
        "working-across-cultures": [
            _text(
                "cultures-text",
                "<p>Misverstanden op het werk komen zelden alleen door taal. Een interculturele training die "
                "werkt, brengt de drie betrokkenen samen: de migrant, de collega's en de leidinggevende. "
                "Ieder ziet dezelfde situatie anders, en rollenspellen vanuit alle drie de kanten maken dat "
                "zichtbaar.</p>"
                "<p>Een Italiaans project leidde begeleiders in interculturele relaties op voor bedrijven "
                "met een multi-etnisch personeelsbestand: iemand in het bedrijf die de communicatie tussen "
                "nieuwkomers, collega's en de eigenaar vergemakkelijkt.</p>",
            ),
            _callout(
                "cultures-tip",
                "tip",
                "Begin klein",
                "<p>Een kort teamoverleg waarin iedereen één ongeschreven regel van de werkplek uitlegt – "
                "pauzes, begroeten, wie je iets vraagt – helpt nieuwkomers en vaste medewerkers even "
                "goed.</p>",
            ),
        ],
    }
