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
            "How this platform handles your personal data.",
            "<p>We record your learning progress so you can resume and earn certificates. Learning "
            "records use a pseudonymous identifier, not your email address. You can ask for an "
            "export or the erasure of your data at any time.</p>",
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
            "Wie diese Plattform mit Ihren Daten umgeht.",
            "<p>Wir speichern Ihren Lernfortschritt, damit Sie weitermachen und Zertifikate erhalten "
            "können. Lerndaten verwenden eine pseudonyme Kennung, nicht Ihre E-Mail-Adresse.</p>",
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
            "Hoe dit platform met uw gegevens omgaat.",
            "<p>We bewaren uw leervoortgang zodat u verder kunt gaan en certificaten behaalt. "
            "Leergegevens gebruiken een pseudoniem, niet uw e-mailadres.</p>",
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
            "كيف تتعامل هذه المنصة مع بياناتك.",
            "<p>نحفظ تقدّمك في التعلّم لتتمكن من المتابعة والحصول على الشهادات. تستخدم سجلات التعلّم "
            "معرّفاً مستعاراً وليس بريدك الإلكتروني.</p>",
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
