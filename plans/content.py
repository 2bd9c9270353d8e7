# ruff: noqa: E501 -- prose content: sentences are kept whole so editors and translators can read them.
"""The platform's own template content: the default four-phase plan, the sector steps and the country
legal checklists, in English and German (with the new hire's tasks also in Dutch and Arabic).

The four phases follow the employers' guide by FACE (France, case 35 of the COME IN report); the sector
steps follow the fast-track paths of the All-in-one 4HER model. Editors change all of it in the Wagtail
admin; `plans.demo.load()` writes it once and never overwrites an editor's change."""

import datetime

LAST_REVIEWED = datetime.date(2026, 11, 20)


def task(role, offset, themes, en, de, nl=None, ar=None):
    text = {"en": en, "de": de}
    if nl:
        text["nl"] = nl
    if ar:
        text["ar"] = ar
    return {"role": role, "offset_days": offset, "themes": themes, "text": text}


def step(en, de, tasks, nl=None, ar=None):
    return {"title": {"en": en, "de": de, "nl": nl or en, "ar": ar or en}, "tasks": tasks}


def phase(en, de, nl, ar, steps):
    return {"title": {"en": en, "de": de, "nl": nl, "ar": ar}, "steps": steps}


DEFAULT_TEMPLATE = {
    "slug": "default",
    "kind": "base",
    "sector": "",
    "title": {
        "en": "Integration plan in four phases",
        "de": "Integrationsplan in vier Phasen",
        "nl": "Integratieplan in vier fasen",
        "ar": "خطة الاندماج في أربع مراحل",
    },
    "summary": {
        "en": "From the job offer to keeping the person beyond the first three months, after the "
        "employers' guide of the FACE foundation.",
        "de": "Von der Stellenanzeige bis zur Bindung über die ersten drei Monate hinaus, nach dem "
        "Arbeitgeberleitfaden der Stiftung FACE.",
    },
    "phases": [
        phase(
            "Preparing the recruitment",
            "Die Einstellung vorbereiten",
            "De aanwerving voorbereiden",
            "التحضير للتوظيف",
            [
                step(
                    "The job offer",
                    "Die Stellenanzeige",
                    [
                        task(
                            "manager",
                            -60,
                            ["recruitment"],
                            (
                                "Describe the tasks and the skills the job really needs",
                                "Separate what is essential from what can be learnt on the job; a shorter list opens the "
                                "job to people whose diplomas are not yet recognised.",
                            ),
                            (
                                "Aufgaben und wirklich nötige Kompetenzen beschreiben",
                                "Trennen Sie Unverzichtbares von dem, was im Betrieb gelernt werden kann; eine kürzere "
                                "Liste öffnet die Stelle für Menschen, deren Abschlüsse noch nicht anerkannt sind.",
                            ),
                        ),
                        task(
                            "hr",
                            -55,
                            ["recruitment", "language"],
                            (
                                "Write the job offer in plain language",
                                "Short sentences, the language level actually needed, and a contact person who answers "
                                "questions.",
                            ),
                            (
                                "Die Stellenanzeige in einfacher Sprache schreiben",
                                "Kurze Sätze, das tatsächlich nötige Sprachniveau und eine Ansprechperson, die Fragen "
                                "beantwortet.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Where to recruit",
                    "Wo rekrutieren",
                    [
                        task(
                            "hr",
                            -50,
                            ["recruitment", "networking"],
                            (
                                "Publish the offer with the employment agency and integration organisations",
                                "Public employment services, refugee and migrant organisations and job platforms reach "
                                "candidates that ordinary channels miss.",
                            ),
                            (
                                "Die Stelle bei der Arbeitsagentur und bei Integrationsorganisationen melden",
                                "Arbeitsagentur, Migrations- und Geflüchtetenorganisationen und Jobplattformen erreichen "
                                "Bewerbende, die klassische Kanäle nicht erreichen.",
                            ),
                        ),
                        task(
                            "adviser",
                            -45,
                            ["guidance-and-counselling", "networking"],
                            (
                                "Agree with an adviser on pre-selection and support",
                                "An adviser from the employment or integration agency can propose candidates and stay the "
                                "contact for questions about permits and subsidies.",
                            ),
                            (
                                "Vorauswahl und Begleitung mit einer Beraterin oder einem Berater vereinbaren",
                                "Eine Beratung der Arbeitsagentur oder einer Integrationsstelle kann Bewerbende vorschlagen "
                                "und bleibt Ansprechpartner für Aufenthalt und Förderungen.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Estimate the cost",
                    "Die Kosten schätzen",
                    [
                        task(
                            "hr",
                            -45,
                            ["recruitment"],
                            (
                                "Estimate the cost of recruitment and integration",
                                "Count working time for tutoring, language training and administration, and set it "
                                "against subsidies you can apply for.",
                            ),
                            (
                                "Kosten der Einstellung und Einarbeitung schätzen",
                                "Rechnen Sie Zeit für Patenschaft, Sprachkurs und Verwaltung ein und stellen Sie ihr die "
                                "möglichen Förderungen gegenüber.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
        phase(
            "Recruitment",
            "Einstellung",
            "Aanwerving",
            "التوظيف",
            [
                step(
                    "The interview",
                    "Das Vorstellungsgespräch",
                    [
                        task(
                            "manager",
                            -30,
                            ["recruitment", "intercultural-competence"],
                            (
                                "Hold an interview that tests skills rather than fluency",
                                "Ask for examples from earlier work, allow a practical test, and check that a question "
                                "was understood before judging the answer.",
                            ),
                            (
                                "Ein Gespräch führen, das Können statt Sprachgewandtheit prüft",
                                "Fragen Sie nach Beispielen aus früherer Arbeit, erlauben Sie eine Arbeitsprobe und "
                                "prüfen Sie, ob eine Frage verstanden wurde.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Checks before the contract",
                    "Prüfungen vor dem Vertrag",
                    [
                        task(
                            "hr",
                            -25,
                            ["legal-and-permits"],
                            (
                                "Check the residence document and the right to work",
                                "Keep a copy of the permit and note its expiry date in this plan: the reminders depend "
                                "on it.",
                            ),
                            (
                                "Aufenthaltsdokument und Arbeitserlaubnis prüfen",
                                "Bewahren Sie eine Kopie auf und tragen Sie das Ablaufdatum in diesen Plan ein: die "
                                "Erinnerungen hängen davon ab.",
                            ),
                        ),
                        task(
                            "hr",
                            -21,
                            ["legal-and-permits", "training-and-vocational-education"],
                            (
                                "Start the recognition of qualifications if the job needs it",
                                "Regulated professions need recognition before the work starts; for others a statement of "
                                "comparability still helps pay and progression.",
                            ),
                            (
                                "Anerkennung der Qualifikationen einleiten, wenn die Stelle sie verlangt",
                                "Reglementierte Berufe brauchen die Anerkennung vor Arbeitsbeginn; sonst hilft eine "
                                "Zeugnisbewertung bei Einstufung und Entwicklung.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Training before arrival",
                    "Schulung vor dem Start",
                    [
                        task(
                            "trainer",
                            -14,
                            ["training-and-vocational-education", "language"],
                            (
                                "Offer a preparation or language course before the first day",
                                "National programmes and the employment agency often fund a short course on the job's "
                                "vocabulary and safety rules.",
                            ),
                            (
                                "Einen Vorbereitungs- oder Sprachkurs vor dem ersten Tag anbieten",
                                "Staatliche Programme und die Arbeitsagentur fördern oft einen kurzen Kurs zum "
                                "Fachwortschatz und zu den Sicherheitsregeln.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
        phase(
            "Welcome and integration",
            "Willkommen und Integration",
            "Onthaal en integratie",
            "الترحيب والاندماج",
            [
                step(
                    "Prepare the arrival",
                    "Die Ankunft vorbereiten",
                    [
                        task(
                            "hr",
                            -7,
                            ["onboarding"],
                            (
                                "Prepare the workplace, accounts, clothing and keys",
                                "Everything the person needs on day one is ready and tested before they arrive.",
                            ),
                            (
                                "Arbeitsplatz, Zugänge, Arbeitskleidung und Schlüssel vorbereiten",
                                "Alles, was die Person am ersten Tag braucht, ist vorher bereit und geprüft.",
                            ),
                        ),
                        task(
                            "manager",
                            -5,
                            ["onboarding", "diversity-management"],
                            (
                                "Tell the team who is coming and why it matters",
                                "A short message from the manager to colleagues and management prepares a good welcome.",
                            ),
                            (
                                "Das Team über die neue Kollegin oder den neuen Kollegen informieren",
                                "Eine kurze Nachricht der Führungskraft an Team und Leitung bereitet ein gutes "
                                "Willkommen vor.",
                            ),
                        ),
                        task(
                            "hr",
                            -3,
                            ["onboarding", "guides-and-handbooks", "language"],
                            (
                                "Hand over a welcome booklet",
                                "Working hours, pay day, who to call when sick, safety rules and a map, in simple language "
                                "and if possible in the person's own language.",
                            ),
                            (
                                "Eine Willkommensmappe übergeben",
                                "Arbeitszeiten, Zahltag, wen man bei Krankheit anruft, Sicherheitsregeln und ein Plan, in "
                                "einfacher Sprache und wenn möglich in der Muttersprache.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Time to welcome and the first week",
                    "Zeit für das Willkommen und die erste Woche",
                    [
                        task(
                            "manager",
                            0,
                            ["onboarding"],
                            (
                                "Welcome the new colleague in person on the first morning",
                                "Plan enough time: a tour, lunch with the team and the first tasks side by side.",
                            ),
                            (
                                "Die neue Kollegin oder den neuen Kollegen am ersten Morgen persönlich begrüßen",
                                "Planen Sie genug Zeit ein: ein Rundgang, Mittagessen mit dem Team, erste Aufgaben "
                                "gemeinsam.",
                            ),
                        ),
                        task(
                            "hire",
                            0,
                            ["onboarding"],
                            (
                                "Come to your first day and meet your team",
                                "Bring your identity document and bank details. Ask every question you have.",
                            ),
                            (
                                "Zum ersten Arbeitstag kommen und das Team kennenlernen",
                                "Bringen Sie Ausweis und Bankverbindung mit. Stellen Sie alle Fragen, die Sie haben.",
                            ),
                            nl=(
                                "Kom naar je eerste werkdag en leer je team kennen",
                                "Breng je identiteitsbewijs en bankgegevens mee. Stel al je vragen.",
                            ),
                            ar=(
                                "احضر يوم عملك الأول وتعرّف على فريقك",
                                "أحضر وثيقة الهوية وبياناتك المصرفية. واسأل عن كل ما تريد معرفته.",
                            ),
                        ),
                        task(
                            "manager",
                            4,
                            ["onboarding"],
                            (
                                "Plan the first week day by day",
                                "Alternate learning, doing and short reviews; end the week with a talk about how it went.",
                            ),
                            (
                                "Die erste Woche Tag für Tag planen",
                                "Wechseln Sie Lernen, Tun und kurze Rückblicke ab; schließen Sie die Woche mit einem "
                                "Gespräch ab.",
                            ),
                        ),
                    ],
                ),
                step(
                    "A tutor and the manager",
                    "Eine Patin oder ein Pate und die Führungskraft",
                    [
                        task(
                            "hr",
                            -10,
                            ["mentoring"],
                            (
                                "Choose a tutor and give them time for it",
                                "The tutor helps the newcomer learn the job, explains the company's values and calls for "
                                "help when needed; agree how many hours a week this takes.",
                            ),
                            (
                                "Eine Patin oder einen Paten auswählen und Zeit dafür geben",
                                "Die Patenperson hilft beim Lernen, erklärt die Werte des Betriebs und holt Hilfe, wenn "
                                "nötig; vereinbaren Sie die Stunden pro Woche.",
                            ),
                        ),
                        task(
                            "tutor",
                            2,
                            ["mentoring", "intercultural-competence"],
                            (
                                "First meeting of tutor and new colleague",
                                "Agree how and when you meet, and what the first goals are.",
                            ),
                            (
                                "Erstes Treffen von Patenperson und neuer Kollegin oder neuem Kollegen",
                                "Vereinbaren Sie, wie und wann Sie sich treffen und was die ersten Ziele sind.",
                            ),
                        ),
                        task(
                            "hire",
                            2,
                            ["mentoring"],
                            (
                                "Meet your tutor",
                                "Your tutor helps you learn the job. Agree together when you meet.",
                            ),
                            (
                                "Ihre Patin oder Ihren Paten treffen",
                                "Ihre Patenperson hilft Ihnen beim Einarbeiten. Vereinbaren Sie gemeinsam Treffen.",
                            ),
                            nl=(
                                "Ontmoet je peter of meter",
                                "Je peter of meter helpt je de job te leren. "
                                "Spreek samen af wanneer jullie elkaar zien.",
                            ),
                            ar=(
                                "تعرّف على مرشدك في العمل",
                                "مرشدك يساعدك على تعلّم العمل. اتفقا معًا على مواعيد اللقاء.",
                            ),
                        ),
                        task(
                            "manager",
                            14,
                            ["onboarding"],
                            (
                                "Set and explain the first targets",
                                "The manager sets realistic targets, adapts them and keeps in touch with the tutor and "
                                "the trainer.",
                            ),
                            (
                                "Erste Ziele setzen und erklären",
                                "Die Führungskraft setzt realistische Ziele, passt sie an und bleibt mit Patenperson und "
                                "Trainer im Austausch.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Language support and regular check-ins",
                    "Sprachförderung und regelmäßige Gespräche",
                    [
                        task(
                            "trainer",
                            10,
                            ["language", "training-and-vocational-education"],
                            (
                                "Start language support at work",
                                "A course during working hours or a language buddy on the job; use the words of the "
                                "workplace.",
                            ),
                            (
                                "Sprachförderung am Arbeitsplatz beginnen",
                                "Ein Kurs in der Arbeitszeit oder eine Sprachpatenschaft im Betrieb; mit dem Wortschatz "
                                "des Arbeitsplatzes.",
                            ),
                        ),
                        task(
                            "hire",
                            10,
                            ["language"],
                            (
                                "Start your language course",
                                "Tell your tutor which words at work are hard for you.",
                            ),
                            (
                                "Ihren Sprachkurs beginnen",
                                "Sagen Sie Ihrer Patenperson, welche Wörter bei der Arbeit schwierig sind.",
                            ),
                            nl=(
                                "Begin aan je taalcursus",
                                "Vertel je peter of meter welke woorden op het werk moeilijk zijn.",
                            ),
                            ar=("ابدأ دورة اللغة", "أخبر مرشدك بالكلمات الصعبة عليك في العمل."),
                        ),
                        task(
                            "manager",
                            21,
                            ["onboarding"],
                            (
                                "Take stock after three weeks",
                                "A short talk: what works, what is hard, what help is needed.",
                            ),
                            (
                                "Nach drei Wochen Bilanz ziehen",
                                "Ein kurzes Gespräch: was läuft, was ist schwer, welche Hilfe wird gebraucht.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
        phase(
            "Follow-up and evaluation",
            "Begleitung und Auswertung",
            "Opvolging en evaluatie",
            "المتابعة والتقييم",
            [
                step(
                    "Follow-up meetings",
                    "Folgegespräche",
                    [
                        task(
                            "hr",
                            30,
                            ["mentoring", "guidance-and-counselling"],
                            (
                                "Follow-up meeting after the first month",
                                "New hire, manager and tutor together; write down what was agreed.",
                            ),
                            (
                                "Folgegespräch nach dem ersten Monat",
                                "Neue Kollegin oder neuer Kollege, Führungskraft und Patenperson gemeinsam; Vereinbartes "
                                "festhalten.",
                            ),
                        ),
                        task(
                            "hire",
                            30,
                            ["mentoring"],
                            (
                                "Talk about your first month",
                                "Say what goes well and what you need. Your opinion counts.",
                            ),
                            (
                                "Über den ersten Monat sprechen",
                                "Sagen Sie, was gut läuft und was Sie brauchen. Ihre Meinung zählt.",
                            ),
                            nl=(
                                "Praat over je eerste maand",
                                "Zeg wat goed gaat en wat je nodig hebt. Je mening telt.",
                            ),
                            ar=("تحدّث عن شهرك الأول", "قل ما الذي يسير جيدًا وما الذي تحتاجه. رأيك مهم."),
                        ),
                    ],
                ),
                step(
                    "The evaluation table",
                    "Die Auswertungstabelle",
                    [
                        task(
                            "manager",
                            80,
                            ["onboarding"],
                            (
                                "Fill in the evaluation table before the end of the trial period",
                                "Skills, work quality, teamwork and language, each with an example; share it with the "
                                "person.",
                            ),
                            (
                                "Die Auswertungstabelle vor Ende der Probezeit ausfüllen",
                                "Fähigkeiten, Arbeitsqualität, Zusammenarbeit und Sprache, jeweils mit Beispiel; mit der "
                                "Person besprechen.",
                            ),
                        ),
                    ],
                ),
                step(
                    "Keeping the person beyond three months",
                    "Die Person über drei Monate hinaus halten",
                    [
                        task(
                            "hr",
                            90,
                            ["training-and-vocational-education", "guidance-and-counselling"],
                            (
                                "Agree a development plan for the first year",
                                "Many hired refugees leave within the first three months; training, a contract extension "
                                "and a clear next step make people stay.",
                            ),
                            (
                                "Einen Entwicklungsplan für das erste Jahr vereinbaren",
                                "Viele eingestellte Geflüchtete gehen in den ersten drei Monaten wieder; Weiterbildung, "
                                "eine Vertragsverlängerung und ein klarer nächster Schritt halten sie.",
                            ),
                        ),
                        task(
                            "hr",
                            365,
                            ["guidance-and-counselling"],
                            (
                                "Review career progress after one year",
                                "Compare the role and pay with the start, and the person's goals with what happened.",
                            ),
                            (
                                "Die berufliche Entwicklung nach einem Jahr auswerten",
                                "Vergleichen Sie Rolle und Gehalt mit dem Start und die Ziele der Person mit dem "
                                "Erreichten.",
                            ),
                        ),
                    ],
                ),
            ],
        ),
    ],
}


def sector(slug, en_title, de_title, tasks):
    return {
        "slug": slug,
        "kind": "sector",
        "sector": slug,
        "title": {"en": en_title, "de": de_title},
        "summary": {
            "en": "Steps added for this sector, after the fast-track paths of the All-in-one 4HER model.",
            "de": "Zusätzliche Schritte für diese Branche, nach den Schnellwegen des Modells All-in-one 4HER.",
        },
        "phases": [
            phase(
                "Sector steps",
                "Schritte der Branche",
                "Stappen van de sector",
                "خطوات القطاع",
                [
                    step("What this sector needs", "Was diese Branche braucht", tasks),
                ],
            )
        ],
    }


SECTOR_TEMPLATES = [
    sector(
        "it",
        "Sector steps: IT",
        "Branchenschritte: IT",
        [
            task(
                "manager",
                -20,
                ["digital-skills", "recruitment"],
                (
                    "Assess skills with a practical coding or support task",
                    "Portfolios and a short paid task say more than diplomas that are hard to compare.",
                ),
                (
                    "Können mit einer praktischen Programmier- oder Supportaufgabe prüfen",
                    "Portfolios und eine kurze "
                    "bezahlte Aufgabe sagen mehr als schwer vergleichbare Abschlüsse.",
                ),
            ),
            task(
                "hr",
                -5,
                ["digital-skills", "onboarding"],
                (
                    "Set up accounts, hardware and security training",
                    "Access rights and the security rules are explained before the first commit or ticket.",
                ),
                (
                    "Zugänge, Geräte und Sicherheitsschulung einrichten",
                    "Zugriffsrechte und Sicherheitsregeln werden vor dem ersten Commit oder Ticket erklärt.",
                ),
            ),
            task(
                "tutor",
                14,
                ["networking", "mentoring"],
                (
                    "Introduce the new colleague to a professional network or meetup",
                    "Local tech communities help people keep up and build contacts.",
                ),
                (
                    "Die neue Person in ein Fachnetzwerk oder Meetup einführen",
                    "Lokale Tech-Communities helfen, am Ball zu bleiben und Kontakte zu knüpfen.",
                ),
            ),
        ],
    ),
    sector(
        "logistics",
        "Sector steps: logistics",
        "Branchenschritte: Logistik",
        [
            task(
                "hr",
                -20,
                ["legal-and-permits", "training-and-vocational-education"],
                (
                    "Check driving licences and forklift or other certificates",
                    "A foreign driving licence may need "
                    "to be exchanged; certificates for forklifts or dangerous goods may have to be repeated.",
                ),
                (
                    "Führerscheine und Staplerschein oder andere Nachweise prüfen",
                    "Ein ausländischer Führerschein muss "
                    "eventuell umgeschrieben werden; Staplerschein oder Gefahrgutnachweise eventuell neu erworben.",
                ),
            ),
            task(
                "trainer",
                -2,
                ["training-and-vocational-education", "language"],
                (
                    "Give the safety induction with pictures and a walk through the warehouse",
                    "Show the routes, protective equipment and signs on the spot, not only on paper.",
                ),
                (
                    "Sicherheitsunterweisung mit Bildern und Rundgang durch das Lager",
                    "Zeigen Sie Wege, Schutzausrüstung und Zeichen vor Ort, nicht nur auf Papier.",
                ),
            ),
            task(
                "manager",
                7,
                ["onboarding"],
                (
                    "Explain shifts, scanners and picking targets",
                    "Targets grow step by step over the first weeks; say so clearly.",
                ),
                (
                    "Schichten, Scanner und Kommissionierziele erklären",
                    "Die Ziele steigen in den ersten Wochen schrittweise; sagen Sie das deutlich.",
                ),
            ),
        ],
    ),
    sector(
        "health-care",
        "Sector steps: health care",
        "Branchenschritte: Gesundheitswesen",
        [
            task(
                "hr",
                -45,
                ["legal-and-permits", "training-and-vocational-education"],
                (
                    "Apply for the recognition of the health profession",
                    "Nursing and medical professions are "
                    "regulated: the authority may require an adaptation period or a knowledge test.",
                ),
                (
                    "Anerkennung des Gesundheitsberufs beantragen",
                    "Pflege- und Heilberufe sind reglementiert: die "
                    "Behörde kann einen Anpassungslehrgang oder eine Kenntnisprüfung verlangen.",
                ),
            ),
            task(
                "trainer",
                0,
                ["language"],
                (
                    "Start a course in the language of care",
                    "Handovers, documentation and talking to patients need their own vocabulary.",
                ),
                (
                    "Einen Kurs in der Fachsprache der Pflege beginnen",
                    "Übergaben, Dokumentation und Gespräche mit Patienten brauchen eigenen Wortschatz.",
                ),
            ),
            task(
                "tutor",
                5,
                ["mentoring"],
                (
                    "Work the first shifts side by side with an experienced colleague",
                    "Hygiene rules and local routines are learnt best by doing them together.",
                ),
                (
                    "Die ersten Schichten gemeinsam mit einer erfahrenen Kollegin arbeiten",
                    "Hygieneregeln und Abläufe lernt man am besten gemeinsam.",
                ),
            ),
        ],
    ),
    sector(
        "administration-finance",
        "Sector steps: administration and finance",
        "Branchenschritte: Verwaltung und Finanzen",
        [
            task(
                "hr",
                -20,
                ["training-and-vocational-education"],
                (
                    "Compare the accounting or administrative training with local standards",
                    "Local tax and "
                    "bookkeeping rules can be learnt in a short course; the method is often the same.",
                ),
                (
                    "Die Ausbildung in Buchhaltung oder Verwaltung mit lokalen Standards vergleichen",
                    "Lokale Steuer- und "
                    "Buchungsregeln lassen sich in einem kurzen Kurs lernen; die Methode ist oft dieselbe.",
                ),
            ),
            task(
                "trainer",
                10,
                ["digital-skills"],
                (
                    "Train the software used in the office",
                    "ERP, accounting and document systems, with a test environment to practise.",
                ),
                (
                    "Die im Büro genutzte Software schulen",
                    "ERP-, Buchhaltungs- und Dokumentensysteme, mit einer Testumgebung zum Üben.",
                ),
            ),
            task(
                "manager",
                20,
                ["language"],
                (
                    "Review written work together",
                    "Letters and e-mails to clients are read together at first, then less and less.",
                ),
                (
                    "Schriftliche Arbeiten gemeinsam durchsehen",
                    "Briefe und E-Mails an Kunden werden anfangs gemeinsam gelesen, dann immer seltener.",
                ),
            ),
        ],
    ),
    sector(
        "research-education",
        "Sector steps: research and education",
        "Branchenschritte: Forschung und Bildung",
        [
            task(
                "hr",
                -40,
                ["legal-and-permits", "training-and-vocational-education"],
                (
                    "Have degrees evaluated and check teaching requirements",
                    "Teaching in schools is usually regulated; research posts often are not.",
                ),
                (
                    "Abschlüsse bewerten lassen und Lehrvoraussetzungen prüfen",
                    "Unterrichten an Schulen ist meist reglementiert, Forschungsstellen oft nicht.",
                ),
            ),
            task(
                "manager",
                15,
                ["networking"],
                (
                    "Introduce the new colleague to the department and partner institutions",
                    "Invite them to seminars and meetings from the first weeks.",
                ),
                (
                    "Die neue Person im Institut und bei Partnern vorstellen",
                    "Laden Sie sie von Anfang an zu Seminaren und Treffen ein.",
                ),
            ),
            task(
                "tutor",
                30,
                ["mentoring"],
                (
                    "Plan publications, funding or teaching goals for the year",
                    "A mentor who knows the local system explains calls, grants and career steps.",
                ),
                (
                    "Publikationen, Förderanträge oder Lehrziele für das Jahr planen",
                    "Eine Mentorin, die das System "
                    "kennt, erklärt Ausschreibungen, Förderungen und Karrierestufen.",
                ),
            ),
        ],
    ),
    sector(
        "construction-industry",
        "Sector steps: construction and industry",
        "Branchenschritte: Bau und Industrie",
        [
            task(
                "hr",
                -15,
                ["legal-and-permits", "training-and-vocational-education"],
                (
                    "Check trade certificates and required safety cards",
                    "Welding, electrical and site safety certificates may need local equivalents.",
                ),
                (
                    "Fachnachweise und vorgeschriebene Sicherheitsnachweise prüfen",
                    "Schweiß-, Elektro- und Baustellennachweise brauchen eventuell lokale Entsprechungen.",
                ),
            ),
            task(
                "trainer",
                0,
                ["training-and-vocational-education", "language"],
                (
                    "Give the safety instruction on site and check it was understood",
                    "Ask the person to show what they would do; a nod is not understanding.",
                ),
                (
                    "Sicherheitsunterweisung vor Ort geben und das Verständnis prüfen",
                    "Lassen Sie sich zeigen, was die Person tun würde; ein Nicken ist kein Verstehen.",
                ),
            ),
            task(
                "manager",
                60,
                ["training-and-vocational-education"],
                (
                    "Plan a qualification or vocational training",
                    "Partial qualifications and apprenticeships for adults open the way to skilled pay.",
                ),
                (
                    "Eine Qualifizierung oder Ausbildung planen",
                    "Teilqualifikationen und Ausbildung für Erwachsene öffnen den Weg zum Facharbeiterlohn.",
                ),
            ),
        ],
    ),
    sector(
        "social-profit",
        "Sector steps: social profit",
        "Branchenschritte: Sozialwirtschaft",
        [
            task(
                "hr",
                -20,
                ["legal-and-permits"],
                (
                    "Ask for the certificate of good conduct when the job needs it",
                    "Work with children or vulnerable people often requires an extended police certificate.",
                ),
                (
                    "Ein (erweitertes) Führungszeugnis anfordern, wenn die Stelle es verlangt",
                    "Arbeit mit Kindern oder "
                    "schutzbedürftigen Menschen erfordert oft ein erweitertes Führungszeugnis.",
                ),
            ),
            task(
                "manager",
                10,
                ["intercultural-competence", "community"],
                (
                    "Value the languages and experience the person brings",
                    "Colleagues who share clients' languages "
                    "and backgrounds improve the service; make that role visible.",
                ),
                (
                    "Sprachen und Erfahrungen der Person wertschätzen",
                    "Kolleginnen und Kollegen, die die Sprachen der "
                    "Klientinnen sprechen, verbessern die Arbeit; machen Sie das sichtbar.",
                ),
            ),
            task(
                "tutor",
                30,
                ["mentoring", "guidance-and-counselling"],
                (
                    "Offer supervision or peer talks",
                    "The work can touch the person's own history; offer a safe place to talk.",
                ),
                (
                    "Supervision oder kollegiale Beratung anbieten",
                    "Die Arbeit kann an die eigene Geschichte rühren; "
                    "bieten Sie einen geschützten Raum zum Reden.",
                ),
            ),
        ],
    ),
    sector(
        "hospitality",
        "Sector steps: hospitality",
        "Branchenschritte: Gastgewerbe",
        [
            task(
                "hr",
                -10,
                ["legal-and-permits"],
                (
                    "Arrange the food hygiene instruction",
                    "Many countries require a hygiene instruction or certificate "
                    "before someone handles food.",
                ),
                (
                    "Die Hygienebelehrung organisieren",
                    "Viele Länder verlangen eine Belehrung oder Bescheinigung, bevor "
                    "jemand mit Lebensmitteln arbeitet.",
                ),
            ),
            task(
                "manager",
                3,
                ["onboarding", "language"],
                (
                    "Explain the service phrases and the menu",
                    "A short list of phrases for guests and the dishes' ingredients and allergens.",
                ),
                (
                    "Service-Sätze und Speisekarte erklären",
                    "Eine kurze Liste mit Sätzen für Gäste und den Zutaten und Allergenen der Gerichte.",
                ),
            ),
            task(
                "manager",
                14,
                ["housing-and-family"],
                (
                    "Agree on a stable shift plan",
                    "Split shifts and late changes make childcare and language classes hard; plan ahead.",
                ),
                (
                    "Einen verlässlichen Schichtplan vereinbaren",
                    "Geteilte Dienste und kurzfristige Änderungen "
                    "erschweren Kinderbetreuung und Sprachkurse; planen Sie voraus.",
                ),
            ),
        ],
    ),
]


def item(topic, offset, source_name, url, en, de):
    return {
        "topic": topic,
        "offset_days": offset,
        "source_name": source_name,
        "source_url": url,
        "text": {"en": en, "de": de},
    }


LEGAL_CHECKLISTS = [
    {
        "country": "DE",
        "title": {"en": "Legal checklist: Germany", "de": "Rechtliche Checkliste: Deutschland"},
        "introduction": {
            "en": "Residence law (Aufenthaltsgesetz) decides who may work; the employment agency takes part in "
            "many permits.",
            "de": "Das Aufenthaltsgesetz regelt, wer arbeiten darf; die Bundesagentur für Arbeit wirkt an vielen "
            "Erlaubnissen mit.",
        },
        "items": [
            item(
                "residence",
                -28,
                "BAMF",
                "https://www.bamf.de/EN/Startseite/startseite_node.html",
                (
                    "Check the residence title and whether it allows employment",
                    "The document or its supplementary sheet says whether employment is permitted; asylum seekers "
                    "and tolerated persons need permission from the immigration office.",
                ),
                (
                    "Aufenthaltstitel prüfen und ob er die Beschäftigung erlaubt",
                    "Im Dokument oder Zusatzblatt steht, ob die Erwerbstätigkeit erlaubt ist; Asylsuchende und "
                    "Geduldete brauchen eine Erlaubnis der Ausländerbehörde.",
                ),
            ),
            item(
                "permit",
                -21,
                "Make it in Germany",
                "https://www.make-it-in-germany.com/en/visa-residence",
                (
                    "Note the permit's expiry date and plan the extension",
                    "Enter the date in this plan; the extension is applied for at the immigration office before "
                    "it expires.",
                ),
                (
                    "Ablaufdatum der Erlaubnis eintragen und die Verlängerung planen",
                    "Tragen Sie das Datum in diesen Plan ein; die Verlängerung wird vor Ablauf bei der "
                    "Ausländerbehörde beantragt.",
                ),
            ),
            item(
                "recognition",
                -21,
                "Anerkennung in Deutschland",
                "https://www.anerkennung-in-deutschland.de/en/",
                (
                    "Find out whether the profession needs recognition",
                    "The Recognition Finder names the responsible authority; regulated professions need it before "
                    "work starts.",
                ),
                (
                    "Klären, ob der Beruf eine Anerkennung braucht",
                    "Der Anerkennungs-Finder nennt die zuständige Stelle; reglementierte Berufe brauchen sie vor "
                    "Arbeitsbeginn.",
                ),
            ),
            item(
                "social-security",
                -1,
                "Deutsche Rentenversicherung",
                "https://www.deutsche-rentenversicherung.de/",
                (
                    "Register the employee with the health insurance fund",
                    "The employer reports the start of employment to the chosen health insurance fund, which also "
                    "forwards it to pension insurance.",
                ),
                (
                    "Die Person bei der Krankenkasse anmelden",
                    "Der Arbeitgeber meldet den Beschäftigungsbeginn an die gewählte Krankenkasse, die ihn an die "
                    "Rentenversicherung weitergibt.",
                ),
            ),
            item(
                "support",
                -30,
                "Bundesagentur für Arbeit",
                "https://www.arbeitsagentur.de/en/",
                (
                    "Ask the employer service about integration subsidies",
                    "The employment agency can pay wage subsidies and fund language and qualification measures.",
                ),
                (
                    "Beim Arbeitgeber-Service nach Eingliederungszuschüssen fragen",
                    "Die Arbeitsagentur kann Lohnkostenzuschüsse zahlen und Sprach- und Qualifizierungsangebote "
                    "fördern.",
                ),
            ),
        ],
    },
    {
        "country": "AT",
        "title": {"en": "Legal checklist: Austria", "de": "Rechtliche Checkliste: Österreich"},
        "introduction": {
            "en": "Recognised refugees have full access to the labour market; other groups may need an AMS permit.",
            "de": "Anerkannte Flüchtlinge haben vollen Arbeitsmarktzugang; andere Gruppen brauchen eventuell eine "
            "Bewilligung des AMS.",
        },
        "items": [
            item(
                "residence",
                -28,
                "migration.gv.at",
                "https://www.migration.gv.at/en/",
                (
                    "Check the residence status and labour-market access",
                    "Asylum status and subsidiary protection allow work; asylum seekers and others need an "
                    "employment permit.",
                ),
                (
                    "Aufenthaltsstatus und Arbeitsmarktzugang prüfen",
                    "Asylberechtigte und subsidiär Schutzberechtigte dürfen arbeiten; Asylwerbende und andere "
                    "brauchen eine Beschäftigungsbewilligung.",
                ),
            ),
            item(
                "permit",
                -21,
                "AMS",
                "https://www.ams.at/unternehmen",
                (
                    "Apply for the employment permit and note its expiry",
                    "The employer applies at the regional AMS office; the permit is tied to the job and the "
                    "period.",
                ),
                (
                    "Beschäftigungsbewilligung beantragen und Ablauf eintragen",
                    "Der Arbeitgeber beantragt sie bei der regionalen AMS-Geschäftsstelle; sie gilt für die Stelle "
                    "und den Zeitraum.",
                ),
            ),
            item(
                "recognition",
                -21,
                "berufsanerkennung.at",
                "https://www.berufsanerkennung.at/en/",
                (
                    "Check recognition of qualifications",
                    "The recognition portal shows the procedure for each profession.",
                ),
                (
                    "Anerkennung der Qualifikationen prüfen",
                    "Das Anerkennungsportal zeigt das Verfahren für jeden Beruf.",
                ),
            ),
            item(
                "social-security",
                -1,
                "Österreichische Gesundheitskasse",
                "https://www.gesundheitskasse.at/",
                (
                    "Register the employee before work starts",
                    "The registration with social insurance must be made before the first working day.",
                ),
                (
                    "Die Person vor Arbeitsbeginn anmelden",
                    "Die Anmeldung zur Sozialversicherung erfolgt vor dem ersten Arbeitstag.",
                ),
            ),
            item(
                "support",
                -30,
                "Österreichischer Integrationsfonds",
                "https://www.integrationsfonds.at/",
                (
                    "Look for integration support and subsidies",
                    "The integration fund offers German courses; the AMS can fund integration into work.",
                ),
                (
                    "Integrationsangebote und Förderungen nutzen",
                    "Der Integrationsfonds bietet Deutschkurse; das AMS kann die Eingliederung fördern.",
                ),
            ),
        ],
    },
    {
        "country": "BE",
        "title": {"en": "Legal checklist: Belgium", "de": "Rechtliche Checkliste: Belgien"},
        "introduction": {
            "en": "Work permits are a regional matter (Flanders, Wallonia, Brussels); social security is federal.",
            "de": "Arbeitserlaubnisse sind Sache der Regionen (Flandern, Wallonien, Brüssel); die soziale "
            "Sicherheit ist föderal.",
        },
        "items": [
            item(
                "residence",
                -28,
                "belgium.be",
                "https://www.belgium.be/en/work",
                (
                    "Check the residence card and the right to work",
                    "Recognised refugees work freely; applicants for international protection may work after a "
                    "waiting period with a valid document.",
                ),
                (
                    "Aufenthaltskarte und Arbeitsberechtigung prüfen",
                    "Anerkannte Flüchtlinge arbeiten frei; Schutzsuchende dürfen nach einer Wartezeit mit gültigem "
                    "Dokument arbeiten.",
                ),
            ),
            item(
                "permit",
                -21,
                "FPS Employment",
                "https://employment.belgium.be/en",
                (
                    "Apply for the single permit if needed and note its expiry",
                    "The region decides on the work part of the single permit; keep its end date in this plan.",
                ),
                (
                    "Bei Bedarf die kombinierte Erlaubnis beantragen und den Ablauf eintragen",
                    "Die Region entscheidet über den Arbeitsteil; tragen Sie das Enddatum in diesen Plan ein.",
                ),
            ),
            item(
                "recognition",
                -21,
                "NARIC Vlaanderen",
                "https://www.naricvlaanderen.be/en",
                (
                    "Ask for recognition of diplomas",
                    "NARIC (Flemish Community) or its French-speaking counterpart compare foreign diplomas.",
                ),
                (
                    "Die Anerkennung der Diplome beantragen",
                    "NARIC (Flämische Gemeinschaft) oder die französischsprachige Stelle vergleicht ausländische "
                    "Diplome.",
                ),
            ),
            item(
                "social-security",
                -1,
                "Social security portal",
                "https://www.socialsecurity.be/",
                (
                    "Make the Dimona declaration",
                    "Every new employment is declared electronically before the person starts.",
                ),
                (
                    "Die Dimona-Meldung machen",
                    "Jede neue Beschäftigung wird vor Arbeitsbeginn elektronisch gemeldet.",
                ),
            ),
            item(
                "support",
                -30,
                "VDAB",
                "https://www.vdab.be/",
                (
                    "Ask VDAB, Actiris or Le Forem about support",
                    "Regional employment services offer training on the job and wage support.",
                ),
                (
                    "VDAB, Actiris oder Le Forem nach Unterstützung fragen",
                    "Die regionalen Arbeitsvermittlungen bieten Ausbildung im Betrieb und Lohnzuschüsse.",
                ),
            ),
        ],
    },
    {
        "country": "IT",
        "title": {"en": "Legal checklist: Italy", "de": "Rechtliche Checkliste: Italien"},
        "introduction": {
            "en": "The residence permit (permesso di soggiorno) must allow work; every hiring is reported online.",
            "de": "Die Aufenthaltserlaubnis (permesso di soggiorno) muss Arbeit erlauben; jede Einstellung wird "
            "online gemeldet.",
        },
        "items": [
            item(
                "residence",
                -28,
                "Integrazione Migranti",
                "https://www.integrazionemigranti.gov.it/en-gb/",
                (
                    "Check the permesso di soggiorno and what it allows",
                    "International protection permits allow work; asylum applicants may work 60 days after "
                    "applying.",
                ),
                (
                    "Den permesso di soggiorno prüfen und was er erlaubt",
                    "Schutztitel erlauben Arbeit; Asylsuchende dürfen 60 Tage nach der Antragstellung arbeiten.",
                ),
            ),
            item(
                "permit",
                -21,
                "Polizia di Stato",
                "https://www.poliziadistato.it/",
                (
                    "Note the permit's expiry date and the renewal",
                    "The renewal is requested before it expires; the receipt lets the person keep working.",
                ),
                (
                    "Ablaufdatum und Verlängerung eintragen",
                    "Die Verlängerung wird vor Ablauf beantragt; mit der Quittung darf weitergearbeitet werden.",
                ),
            ),
            item(
                "recognition",
                -21,
                "CIMEA",
                "https://www.cimea.it/",
                (
                    "Have qualifications compared",
                    "CIMEA issues statements of comparability of foreign qualifications.",
                ),
                (
                    "Qualifikationen vergleichen lassen",
                    "CIMEA stellt Vergleichbarkeitsbescheinigungen für ausländische Abschlüsse aus.",
                ),
            ),
            item(
                "social-security",
                -1,
                "Ministero del Lavoro",
                "https://www.lavoro.gov.it/",
                (
                    "Send the mandatory hiring notice (UNILAV)",
                    "The employer sends it online at the latest the day before work starts; it also reaches INPS.",
                ),
                (
                    "Die Pflichtmeldung der Einstellung (UNILAV) senden",
                    "Spätestens am Vortag des Arbeitsbeginns online; sie geht auch an das INPS.",
                ),
            ),
            item(
                "support",
                -30,
                "INPS",
                "https://www.inps.it/",
                ("Check hiring incentives", "Some hirings qualify for contribution relief."),
                ("Einstellungsförderungen prüfen", "Manche Einstellungen erhalten Beitragsentlastungen."),
            ),
        ],
    },
    {
        "country": "GR",
        "title": {"en": "Legal checklist: Greece", "de": "Rechtliche Checkliste: Griechenland"},
        "introduction": {
            "en": "Beneficiaries of international protection may work; hiring is declared in the ERGANI system.",
            "de": "Schutzberechtigte dürfen arbeiten; Einstellungen werden im System ERGANI gemeldet.",
        },
        "items": [
            item(
                "residence",
                -28,
                "Ministry of Migration and Asylum",
                "https://migration.gov.gr/en/",
                (
                    "Check the residence permit and the right to work",
                    "Asylum seekers may work after a waiting period from lodging their application.",
                ),
                (
                    "Aufenthaltserlaubnis und Arbeitsberechtigung prüfen",
                    "Asylsuchende dürfen nach einer Wartezeit ab Antragstellung arbeiten.",
                ),
            ),
            item(
                "permit",
                -21,
                "Ministry of Migration and Asylum",
                "https://migration.gov.gr/en/",
                (
                    "Note the permit's expiry and the renewal",
                    "Keep the end date in this plan and remind the person to renew in time.",
                ),
                (
                    "Ablauf und Verlängerung eintragen",
                    "Tragen Sie das Enddatum ein und erinnern Sie rechtzeitig an die Verlängerung.",
                ),
            ),
            item(
                "recognition",
                -21,
                "DOATAP",
                "https://www.doatap.gr/en/",
                (
                    "Ask DOATAP for recognition of degrees",
                    "Higher-education degrees are recognised by DOATAP.",
                ),
                ("Bei DOATAP die Anerkennung beantragen", "Hochschulabschlüsse erkennt DOATAP an."),
            ),
            item(
                "social-security",
                -1,
                "ERGANI",
                "https://www.ergani.gov.gr/",
                (
                    "Declare the hiring in ERGANI",
                    "The declaration is made before work starts; the employee also "
                    "needs a tax number and an AMKA.",
                ),
                (
                    "Die Einstellung in ERGANI melden",
                    "Die Meldung erfolgt vor Arbeitsbeginn; die Person braucht "
                    "eine Steuernummer und eine AMKA.",
                ),
            ),
            item(
                "support",
                -30,
                "DYPA",
                "https://www.dypa.gov.gr/",
                (
                    "Ask the public employment service about programmes",
                    "DYPA runs subsidised employment and training programmes.",
                ),
                (
                    "Die Arbeitsverwaltung nach Programmen fragen",
                    "DYPA bietet geförderte Beschäftigungs- und Ausbildungsprogramme.",
                ),
            ),
        ],
    },
    {
        "country": "BG",
        "title": {"en": "Legal checklist: Bulgaria", "de": "Rechtliche Checkliste: Bulgarien"},
        "introduction": {
            "en": "A Bulgarian employer was fined about 8,000 dollars when two refugees' temporary work permits "
            "expired unnoticed: keep the dates in this plan.",
            "de": "Ein bulgarischer Arbeitgeber zahlte rund 8.000 Dollar Strafe, weil zwei befristete "
            "Arbeitserlaubnisse unbemerkt abliefen: tragen Sie die Daten in diesen Plan ein.",
        },
        "items": [
            item(
                "residence",
                -28,
                "State Agency for Refugees",
                "https://aref.government.bg/",
                (
                    "Check the protection status and the right to work",
                    "Refugees and people with humanitarian status may work; asylum seekers only after a waiting "
                    "period.",
                ),
                (
                    "Schutzstatus und Arbeitsberechtigung prüfen",
                    "Flüchtlinge und Personen mit humanitärem Status dürfen arbeiten, Asylsuchende erst nach einer "
                    "Wartezeit.",
                ),
            ),
            item(
                "permit",
                -21,
                "Employment Agency",
                "https://www.az.government.bg/",
                (
                    "Note the expiry of any temporary permit",
                    "Temporary work permits expire; renew them before "
                    "the end date or the employer can be fined.",
                ),
                (
                    "Ablauf befristeter Erlaubnisse eintragen",
                    "Befristete Arbeitserlaubnisse laufen ab; verlängern "
                    "Sie sie rechtzeitig, sonst drohen Bußgelder.",
                ),
            ),
            item(
                "recognition",
                -21,
                "NACID",
                "https://nacid.bg/en/",
                (
                    "Ask NACID about the recognition of diplomas",
                    "NACID informs about recognising foreign higher education.",
                ),
                (
                    "Bei NACID nach der Anerkennung fragen",
                    "NACID informiert über die Anerkennung ausländischer Hochschulabschlüsse.",
                ),
            ),
            item(
                "social-security",
                -3,
                "National Revenue Agency",
                "https://nra.bg/",
                (
                    "Notify the employment contract to the National Revenue Agency",
                    "The notification is sent within three days of signing and before work starts.",
                ),
                (
                    "Den Arbeitsvertrag bei der Nationalen Steuerbehörde melden",
                    "Die Meldung erfolgt binnen drei Tagen nach Unterzeichnung und vor Arbeitsbeginn.",
                ),
            ),
            item(
                "support",
                -30,
                "Employment Agency",
                "https://www.az.government.bg/",
                (
                    "Ask the labour office about employment programmes",
                    "Programmes can fund wages and training for people from vulnerable groups.",
                ),
                (
                    "Beim Arbeitsamt nach Beschäftigungsprogrammen fragen",
                    "Programme können Lohn und Ausbildung für Menschen aus benachteiligten Gruppen fördern.",
                ),
            ),
        ],
    },
    {
        "country": "EU",
        "title": {
            "en": "Legal checklist: other EU countries",
            "de": "Rechtliche Checkliste: andere EU-Länder",
        },
        "introduction": {
            "en": "Rules differ between member states; the EU portals lead to each country's authorities.",
            "de": "Die Regeln unterscheiden sich je Mitgliedstaat; die EU-Portale führen zu den Behörden jedes "
            "Landes.",
        },
        "items": [
            item(
                "residence",
                -28,
                "EU Immigration Portal",
                "https://home-affairs.ec.europa.eu/policies/migration-and-asylum/eu-immigration-portal_en",
                (
                    "Check the residence status and labour-market access in the country",
                    "The portal explains, country by country, who may work and what they need.",
                ),
                (
                    "Aufenthaltsstatus und Arbeitsmarktzugang im Land prüfen",
                    "Das Portal erklärt für jedes Land, wer arbeiten darf und was nötig ist.",
                ),
            ),
            item(
                "permit",
                -21,
                "Your Europe",
                "https://europa.eu/youreurope/business/index_en.htm",
                (
                    "Note the permit's expiry date",
                    "Whatever the country, an expired permit makes the employment "
                    "unlawful: keep the date in this plan.",
                ),
                (
                    "Ablaufdatum der Erlaubnis eintragen",
                    "In jedem Land macht eine abgelaufene Erlaubnis die "
                    "Beschäftigung unzulässig: tragen Sie das Datum ein.",
                ),
            ),
            item(
                "recognition",
                -21,
                "ENIC-NARIC",
                "https://www.enic-naric.net/",
                (
                    "Find the national recognition centre",
                    "The ENIC-NARIC network lists every country's centre.",
                ),
                (
                    "Die nationale Anerkennungsstelle finden",
                    "Das ENIC-NARIC-Netz nennt die Stelle jedes Landes.",
                ),
            ),
            item(
                "social-security",
                -1,
                "European Commission",
                "https://ec.europa.eu/social/main.jsp?catId=849",
                (
                    "Register the employee with social security",
                    "Each country has its own declaration before work starts.",
                ),
                (
                    "Die Person bei der Sozialversicherung anmelden",
                    "Jedes Land hat seine eigene Meldung vor Arbeitsbeginn.",
                ),
            ),
            item(
                "support",
                -30,
                "European Website on Integration",
                "https://migrant-integration.ec.europa.eu/",
                (
                    "Look for integration support and the EU Skills Profile Tool",
                    "Find local integration programmes and document the person's skills.",
                ),
                (
                    "Integrationsangebote und das EU-Kompetenzprofil-Tool nutzen",
                    "Finden Sie lokale Programme und halten Sie die Fähigkeiten der Person fest.",
                ),
            ),
        ],
    },
]
