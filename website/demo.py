"""Demo content for the site shell: locales, the home page in four languages, privacy and imprint.

Every step looks for what it would create first, so loading twice changes nothing."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import FooterSettings, HomePage, StandardPage

HOME = {
    "en": {
        "title": "Home",
        "hero_title": "Hire refugees and migrants with confidence — and help them stay",
        "hero_text": (
            "Short, practical courses for employers: what the law allows in your country, how to lead a "
            "team across cultures, and how to plan the first months of a new colleague step by step."
        ),
        "offers": [
            (
                "Legal hiring, country by country",
                "Work permits, their expiry and the recognition of "
                "qualifications explained for HR teams, with checklists you can use the same day.",
            ),
            (
                "Intercultural role-plays",
                "Practise real workplace conversations from three sides: the "
                "newcomer, the co-worker and the manager, and see where each choice leads.",
            ),
            (
                "Integration-plan builder",
                "Turn good intentions into a plan with steps, owners, deadlines "
                "and reminders, starting from templates per sector.",
            ),
            (
                "Best-practice cases",
                "Thirty-six examples from twelve countries of companies that hired "
                "and integrated refugees, and what made it work.",
            ),
        ],
        "audiences": [
            (
                "HR managers and team leads",
                "Take the modules at your own pace, pick up where you left "
                "off and earn a certificate you can show.",
                "Start learning",
                "/en/accounts/signup/",
            ),
            (
                "Trainers",
                "Run workshops with the platform: open a cohort, let people join with a code and "
                "follow their progress live.",
                "Create a trainer account",
                "/en/accounts/signup/",
            ),
            (
                "Companies",
                "Build an integration plan for each new hire and see how your staff's training is going.",
                "Plan an integration",
                "/en/accounts/signup/",
            ),
        ],
        "privacy": (
            "Privacy notice",
            "What this platform keeps about you, why, for how long, and how to see or delete it.",
            "<h2>Who is responsible</h2><p>The platform operator named in the imprint is the controller "
            "of your personal data. You can reach us at the contact address in the footer.</p> <h2>What "
            "we keep and why</h2><ul> <li><b>Your account</b> (name, e-mail address, language, "
            "organisations and roles): to let you log in and to show you the courses of your "
            "organisation. Basis: our agreement with you (Art. 6(1)(b) GDPR).</li> <li><b>Learning "
            "records</b> (enrolments, progress, quiz and reflection answers, H5P results and saved "
            "state, scenario choices, certificates): so you can resume, finish courses and earn "
            "certificates. Basis: your consent given at sign-up (Art. 6(1)(a) GDPR), which you can "
            "withdraw by deleting your account.</li> <li><b>xAPI statements</b>: a standard record of "
            "learning events, stored under a pseudonymous id, not your e-mail address. If your employer "
            "or training provider has its own learning record store, the statements of its members are "
            "forwarded there.</li> <li><b>Workshops and plans</b>: cohorts you join (attendance, "
            "evaluations) and integration plans in which you are the new hire (name, languages, start "
            "date, permit type and expiry date), entered by your employer to organise your first months "
            "at work. Basis: the employer's legitimate interest in a good start (Art. 6(1)(f) GDPR); "
            "permit dates are needed to remind HR in time.</li> <li><b>Case submissions</b> you send to "
            "the case library.</li></ul> <h2>How long</h2><p>As long as your account exists. If an "
            "administrator has switched on retention, accounts without a login for the configured "
            "number of months are deleted, after two warning e-mails. Download files are deleted after "
            "one download or when their link expires. An anonymous record that an account was erased, "
            "and the audit log (account numbers only), are kept to show that requests were "
            "answered.</p> <h2>Your rights</h2><ul> <li><b>See and download your data</b>: on your "
            "account page, “Download my data” prepares a ZIP file with everything we hold about "
            "you.</li> <li><b>Delete your account</b>: on your account page, “Delete my account”. Your "
            "personal data is erased, your learning records are voided here and at every external "
            "record store, certificates no longer show your name.</li> <li><b>Correct, restrict or "
            "object</b>: write to the contact address; an administrator can also export or erase your "
            "data on request.</li> <li><b>Complain</b> to your data protection supervisory "
            "authority.</li></ul> <h2>Changes</h2><p>When this notice changes in a way that matters, we "
            "ask you to agree again at your next login.</p>",
        ),
        "imprint": (
            "Imprint",
            "Who runs this platform.",
            "<p>COME IN Academy is a demonstration installation of an employer-training platform "
            "inspired by the Erasmus+ project COME IN (Competencies in Enterprises on "
            "Integration).</p>",
        ),
    },
    "de": {
        "title": "Startseite",
        "hero_title": "Geflüchtete und Zugewanderte sicher einstellen – und langfristig halten",
        "hero_text": (
            "Kurze, praxisnahe Kurse für Arbeitgeber: was das Recht in Ihrem Land erlaubt, wie Sie ein "
            "Team über Kulturen hinweg führen und wie Sie die ersten Monate einer neuen Kollegin oder "
            "eines neuen Kollegen Schritt für Schritt planen."
        ),
        "offers": [
            (
                "Rechtssicher einstellen, Land für Land",
                "Arbeitserlaubnis, ihre Befristung und die "
                "Anerkennung von Abschlüssen – für Personalabteilungen erklärt, "
                "mit sofort nutzbaren Checklisten.",
            ),
            (
                "Interkulturelle Rollenspiele",
                "Üben Sie echte Gespräche am Arbeitsplatz aus drei "
                "Blickwinkeln: neue Mitarbeitende, Kollegium und Führungskraft.",
            ),
            (
                "Integrationsplaner",
                "Aus guten Absichten wird ein Plan mit Schritten, Verantwortlichen, "
                "Fristen und Erinnerungen – mit Vorlagen je Branche.",
            ),
            (
                "Gute Praxis",
                "Sechsunddreißig Beispiele aus zwölf Ländern von Unternehmen, die Geflüchtete "
                "eingestellt und integriert haben.",
            ),
        ],
        "audiences": [
            (
                "Personalverantwortliche",
                "Lernen Sie im eigenen Tempo, machen Sie dort weiter, wo Sie "
                "aufgehört haben, und erwerben Sie ein Zertifikat.",
                "Jetzt lernen",
                "/de/accounts/signup/",
            ),
            (
                "Trainerinnen und Trainer",
                "Führen Sie Workshops mit der Plattform durch und verfolgen Sie "
                "den Fortschritt Ihrer Gruppe live.",
                "Trainerkonto anlegen",
                "/de/accounts/signup/",
            ),
            (
                "Unternehmen",
                "Erstellen Sie für jede Neueinstellung einen Integrationsplan und behalten Sie "
                "die Schulungen im Blick.",
                "Integration planen",
                "/de/accounts/signup/",
            ),
        ],
        "privacy": (
            "Datenschutz",
            "Was diese Plattform über Sie speichert, warum, wie lange, und wie Sie es einsehen oder löschen.",
            "<h2>Verantwortlich</h2><p>Verantwortlich für Ihre personenbezogenen Daten ist der im "
            "Impressum genannte Betreiber der Plattform. Sie erreichen uns über die Kontaktadresse in "
            "der Fußzeile.</p> <h2>Was wir speichern und warum</h2><ul> <li><b>Ihr Konto</b> (Name, "
            "E-Mail-Adresse, Sprache, Organisationen und Rollen): damit Sie sich anmelden können und "
            "die Kurse Ihrer Organisation sehen. Rechtsgrundlage: unsere Vereinbarung mit Ihnen (Art. 6 "
            "Abs. 1 lit. b DSGVO).</li> <li><b>Lerndaten</b> (Einschreibungen, Fortschritt, Antworten "
            "in Quiz und Reflexionen, H5P-Ergebnisse und gespeicherter Stand, Entscheidungen in "
            "Szenarien, Zertifikate): damit Sie weitermachen, Kurse abschließen und Zertifikate "
            "erhalten können. Rechtsgrundlage: Ihre Einwilligung bei der Registrierung (Art. 6 Abs. 1 "
            "lit. a DSGVO), die Sie widerrufen, indem Sie Ihr Konto löschen.</li> "
            "<li><b>xAPI-Aussagen</b>: standardisierte Aufzeichnungen von Lernereignissen, gespeichert "
            "unter einer pseudonymen Kennung, nicht unter Ihrer E-Mail-Adresse. Hat Ihr Arbeitgeber "
            "oder Bildungsträger einen eigenen Lerndatenspeicher (LRS), werden die Aussagen seiner "
            "Mitglieder dorthin weitergeleitet.</li> <li><b>Workshops und Pläne</b>: Kohorten, an denen "
            "Sie teilnehmen (Anwesenheit, Bewertungen), und Integrationspläne, in denen Sie die neue "
            "Fachkraft sind (Name, Sprachen, Startdatum, Art und Ablauf des Aufenthaltstitels), die Ihr "
            "Arbeitgeber anlegt, um Ihre ersten Monate zu organisieren. Rechtsgrundlage: das "
            "berechtigte Interesse des Arbeitgebers an einem guten Start (Art. 6 Abs. 1 lit. f DSGVO); "
            "das Ablaufdatum wird gebraucht, um die Personalabteilung rechtzeitig zu erinnern.</li> "
            "<li><b>Eingereichte Praxisbeispiele</b> für die Fallsammlung.</li></ul> <h2>Wie "
            "lange</h2><p>Solange Ihr Konto besteht. Hat die Verwaltung eine Aufbewahrungsfrist "
            "eingeschaltet, werden Konten ohne Anmeldung nach der eingestellten Zahl von Monaten "
            "gelöscht, nach zwei Warn-E-Mails. Download-Dateien werden nach einem Download oder nach "
            "Ablauf des Links gelöscht. Ein anonymer Vermerk über die Löschung und das Prüfprotokoll "
            "(nur Kontonummern) bleiben, um zu belegen, dass Anfragen beantwortet wurden.</p> <h2>Ihre "
            "Rechte</h2><ul> <li><b>Auskunft und Download</b>: auf Ihrer Kontoseite erstellt „Meine "
            "Daten herunterladen“ eine ZIP-Datei mit allem, was wir über Sie speichern.</li> "
            "<li><b>Konto löschen</b>: auf Ihrer Kontoseite „Mein Konto löschen“. Ihre Daten werden "
            "gelöscht, Ihre Lernaufzeichnungen hier und in jedem externen Speicher für ungültig "
            "erklärt, Zertifikate zeigen Ihren Namen nicht mehr.</li> <li><b>Berichtigung, "
            "Einschränkung, Widerspruch</b>: schreiben Sie an die Kontaktadresse; die Verwaltung kann "
            "Ihre Daten auf Anfrage auch exportieren oder löschen.</li> <li><b>Beschwerde</b> bei Ihrer "
            "Datenschutz-Aufsichtsbehörde.</li></ul> <h2>Änderungen</h2><p>Ändert sich dieser Hinweis "
            "wesentlich, bitten wir Sie bei der nächsten Anmeldung erneut um Ihre Zustimmung.</p>",
        ),
        "imprint": (
            "Impressum",
            "Wer diese Plattform betreibt.",
            "<p>COME IN Academy ist eine Demonstrationsinstallation einer Lernplattform für "
            "Arbeitgeber nach dem Vorbild des Erasmus+-Projekts COME IN.</p>",
        ),
    },
    "nl": {
        "title": "Home",
        "hero_title": "Vluchtelingen en migranten met vertrouwen aannemen – en ze laten blijven",
        "hero_text": (
            "Korte, praktische cursussen voor werkgevers: wat de wet in uw land toestaat, hoe u een team "
            "over culturen heen leidt en hoe u de eerste maanden van een nieuwe collega stap voor stap plant."
        ),
        "offers": [
            (
                "Wettelijk aannemen, per land",
                "Werkvergunningen, hun einddatum en de erkenning van "
                "diploma's uitgelegd voor HR, met checklists die u meteen kunt gebruiken.",
            ),
            (
                "Interculturele rollenspellen",
                "Oefen echte gesprekken op de werkvloer vanuit drie rollen: "
                "de nieuwkomer, de collega en de leidinggevende.",
            ),
            (
                "Integratieplan-bouwer",
                "Maak van goede voornemens een plan met stappen, verantwoordelijken, "
                "deadlines en herinneringen, vertrekkend van sectorsjablonen.",
            ),
            (
                "Goede praktijken",
                "Zesendertig voorbeelden uit twaalf landen van bedrijven die vluchtelingen "
                "aannamen en lieten doorgroeien.",
            ),
        ],
        "audiences": [
            (
                "HR-managers en teamleiders",
                "Volg de modules in uw eigen tempo, ga verder waar u stopte en behaal een certificaat.",
                "Begin met leren",
                "/nl/accounts/signup/",
            ),
            (
                "Trainers",
                "Geef workshops met het platform en volg de voortgang van uw groep live.",
                "Maak een trainersaccount",
                "/nl/accounts/signup/",
            ),
            (
                "Bedrijven",
                "Maak voor elke nieuwe medewerker een integratieplan en volg de opleiding van uw personeel.",
                "Plan een integratie",
                "/nl/accounts/signup/",
            ),
        ],
        "privacy": (
            "Privacyverklaring",
            "Wat dit platform over u bewaart, waarom, hoe lang, en hoe u het inziet of verwijdert.",
            "<h2>Wie is verantwoordelijk</h2><p>De beheerder van het platform die in het colofon staat, "
            "is verwerkingsverantwoordelijke voor uw persoonsgegevens. U bereikt ons via het "
            "contactadres onderaan de pagina.</p> <h2>Wat we bewaren en waarom</h2><ul> <li><b>Uw "
            "account</b> (naam, e-mailadres, taal, organisaties en rollen): zodat u kunt inloggen en de "
            "cursussen van uw organisatie ziet. Grondslag: onze overeenkomst met u (art. 6 lid 1 onder "
            "b AVG).</li> <li><b>Leergegevens</b> (inschrijvingen, voortgang, antwoorden op quizzen en "
            "reflecties, H5P-resultaten en opgeslagen stand, keuzes in scenario's, certificaten): zodat "
            "u verder kunt gaan, cursussen afrondt en certificaten behaalt. Grondslag: uw toestemming "
            "bij de registratie (art. 6 lid 1 onder a AVG), die u intrekt door uw account te "
            "verwijderen.</li> <li><b>xAPI-statements</b>: gestandaardiseerde registraties van "
            "leergebeurtenissen, bewaard onder een pseudoniem, niet onder uw e-mailadres. Heeft uw "
            "werkgever of opleider een eigen leerrecordopslag (LRS), dan worden de statements van zijn "
            "leden daarheen doorgestuurd.</li> <li><b>Workshops en plannen</b>: groepen waaraan u "
            "deelneemt (aanwezigheid, evaluaties) en integratieplannen waarin u de nieuwe medewerker "
            "bent (naam, talen, startdatum, soort verblijfsvergunning en einddatum), die uw werkgever "
            "maakt om uw eerste maanden te organiseren. Grondslag: het gerechtvaardigd belang van de "
            "werkgever bij een goede start (art. 6 lid 1 onder f AVG); de einddatum is nodig om HR op "
            "tijd te herinneren.</li> <li><b>Praktijkvoorbeelden</b> die u instuurt voor de "
            "casusbibliotheek.</li></ul> <h2>Hoe lang</h2><p>Zolang uw account bestaat. Heeft een "
            "beheerder een bewaartermijn ingesteld, dan worden accounts zonder login na het ingestelde "
            "aantal maanden verwijderd, na twee waarschuwingsmails. Downloadbestanden worden verwijderd "
            "na één download of als de link verloopt. Een anonieme notitie dat een account is gewist en "
            "het auditlog (alleen accountnummers) blijven bewaard om te tonen dat verzoeken zijn "
            "afgehandeld.</p> <h2>Uw rechten</h2><ul> <li><b>Inzien en downloaden</b>: op uw "
            "accountpagina maakt „Mijn gegevens downloaden” een ZIP-bestand met alles wat we over u "
            "bewaren.</li> <li><b>Account verwijderen</b>: op uw accountpagina „Mijn account "
            "verwijderen”. Uw persoonsgegevens worden gewist, uw leerregistraties hier en bij elke "
            "externe opslag ongeldig verklaard, certificaten tonen uw naam niet meer.</li> "
            "<li><b>Rectificatie, beperking, bezwaar</b>: schrijf naar het contactadres; een beheerder "
            "kan uw gegevens op verzoek ook exporteren of wissen.</li> <li><b>Klacht</b> indienen bij "
            "de Autoriteit Persoonsgegevens of de toezichthouder in uw land.</li></ul> "
            "<h2>Wijzigingen</h2><p>Verandert deze verklaring op een belangrijk punt, dan vragen we bij "
            "uw volgende login opnieuw om uw toestemming.</p>",
        ),
        "imprint": (
            "Colofon",
            "Wie dit platform beheert.",
            "<p>COME IN Academy is een demonstratie van een leerplatform voor werkgevers, "
            "geïnspireerd op het Erasmus+-project COME IN.</p>",
        ),
    },
    "ar": {
        "title": "الرئيسية",
        "hero_title": "وظّف اللاجئين والمهاجرين بثقة، وساعدهم على البقاء",
        "hero_text": (
            "دورات قصيرة وعملية لأصحاب العمل: ما يسمح به القانون في بلدك، وكيف تقود فريقاً متعدد الثقافات، "
            "وكيف تخطط للأشهر الأولى لزميل جديد خطوة بخطوة."
        ),
        "offers": [
            (
                "التوظيف القانوني حسب البلد",
                "تصاريح العمل ومدة صلاحيتها والاعتراف بالمؤهلات، مشروحة لفرق "
                "الموارد البشرية مع قوائم تحقق جاهزة للاستخدام.",
            ),
            (
                "تمثيل أدوار بين الثقافات",
                "تدرّب على محادثات حقيقية في مكان العمل من ثلاث زوايا: الموظف الجديد والزميل والمدير.",
            ),
            (
                "منشئ خطة الاندماج",
                "حوّل النوايا الحسنة إلى خطة فيها خطوات ومسؤولون ومواعيد وتذكيرات، انطلاقاً من قوالب لكل قطاع.",
            ),
            ("أفضل الممارسات", "ستة وثلاثون مثالاً من اثني عشر بلداً لشركات وظّفت اللاجئين ودمجتهم."),
        ],
        "audiences": [
            (
                "مديرو الموارد البشرية وقادة الفرق",
                "تعلّم بالسرعة التي تناسبك، وتابع من حيث توقفت، واحصل على شهادة.",
                "ابدأ التعلّم",
                "/ar/accounts/signup/",
            ),
            (
                "المدرّبون",
                "أدِر ورش العمل بالمنصة وتابع تقدّم مجموعتك مباشرة.",
                "أنشئ حساب مدرّب",
                "/ar/accounts/signup/",
            ),
            (
                "الشركات",
                "أنشئ خطة اندماج لكل موظف جديد وتابع تدريب فريقك.",
                "خطّط للاندماج",
                "/ar/accounts/signup/",
            ),
        ],
        "privacy": (
            "سياسة الخصوصية",
            "ما تحفظه هذه المنصة عنك، ولماذا، وإلى متى، وكيف تطّلع عليه أو تحذفه.",
            "<h2>الجهة المسؤولة</h2><p>الجهة المشغّلة للمنصة المذكورة في بيانات الناشر هي المسؤولة عن "
            "بياناتك الشخصية. يمكنك مراسلتنا على عنوان التواصل في أسفل الصفحة.</p> <h2>ما نحفظه "
            "ولماذا</h2><ul> <li><b>حسابك</b> (الاسم، البريد الإلكتروني، اللغة، المؤسسات والأدوار): "
            "لتتمكن من تسجيل الدخول ورؤية دورات مؤسستك. الأساس القانوني: اتفاقنا معك (المادة 6(1)(ب) من "
            "اللائحة العامة لحماية البيانات).</li> <li><b>سجلات التعلّم</b> (التسجيل في الدورات، "
            "التقدّم، إجابات الاختبارات والتأملات، نتائج H5P والحالة المحفوظة، اختياراتك في "
            "السيناريوهات، الشهادات): لتتابع وتُكمل الدورات وتحصل على الشهادات. الأساس القانوني: "
            "موافقتك عند التسجيل (المادة 6(1)(أ))، ويمكنك سحبها بحذف حسابك.</li> <li><b>عبارات "
            "xAPI</b>: سجلات موحّدة لأحداث التعلّم، محفوظة تحت معرّف مستعار وليس تحت بريدك الإلكتروني. "
            "إذا كان لدى صاحب العمل أو جهة التدريب مخزن سجلات تعلّم خاص به، تُرسل إليه عبارات "
            "أعضائه.</li> <li><b>ورش العمل والخطط</b>: المجموعات التي تشارك فيها (الحضور والتقييمات)، "
            "وخطط الاندماج التي تكون فيها الموظف الجديد (الاسم، اللغات، تاريخ البدء، نوع تصريح الإقامة "
            "وتاريخ انتهائه)، يُدخلها صاحب العمل لتنظيم أشهرك الأولى. الأساس القانوني: المصلحة المشروعة "
            "لصاحب العمل في بداية جيدة (المادة 6(1)(و))؛ تاريخ انتهاء التصريح ضروري لتذكير قسم الموارد "
            "البشرية في الوقت المناسب.</li> <li><b>الحالات العملية</b> التي ترسلها إلى مكتبة "
            "الحالات.</li></ul> <h2>مدة الحفظ</h2><p>طوال وجود حسابك. إذا فعّل المسؤول مدة الاحتفاظ، "
            "تُحذف الحسابات التي لم يُسجَّل الدخول إليها خلال عدد الأشهر المحدد، بعد رسالتَي تحذير. "
            "تُحذف ملفات التنزيل بعد تنزيلها مرة واحدة أو عند انتهاء صلاحية الرابط. يبقى سجل مجهول "
            "الهوية بأن حساباً قد حُذف، وسجل التدقيق (بأرقام الحسابات فقط)، لإثبات أن الطلبات "
            "نُفّذت.</p> <h2>حقوقك</h2><ul> <li><b>الاطلاع والتنزيل</b>: في صفحة حسابك، يُعدّ «تنزيل "
            "بياناتي» ملف ZIP بكل ما نحفظه عنك.</li> <li><b>حذف الحساب</b>: في صفحة حسابك، «حذف حسابي». "
            "تُمحى بياناتك الشخصية، وتُلغى سجلات تعلّمك هنا وفي كل مخزن خارجي، ولا تعود الشهادات تُظهر "
            "اسمك.</li> <li><b>التصحيح أو التقييد أو الاعتراض</b>: راسلنا على عنوان التواصل؛ ويمكن "
            "للمسؤول أيضاً تصدير بياناتك أو محوها بناءً على طلبك.</li> <li><b>تقديم شكوى</b> إلى هيئة "
            "حماية البيانات المختصة.</li></ul> <h2>التغييرات</h2><p>إذا تغيّرت هذه السياسة تغييراً "
            "مهماً، نطلب موافقتك من جديد عند تسجيل دخولك التالي.</p>",
        ),
        "imprint": (
            "بيانات الناشر",
            "من يدير هذه المنصة.",
            "<p>أكاديمية COME IN نسخة تجريبية من منصة تدريب لأصحاب العمل مستوحاة من مشروع "
            "إيراسموس+ COME IN.</p>",
        ),
    },
}


def _stream(kind, items):
    if kind == "offer":
        return [("offer", {"title": title, "text": text}) for title, text in items]
    return [
        ("audience", {"audience": a, "text": t, "call_to_action": c, "page": None, "url": u})
        for a, t, c, u in items
    ]


def _fill_home(page, content):
    page.title = content["title"]
    page.hero_title = content["hero_title"]
    page.hero_text = content["hero_text"]
    page.offers = _stream("offer", content["offers"])
    page.audiences = _stream("audience", content["audiences"])


def _standard_page(parent, slug, content, show_in_menus=False):
    title, intro, body = content
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = StandardPage(title=title, slug=slug, intro=intro, body=body, show_in_menus=show_in_menus)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_locales():
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


@transaction.atomic
def load():
    ensure_locales()
    en = Locale.objects.get(language_code="en")
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=en).first()
    created = []
    if home is None:
        root = Page.get_first_root_node()
        if root is None:
            # A flushed database (transactional tests) has lost the tree root Wagtail's migration made.
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=en))
        home = HomePage(slug="home-en", locale=en)
        _fill_home(home, HOME["en"])
        root.add_child(instance=home)
        home.save_revision().publish()
        created.append("home page")
        if site is None:
            site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        else:
            old_root = site.root_page
            site.root_page = home
            site.site_name = "COME IN Academy"
            site.save()
            # Wagtail's placeholder welcome page is replaced by the real home page.
            if old_root.pk != home.pk and not old_root.specific_class == HomePage:
                old_root.delete()
    homes = {"en": home}
    for code in ("de", "nl", "ar"):
        locale = Locale.objects.get(language_code=code)
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
            translated = translated.specific
            _fill_home(translated, HOME[code])
            translated.slug = f"home-{code}"
            translated.save_revision().publish()
            created.append(f"home page ({code})")
        homes[code] = translated.specific

    pages = {
        "en": (
            _standard_page(home, "privacy", HOME["en"]["privacy"]),
            _standard_page(home, "imprint", HOME["en"]["imprint"]),
        )
    }
    for code in ("de", "nl", "ar"):
        locale = Locale.objects.get(language_code=code)
        translated_pages = []
        for index, key in enumerate(("privacy", "imprint")):
            source = pages["en"][index]
            page = source.get_translation_or_none(locale)
            if page is None:
                # copy_for_translation places the copy under the translated home and shares the
                # translation key, so the language switcher finds it.
                page = source.copy_for_translation(locale).specific
                page.title, page.intro, page.body = HOME[code][key]
                page.save_revision().publish()
                created.append(f"{key} page ({code})")
            translated_pages.append(page.specific)
        pages[code] = tuple(translated_pages)

    footer = FooterSettings.for_site(site)
    if footer.privacy_page_id is None:
        footer.privacy_page = pages["en"][0]
        footer.imprint_page = pages["en"][1]
        footer.contact_email = "hello@comein.example"
        footer.save()
    return created
