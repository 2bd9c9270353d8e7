# ruff: noqa: E501 -- prose in three languages; the formatter already wrapped what it can
"""The six demo role-plays, in English and German (the first one also in Arabic).

Situations come from the COME IN research report: role-plays between migrant workers, their
co-workers and their managers; the logistics training at Katoen Natie in Antwerp with basic Dutch;
the Bulgarian employer fined nearly 8,000 dollars because two refugees' temporary work permits
ran out; equality bodies such as Italy's UNAR. The wording is our own.

Each text is a dict of language → text. Effects are (awareness, knowledge, skills)."""


def T(en, de, ar=None):
    texts = {"en": en, "de": de}
    if ar is not None:
        texts["ar"] = ar
    return texts


def C(key, leads_to, effects, text, feedback):
    return {"key": key, "leads_to": leads_to, "effects": effects, "text": text, "feedback": feedback}


def S(key, role, title, text, choices, start=False, prompt=None, max_visits=1):
    return {
        "key": key,
        "role": role,
        "title": title,
        "text": text,
        "choices": choices,
        "start": start,
        "prompt": prompt,
        "max_visits": max_visits,
    }


def R(key, name, description):
    return {"key": key, "name": name, "description": description}


def E(key, title, debrief):
    return {"key": key, "title": title, "debrief": debrief}


FIRST_DAY = {
    "slug": "first-day",
    "mode": "turn",
    "title": T(
        "The first day: a welcome that goes wrong",
        "Der erste Tag: ein Empfang, der schiefgeht",
        "اليوم الأول: استقبال لا يسير كما ينبغي",
    ),
    "summary": T(
        "Samir starts in the warehouse today. Nobody at the gate expects him. Four people can still "
        "turn the day around.",
        "Samir fängt heute im Lager an. Am Empfang rechnet niemand mit ihm. Vier Menschen können den Tag "
        "noch retten.",
        "يبدأ سمير العمل في المستودع اليوم، ولا أحد عند المدخل ينتظره. ما زال بإمكان أربعة أشخاص إنقاذ اليوم.",
    ),
    "roles": [
        R(
            "newcomer",
            T("Samir, the new colleague", "Samir, der neue Kollege", "سمير، الزميل الجديد"),
            T(
                "Came from Syria three years ago, trained as an electrician, first job in this company.",
                "Kam vor drei Jahren aus Syrien, gelernter Elektriker, erste Stelle in diesem Unternehmen.",
                "جاء من سوريا قبل ثلاث سنوات، كهربائي متدرّب، وهذه أول وظيفة له في الشركة.",
            ),
        ),
        R(
            "hr",
            T("Petra, HR officer", "Petra, Personalreferentin", "بترا، موظفة الموارد البشرية"),
            T(
                "Signed Samir's contract and planned his start.",
                "Hat Samirs Vertrag vorbereitet und seinen Start geplant.",
                "أعدّت عقد سمير وخطّطت ليوم بدايته.",
            ),
        ),
        R(
            "colleague",
            T("Jana, co-worker", "Jana, Kollegin", "يانا، زميلة في الفريق"),
            T(
                "Has worked in the team for eight years and is very busy this week.",
                "Arbeitet seit acht Jahren im Team und hat diese Woche viel zu tun.",
                "تعمل في الفريق منذ ثماني سنوات، وأسبوعها مزدحم جداً.",
            ),
        ),
        R(
            "lead",
            T("Mr Becker, team lead", "Herr Becker, Teamleiter", "السيد بيكر، قائد الفريق"),
            T(
                "Responsible for the shift and for Samir's first months.",
                "Verantwortlich für die Schicht und für Samirs erste Monate.",
                "مسؤول عن الوردية وعن الأشهر الأولى لسمير.",
            ),
        ),
    ],
    "scenes": [
        S(
            "arrival",
            "hr",
            T("Seven o'clock at the gate", "Sieben Uhr am Tor", "السابعة صباحاً عند البوابة"),
            T(
                "Samir arrives on time. The gatekeeper has no badge for him and no name on the list. He calls "
                "HR. Petra realises the badge request was never sent.",
                "Samir kommt pünktlich. Der Pförtner hat keinen Ausweis für ihn und keinen Namen auf der Liste. "
                "Er ruft die Personalabteilung an. Petra merkt, dass der Ausweis nie beantragt wurde.",
                "يصل سمير في الموعد. لا يملك الحارس بطاقة له ولا يجد اسمه في القائمة، فيتصل بالموارد البشرية. "
                "تدرك بترا أن طلب البطاقة لم يُرسل أصلاً.",
            ),
            [
                C(
                    "fetch",
                    "team",
                    (2, 0, 1),
                    T(
                        "Go to the gate, apologise, arrange a visitor badge and walk Samir to his team yourself",
                        "Zum Tor gehen, sich entschuldigen, einen Besucherausweis besorgen und Samir selbst zum Team "
                        "bringen",
                        "الذهاب إلى البوابة والاعتذار وتدبير بطاقة زائر ومرافقة سمير بنفسك إلى فريقه",
                    ),
                    T(
                        "Owning the mistake in person tells Samir he is expected after all.",
                        "Wer den Fehler persönlich ausbügelt, zeigt Samir, dass er doch erwartet wird.",
                        "الاعتراف بالخطأ شخصياً يُظهر لسمير أنه كان منتظَراً بالفعل.",
                    ),
                ),
                C(
                    "wait",
                    "lobby",
                    (-1, 0, 0),
                    T(
                        "Ask the gatekeeper to let Samir wait in the lobby until the team lead has time",
                        "Den Pförtner bitten, Samir in der Eingangshalle warten zu lassen, bis der Teamleiter Zeit hat",
                        "الطلب من الحارس أن يترك سمير ينتظر في الردهة حتى يتفرغ قائد الفريق",
                    ),
                    T(
                        "It saves you ten minutes, but Samir's first hour at the company is spent alone on a bench.",
                        "Das spart Ihnen zehn Minuten, aber Samir verbringt seine erste Stunde allein auf einer Bank.",
                        "يوفّر هذا عليك عشر دقائق، لكن سمير يقضي ساعته الأولى وحيداً على مقعد.",
                    ),
                ),
            ],
            start=True,
            prompt=T(
                "How were you welcomed on your own first day at work?",
                "Wie wurden Sie an Ihrem eigenen ersten Arbeitstag empfangen?",
                "كيف استُقبلت أنت في أول يوم عمل لك؟",
            ),
        ),
        S(
            "lobby",
            "newcomer",
            T("An hour in the lobby", "Eine Stunde in der Eingangshalle", "ساعة في الردهة"),
            T(
                "People pass by without a word. Samir is not sure whether he got the date wrong.",
                "Menschen gehen wortlos vorbei. Samir ist unsicher, ob er sich im Datum geirrt hat.",
                "يمرّ الناس دون كلمة. لم يعد سمير متأكداً إن كان قد أخطأ في التاريخ.",
            ),
            [
                C(
                    "ask",
                    "team",
                    (1, 0, 1),
                    T(
                        "Go back to the gate and ask politely whom else you could call",
                        "Zum Tor zurückgehen und höflich fragen, wen man sonst anrufen könnte",
                        "العودة إلى البوابة والسؤال بلطف عن شخص آخر يمكن الاتصال به",
                    ),
                    T(
                        "Asking again is hard on a first day; it gets things moving.",
                        "Noch einmal zu fragen ist am ersten Tag schwer – aber es bringt Bewegung in die Sache.",
                        "السؤال مرة أخرى صعب في اليوم الأول، لكنه يحرّك الأمور.",
                    ),
                ),
                C(
                    "silent",
                    "team",
                    (0, 0, -1),
                    T(
                        "Keep waiting and say nothing",
                        "Weiter warten und nichts sagen",
                        "الاستمرار في الانتظار دون كلام",
                    ),
                    T(
                        "Waiting quietly is polite, but nobody learns that something went wrong.",
                        "Still zu warten ist höflich, doch so erfährt niemand, dass etwas schiefgelaufen ist.",
                        "الانتظار بصمت مهذّب، لكن لا أحد يعرف أن هناك خطأ ما.",
                    ),
                ),
            ],
        ),
        S(
            "team",
            "colleague",
            T("Meeting the team", "Das Team kennenlernen", "التعرّف على الفريق"),
            T(
                "Mr Becker introduces Samir in one sentence and gets his name wrong. Someone makes a joke about "
                "it. Then everyone goes back to work, and Jana is asked to show Samir around.",
                "Herr Becker stellt Samir in einem Satz vor und spricht seinen Namen falsch aus. Jemand macht "
                "einen Witz darüber. Dann gehen alle an die Arbeit, und Jana soll Samir herumführen.",
                "يقدّم السيد بيكر سمير بجملة واحدة ويلفظ اسمه خطأً، فيطلق أحدهم نكتة على ذلك. ثم يعود الجميع "
                "إلى العمل، ويُطلب من يانا أن تعرّف سمير على المكان.",
            ),
            [
                C(
                    "name",
                    "lead",
                    (2, 0, 1),
                    T(
                        "Ask Samir how his name is said, and introduce him properly to the people at each station",
                        "Samir fragen, wie sein Name ausgesprochen wird, und ihn an jeder Station richtig vorstellen",
                        "سؤال سمير عن النطق الصحيح لاسمه وتقديمه كما ينبغي للزملاء في كل محطة",
                    ),
                    T(
                        "A name said right is a small thing that people remember for years.",
                        "Ein richtig ausgesprochener Name ist eine Kleinigkeit, an die man sich jahrelang erinnert.",
                        "نطق الاسم بشكل صحيح أمر صغير يتذكّره الناس سنوات.",
                    ),
                ),
                C(
                    "buddy",
                    "lead",
                    (1, 1, 2),
                    T(
                        "Offer to be Samir's buddy for the first weeks and show him the break room and the rota",
                        "Anbieten, in den ersten Wochen Samirs Patin zu sein, und ihm Pausenraum und Dienstplan zeigen",
                        "عرض أن تكوني مرافقة سمير في الأسابيع الأولى وإطلاعه على غرفة الاستراحة وجدول الورديات",
                    ),
                    T(
                        "A named person to ask is one of the strongest ways to help someone stay.",
                        "Eine feste Ansprechperson ist eines der wirksamsten Mittel, damit jemand bleibt.",
                        "وجود شخص محدّد يمكن سؤاله من أقوى الطرق لمساعدة شخص على البقاء.",
                    ),
                ),
                C(
                    "laugh",
                    "lead",
                    (-2, 0, 0),
                    T(
                        "Laugh along, show him his locker and get back to your own work",
                        "Mitlachen, ihm seinen Spind zeigen und zurück an die eigene Arbeit",
                        "الضحك مع الآخرين، وإراءته خزانته، ثم العودة إلى عملك",
                    ),
                    T(
                        "The joke felt harmless to the team; to Samir it said that he is the odd one out.",
                        "Dem Team kam der Witz harmlos vor; Samir hörte darin, dass er nicht dazugehört.",
                        "بدت النكتة بريئة للفريق، لكنها قالت لسمير إنه الغريب بينهم.",
                    ),
                ),
            ],
            prompt=T(
                "What does a joke about a name do to someone who is new?",
                "Was bewirkt ein Witz über einen Namen bei jemandem, der neu ist?",
                "ما أثر نكتة عن الاسم على شخص جديد؟",
            ),
        ),
        S(
            "lead",
            "lead",
            T("End of the shift", "Schichtende", "نهاية الوردية"),
            T(
                "Samir was quiet all day. He did everything he was shown, but asked nothing.",
                "Samir war den ganzen Tag still. Er hat alles gemacht, was man ihm gezeigt hat, aber nichts "
                "gefragt.",
                "كان سمير هادئاً طوال اليوم. نفّذ كل ما عُرض عليه، لكنه لم يسأل عن شيء.",
            ),
            [
                C(
                    "plan",
                    "welcomed",
                    (1, 1, 2),
                    T(
                        "Sit down with Samir for ten minutes: apologise for the morning, go through the plan for the "
                        "week and agree when you will talk again",
                        "Sich zehn Minuten mit Samir zusammensetzen: für den Morgen entschuldigen, den Wochenplan "
                        "durchgehen und das nächste Gespräch vereinbaren",
                        "الجلوس مع سمير عشر دقائق: الاعتذار عمّا جرى صباحاً، ومراجعة خطة الأسبوع، والاتفاق على موعد "
                        "الحديث القادم",
                    ),
                    T(
                        "Ten minutes at the end of day one set the tone for the months after.",
                        "Zehn Minuten am Ende des ersten Tages bestimmen den Ton der folgenden Monate.",
                        "عشر دقائق في نهاية اليوم الأول تحدّد طابع الأشهر التالية.",
                    ),
                ),
                C(
                    "assume",
                    "quiet",
                    (-1, 0, -1),
                    T(
                        "He did not complain, so the day went fine",
                        "Er hat sich nicht beschwert, also lief der Tag gut",
                        "لم يشتكِ، إذن سار اليوم على ما يرام",
                    ),
                    T(
                        "Silence is not agreement. Many newcomers will not complain to a manager in their first weeks.",
                        "Schweigen ist keine Zustimmung. Viele Neue beschweren sich in den ersten Wochen nicht bei "
                        "der Leitung.",
                        "الصمت ليس موافقة. كثير من الجدد لا يشتكون للمدير في أسابيعهم الأولى.",
                    ),
                ),
            ],
        ),
    ],
    "endings": [
        E(
            "welcomed",
            T("A second first day", "Ein zweiter erster Tag", "يوم أول ثانٍ"),
            T(
                "The morning went wrong, and that was repaired in person. Samir knows whom to ask, what his "
                "week looks like and that his name matters here. A planned welcome (badge, buddy, a first-week "
                "plan) avoids most of what happened.",
                "Der Morgen ging schief, und das wurde persönlich wieder gutgemacht. Samir weiß, wen er fragen "
                "kann, wie seine Woche aussieht und dass sein Name hier zählt. Ein geplanter Empfang (Ausweis, "
                "Pate, Plan für die erste Woche) verhindert das meiste, was passiert ist.",
                "ساء الصباح، لكن ذلك أُصلح وجهاً لوجه. يعرف سمير الآن من يسأل، وكيف يبدو أسبوعه، وأن اسمه له "
                "قيمة هنا. الاستقبال المخطَّط (بطاقة، مرافق، خطة للأسبوع الأول) يمنع معظم ما حدث.",
            ),
        ),
        E(
            "quiet",
            T("He did not come back", "Er kam nicht wieder", "لم يعد"),
            T(
                "Three weeks later Samir hands in his notice: he says he found something closer to home. In "
                "the exit talk it turns out he never felt expected. Early turnover is expensive; the first day "
                "is where it starts.",
                "Drei Wochen später kündigt Samir: Er habe etwas näher an seiner Wohnung gefunden. Im "
                "Abschlussgespräch zeigt sich, dass er sich nie erwartet gefühlt hat. Frühe Fluktuation ist "
                "teuer – und sie beginnt am ersten Tag.",
                "بعد ثلاثة أسابيع يقدّم سمير استقالته، ويقول إنه وجد عملاً أقرب إلى بيته. في مقابلة المغادرة "
                "يتّضح أنه لم يشعر قط بأنه كان منتظَراً. ترك العمل المبكر مكلف، ويبدأ من اليوم الأول.",
            ),
        ),
    ],
}

RAMADAN = {
    "slug": "shift-planning-during-ramadan",
    "mode": "vote",
    "title": T("Shift planning during Ramadan", "Schichtplanung im Ramadan"),
    "summary": T(
        "It is summer, the warehouse is hot, and Bilal asks for an early shift while he fasts. How does "
        "the team plan fairly?",
        "Es ist Sommer, im Lager ist es heiß, und Bilal bittet während des Fastens um eine Frühschicht. "
        "Wie plant das Team gerecht?",
    ),
    "roles": [
        R(
            "lead",
            T("Ines, shift lead", "Ines, Schichtleiterin"),
            T("Makes the rota for twelve people.", "Erstellt den Dienstplan für zwölf Personen."),
        ),
        R(
            "worker",
            T("Bilal, warehouse worker", "Bilal, Lagerarbeiter"),
            T(
                "Fasts during Ramadan and has worked here for a year.",
                "Fastet im Ramadan und arbeitet seit einem Jahr hier.",
            ),
        ),
        R(
            "colleague",
            T("Tom, co-worker", "Tom, Kollege"),
            T("Prefers early shifts himself.", "Arbeitet selbst am liebsten früh."),
        ),
        R(
            "hr",
            T("Mehmet, HR adviser", "Mehmet, Personalberater"),
            T(
                "Knows the working-time rules and the works agreement.",
                "Kennt die Arbeitszeitregeln und die Betriebsvereinbarung.",
            ),
        ),
    ],
    "scenes": [
        S(
            "request",
            "lead",
            T("A request for the early shift", "Die Bitte um die Frühschicht"),
            T(
                "Bilal asks Ines whether he can work early shifts for the four weeks of Ramadan, so that he can "
                "break his fast at home with his family. The rota for next month is almost finished.",
                "Bilal fragt Ines, ob er in den vier Wochen des Ramadan Frühschicht arbeiten kann, um das Fasten "
                "zu Hause mit der Familie zu brechen. Der Dienstplan für den nächsten Monat ist fast fertig.",
            ),
            [
                C(
                    "check",
                    "options",
                    (1, 2, 0),
                    T(
                        "Look at the rota and the rules first, then sit down with Bilal to look at options",
                        "Erst Dienstplan und Regeln ansehen, dann mit Bilal Möglichkeiten besprechen",
                    ),
                    T(
                        "Taking the request seriously, and knowing your room for manoeuvre, makes a fair answer "
                        "possible.",
                        "Wer die Bitte ernst nimmt und den eigenen Spielraum kennt, kann fair antworten.",
                    ),
                ),
                C(
                    "open",
                    "team",
                    (1, 0, 1),
                    T(
                        "Ask the team at the morning meeting who would swap shifts with Bilal",
                        "In der Morgenrunde fragen, wer mit Bilal Schichten tauschen würde",
                    ),
                    T(
                        "Open swapping can work, but ask Bilal first whether he wants his fasting discussed in "
                        "front of everyone.",
                        "Offenes Tauschen kann funktionieren – aber fragen Sie Bilal vorher, ob er sein Fasten vor "
                        "allen besprechen möchte.",
                    ),
                ),
                C(
                    "fixed",
                    "friction",
                    (-2, 0, 0),
                    T(
                        "Say the rota is fixed and that everyone is treated the same",
                        "Sagen, der Plan stehe fest und alle würden gleich behandelt",
                    ),
                    T(
                        "Identical treatment is not the same as fair treatment; the refusal is heard as 'your "
                        "needs do not count here'.",
                        "Gleiche Behandlung ist nicht dasselbe wie faire Behandlung; die Absage kommt an als "
                        "„deine Bedürfnisse zählen hier nicht“.",
                    ),
                ),
            ],
            start=True,
            prompt=T(
                "Which requests for a different schedule does your company already grant (childcare, "
                "studies, sport)?",
                "Welche Wünsche nach anderen Arbeitszeiten erfüllt Ihr Unternehmen bereits (Kinderbetreuung, "
                "Studium, Sport)?",
            ),
        ),
        S(
            "team",
            "colleague",
            T("Tom's offer", "Toms Angebot"),
            T(
                "Tom says he would give Bilal his early shifts, but then he wants the week between Christmas "
                "and New Year off.",
                "Tom sagt, er würde Bilal seine Frühschichten geben, möchte dafür aber die Woche zwischen "
                "Weihnachten und Neujahr frei haben.",
            ),
            [
                C(
                    "deal",
                    "heat",
                    (1, 1, 1),
                    T(
                        "Agree on the swap both ways and put it in the rota for everyone to see",
                        "Den Tausch in beide Richtungen vereinbaren und für alle sichtbar in den Plan schreiben",
                    ),
                    T(
                        "A visible swap that helps both sides turns a special favour into a team habit.",
                        "Ein sichtbarer Tausch, der beiden hilft, macht aus einer Ausnahme eine Teamgewohnheit.",
                    ),
                ),
                C(
                    "grumble",
                    "friction",
                    (-2, 0, 0),
                    T(
                        "Say out loud that some people always get special treatment",
                        "Laut sagen, dass manche immer eine Extrawurst bekommen",
                    ),
                    T(
                        "The remark puts Bilal's religion at the centre of a scheduling question.",
                        "Die Bemerkung rückt Bilals Religion in den Mittelpunkt einer Planungsfrage.",
                    ),
                ),
            ],
        ),
        S(
            "options",
            "worker",
            T("Two options", "Zwei Möglichkeiten"),
            T(
                "Ines offers Bilal early shifts in three of the four weeks, or his usual shift with a break at "
                "sunset.",
                "Ines bietet Bilal Frühschichten in drei der vier Wochen an oder seine übliche Schicht mit einer "
                "Pause bei Sonnenuntergang.",
            ),
            [
                C(
                    "take",
                    "heat",
                    (1, 0, 2),
                    T(
                        "Take the early shifts and offer to cover a late shift for a colleague after Eid",
                        "Die Frühschichten nehmen und anbieten, nach dem Fest eine Spätschicht für jemanden zu "
                        "übernehmen",
                    ),
                    T(
                        "Offering something back makes the arrangement easy for the team to accept.",
                        "Etwas zurückzugeben macht es dem Team leicht, die Lösung mitzutragen.",
                    ),
                ),
                C(
                    "manage",
                    "heat",
                    (0, -1, 0),
                    T(
                        "Say you will manage as before and skip the sunset break",
                        "Sagen, es gehe schon wie bisher, und auf die Pause verzichten",
                    ),
                    T(
                        "Not wanting to be a burden is understandable, but it leaves a real health risk unspoken.",
                        "Niemandem zur Last fallen zu wollen ist verständlich, lässt aber ein echtes "
                        "Gesundheitsrisiko unausgesprochen.",
                    ),
                ),
            ],
        ),
        S(
            "friction",
            "hr",
            T("Tension in the team", "Spannung im Team"),
            T(
                "Two days later there is muttering in the break room. Bilal has stopped eating lunch with the "
                "others, although he is not fasting at lunch time on the weekend shift either.",
                "Zwei Tage später wird im Pausenraum getuschelt. Bilal isst nicht mehr mit den anderen, obwohl er "
                "auch am Wochenende in der Mittagspause gar nicht fastet.",
            ),
            [
                C(
                    "explain",
                    "heat",
                    (2, 1, 1),
                    T(
                        "Bring the team together, explain that fair does not mean identical, and set up a "
                        "swap list anyone can use",
                        "Das Team zusammenholen, erklären, dass fair nicht gleich heißt, und eine Tauschliste für "
                        "alle einrichten",
                    ),
                    T(
                        "A rule everyone can use (swaps for any good reason) takes the heat out of one person's "
                        "request.",
                        "Eine Regel für alle (Tausch aus jedem guten Grund) nimmt dem Wunsch einer Person die "
                        "Schärfe.",
                    ),
                ),
                C(
                    "leave",
                    "resentment",
                    (0, 0, -1),
                    T("Leave it to the team to sort out", "Das dem Team überlassen"),
                    T(
                        "Conflicts about fairness rarely sort themselves out; they go underground.",
                        "Konflikte um Gerechtigkeit lösen sich selten von selbst – sie gehen in den Untergrund.",
                    ),
                ),
            ],
        ),
        S(
            "heat",
            "lead",
            T("The hottest week", "Die heißeste Woche"),
            T(
                "In the last week of Ramadan it is 32 degrees in the hall. The afternoon has the heaviest "
                "loading. Three people on the shift are fasting.",
                "In der letzten Ramadan-Woche hat die Halle 32 Grad. Am Nachmittag wird am meisten verladen. "
                "Drei Personen in der Schicht fasten.",
            ),
            [
                C(
                    "morning",
                    "fair-plan",
                    (1, 2, 1),
                    T(
                        "Move the heaviest loading to the morning and agree that anyone feeling unwell stops and "
                        "says so",
                        "Das schwerste Verladen auf den Morgen legen und vereinbaren, dass jede und jeder bei "
                        "Unwohlsein aufhört und Bescheid sagt",
                    ),
                    T(
                        "Planning for heat protects everyone, fasting or not, and nobody has to ask for an "
                        "exception.",
                        "Hitzeplanung schützt alle, ob sie fasten oder nicht, und niemand muss um eine Ausnahme "
                        "bitten.",
                    ),
                ),
                C(
                    "own-choice",
                    "risk",
                    (-1, -1, 0),
                    T(
                        "Keep the plan: fasting is each person's own choice",
                        "Den Plan lassen: Fasten ist die eigene Entscheidung",
                    ),
                    T(
                        "The choice to fast is personal; the duty to organise safe work is the employer's.",
                        "Fasten ist eine persönliche Entscheidung; sichere Arbeit zu organisieren ist Pflicht des "
                        "Arbeitgebers.",
                    ),
                ),
            ],
            prompt=T(
                "Who is responsible for health at work when someone fasts?",
                "Wer ist für die Gesundheit bei der Arbeit verantwortlich, wenn jemand fastet?",
            ),
        ),
    ],
    "endings": [
        E(
            "fair-plan",
            T("A rota that works for everyone", "Ein Plan, der für alle passt"),
            T(
                "Swaps were agreed openly, the heavy work moved to the cooler hours and nobody had to justify "
                "their faith. The same swap list now helps parents in the school holidays.",
                "Tausche wurden offen vereinbart, die schwere Arbeit in kühlere Stunden gelegt, und niemand musste "
                "seinen Glauben rechtfertigen. Dieselbe Tauschliste hilft jetzt Eltern in den Schulferien.",
            ),
        ),
        E(
            "resentment",
            T("Quiet resentment", "Stiller Groll"),
            T(
                "The rota was kept, but the team split into camps. Bilal feels watched, others feel "
                "disadvantaged. Nobody talks about it, and the next request will be harder.",
                "Der Plan blieb, aber das Team hat sich in Lager gespalten. Bilal fühlt sich beobachtet, andere "
                "benachteiligt. Niemand spricht darüber, und der nächste Wunsch wird schwieriger.",
            ),
        ),
        E(
            "risk",
            T("A near collapse", "Fast ein Zusammenbruch"),
            T(
                "On Thursday afternoon a colleague feels dizzy while lifting and has to sit down. It went well "
                "this time. Heat and heavy lifting must be planned, whatever the reason someone is weaker that "
                "day.",
                "Am Donnerstagnachmittag wird einem Kollegen beim Heben schwindlig, er muss sich setzen. Diesmal "
                "ging es gut. Hitze und schweres Heben müssen geplant werden, egal aus welchem Grund jemand an "
                "dem Tag schwächer ist.",
            ),
        ),
    ],
}

FEEDBACK = {
    "slug": "direct-and-indirect-feedback",
    "mode": "turn",
    "title": T("Direct or indirect feedback", "Direktes oder indirektes Feedback"),
    "summary": T(
        "Thirty parcels went out with the wrong labels. Anna is direct, Yonas is used to criticism "
        "being wrapped in politeness. How do they find a way to talk?",
        "Dreißig Pakete gingen mit falschen Etiketten raus. Anna ist direkt, Yonas kennt Kritik eher "
        "höflich verpackt. Wie finden die beiden eine gemeinsame Sprache?",
    ),
    "roles": [
        R(
            "lead",
            T("Anna, team lead", "Anna, Teamleiterin"),
            T("Says what she thinks, quickly and plainly.", "Sagt schnell und klar, was sie denkt."),
        ),
        R(
            "newcomer",
            T("Yonas, new colleague", "Yonas, neuer Kollege"),
            T(
                "From Eritrea, six weeks in the job, careful and proud of his work.",
                "Aus Eritrea, seit sechs Wochen im Job, sorgfältig und stolz auf seine Arbeit.",
            ),
        ),
        R(
            "mentor",
            T("Kerstin, mentor", "Kerstin, Mentorin"),
            T(
                "A senior colleague who volunteered to mentor new staff.",
                "Eine erfahrene Kollegin, die sich als Mentorin für Neue gemeldet hat.",
            ),
        ),
    ],
    "scenes": [
        S(
            "mistake",
            "lead",
            T("Thirty wrong labels", "Dreißig falsche Etiketten"),
            T(
                "A customer calls: thirty parcels arrived with the wrong labels. Yonas packed them yesterday.",
                "Ein Kunde ruft an: Dreißig Pakete kamen mit falschen Etiketten an. Yonas hat sie gestern gepackt.",
            ),
            [
                C(
                    "public",
                    "silence",
                    (-2, 0, 0),
                    T(
                        "Tell him at his station, in front of the others: 'This is wrong. Do it again.'",
                        "Es ihm an seinem Platz vor den anderen sagen: „Das ist falsch. Noch mal machen.“",
                    ),
                    T(
                        "Clear, but in public. For many people criticism in front of others means losing face.",
                        "Klar, aber öffentlich. Für viele bedeutet Kritik vor anderen, das Gesicht zu verlieren.",
                    ),
                ),
                C(
                    "private",
                    "talk",
                    (2, 0, 2),
                    T(
                        "Ask him for a word in private, name the problem and ask how it happened",
                        "Ihn unter vier Augen sprechen, das Problem benennen und fragen, wie es dazu kam",
                    ),
                    T(
                        "Private, specific and curious: the mistake can be discussed without shame.",
                        "Unter vier Augen, konkret und neugierig: So lässt sich der Fehler ohne Scham besprechen.",
                    ),
                ),
                C(
                    "fix",
                    "again",
                    (0, 0, -1),
                    T(
                        "Say nothing and fix the labels yourself",
                        "Nichts sagen und die Etiketten selbst korrigieren",
                    ),
                    T(
                        "It avoids an awkward moment and guarantees the mistake will happen again.",
                        "Das erspart einen unangenehmen Moment – und garantiert, dass der Fehler wieder passiert.",
                    ),
                ),
            ],
            start=True,
            prompt=T(
                "How was criticism given where you grew up, and where you had your first job?",
                "Wie wurde dort, wo Sie aufgewachsen sind, und in Ihrem ersten Job Kritik geäußert?",
            ),
        ),
        S(
            "silence",
            "newcomer",
            T("Yes, no problem", "Ja, kein Problem"),
            T(
                "Yonas says 'yes, no problem' and redoes the parcels. He is ashamed and does not understand why "
                "Anna was so harsh.",
                "Yonas sagt „ja, kein Problem“ und packt neu. Er schämt sich und versteht nicht, warum Anna so "
                "hart war.",
            ),
            [
                C(
                    "mentor",
                    "mentor",
                    (1, 0, 1),
                    T(
                        "Ask Kerstin quietly what you did wrong",
                        "Kerstin leise fragen, was falsch gelaufen ist",
                    ),
                    T(
                        "Finding someone safe to ask is a skill in itself.",
                        "Jemanden zu finden, den man gefahrlos fragen kann, ist schon eine Fähigkeit.",
                    ),
                ),
                C(
                    "avoid",
                    "again",
                    (0, 0, -1),
                    T("Avoid Anna for the rest of the week", "Anna für den Rest der Woche aus dem Weg gehen"),
                    T(
                        "Avoidance protects your pride today and leaves the labels unclear tomorrow.",
                        "Ausweichen schützt heute den Stolz und lässt die Etiketten morgen unklar.",
                    ),
                ),
            ],
        ),
        S(
            "mentor",
            "mentor",
            T("Kerstin explains", "Kerstin erklärt"),
            T(
                "Yonas asks Kerstin whether Anna wants him gone.",
                "Yonas fragt Kerstin, ob Anna ihn loswerden will.",
            ),
            [
                C(
                    "translate",
                    "talk",
                    (1, 2, 0),
                    T(
                        "Explain that Anna's directness is about the task, not about him, and offer to go to her "
                        "together",
                        "Erklären, dass Annas Direktheit die Sache meint, nicht ihn, und anbieten, gemeinsam zu ihr "
                        "zu gehen",
                    ),
                    T(
                        "A mentor who explains the unwritten rules of the workplace makes both sides easier to "
                        "read.",
                        "Eine Mentorin, die die ungeschriebenen Regeln erklärt, macht beide Seiten verständlicher.",
                    ),
                ),
                C(
                    "stereotype",
                    "again",
                    (-1, 0, 0),
                    T(
                        "Say: 'That's just how people are here. Don't take it personally.'",
                        "Sagen: „So sind die Leute hier eben. Nimm es nicht persönlich.“",
                    ),
                    T(
                        "It comforts, but a stereotype explains nothing Yonas can act on.",
                        "Das tröstet, aber ein Klischee erklärt nichts, womit Yonas etwas anfangen kann.",
                    ),
                ),
            ],
        ),
        S(
            "talk",
            "lead",
            T("The conversation", "Das Gespräch"),
            T(
                "Yonas explains that two article numbers looked almost the same and that he did not want to "
                "ask again, because he had asked twice already that day.",
                "Yonas erklärt, dass zwei Artikelnummern fast gleich aussahen und er nicht noch einmal fragen "
                "wollte, weil er an dem Tag schon zweimal gefragt hatte.",
            ),
            [
                C(
                    "check-back",
                    "trust",
                    (1, 1, 2),
                    T(
                        "Agree a check-back: each morning he shows you the first labels; say clearly what is "
                        "good, too",
                        "Eine Rückmeldung vereinbaren: Jeden Morgen zeigt er die ersten Etiketten; auch klar sagen, "
                        "was gut ist",
                    ),
                    T(
                        "Direct feedback works across cultures when it is private, specific and goes both ways.",
                        "Direktes Feedback funktioniert kulturübergreifend, wenn es privat, konkret und "
                        "wechselseitig ist.",
                    ),
                ),
                C(
                    "just-ask",
                    "polite",
                    (0, 0, 0),
                    T(
                        "Tell him he must simply ask next time, and move on",
                        "Ihm sagen, er müsse nächstes Mal einfach fragen, und weitermachen",
                    ),
                    T(
                        "'Just ask' sounds easy; after asking twice in a day, it is not.",
                        "„Frag einfach“ klingt leicht; nach zwei Fragen an einem Tag ist es das nicht.",
                    ),
                ),
            ],
        ),
        S(
            "again",
            "lead",
            T("It happens again", "Es passiert wieder"),
            T(
                "A week later, eleven parcels have the wrong labels. Nobody has talked about the first time.",
                "Eine Woche später haben elf Pakete falsche Etiketten. Über das erste Mal hat niemand gesprochen.",
            ),
            [
                C(
                    "restart",
                    "talk",
                    (1, 0, 1),
                    T(
                        "Start again: a private talk about what makes the labels confusing",
                        "Neu anfangen: ein Gespräch unter vier Augen darüber, was die Etiketten verwirrend macht",
                    ),
                    T(
                        "Better late than never: the second mistake is the chance to talk about the first.",
                        "Besser spät als nie: Der zweite Fehler ist die Chance, über den ersten zu sprechen.",
                    ),
                ),
                C(
                    "warning",
                    "warning",
                    (-2, 0, -1),
                    T("Give him a written warning", "Ihm eine schriftliche Abmahnung geben"),
                    T(
                        "A warning without a conversation punishes the symptom and keeps the cause.",
                        "Eine Abmahnung ohne Gespräch bestraft das Symptom und lässt die Ursache bestehen.",
                    ),
                ),
            ],
        ),
    ],
    "endings": [
        E(
            "trust",
            T("Clear and kind", "Klar und freundlich"),
            T(
                "Anna stays direct, and Yonas now knows it is about the parcels, not about him. The morning "
                "check-back takes two minutes; after three weeks they drop it because it is no longer needed.",
                "Anna bleibt direkt, und Yonas weiß jetzt, dass es um die Pakete geht, nicht um ihn. Die "
                "morgendliche Rückmeldung dauert zwei Minuten; nach drei Wochen lassen sie sie weg, weil sie "
                "nicht mehr nötig ist.",
            ),
        ),
        E(
            "polite",
            T("Polite silence", "Höfliches Schweigen"),
            T(
                "Nothing went wrong again that month, but Yonas asks nobody anything any more. Small problems "
                "now reach Anna only when a customer calls.",
                "In dem Monat ging nichts mehr schief, aber Yonas fragt niemanden mehr etwas. Kleine Probleme "
                "erreichen Anna jetzt erst, wenn ein Kunde anruft.",
            ),
        ),
        E(
            "warning",
            T("A warning instead of a talk", "Abmahnung statt Gespräch"),
            T(
                "Yonas signs the warning and starts looking for another job. The labels that caused the "
                "mistake are still confusing for the next person.",
                "Yonas unterschreibt die Abmahnung und sucht sich eine neue Stelle. Die verwirrenden Etiketten "
                "sind für die nächste Person immer noch verwirrend.",
            ),
        ),
    ],
}

SAFETY = {
    "slug": "safety-instructions-across-a-language-barrier",
    "mode": "vote",
    "title": T("Safety instructions across a language barrier", "Sicherheitsunterweisung über Sprachgrenzen"),
    "summary": T(
        "Hamid starts in a logistics hall with forklifts. His Dutch is basic. The safety briefing must "
        "be understood, not just delivered.",
        "Hamid fängt in einer Logistikhalle mit Gabelstaplern an. Sein Niederländisch ist einfach. Die "
        "Unterweisung muss verstanden werden, nicht nur gehalten.",
    ),
    "roles": [
        R(
            "supervisor",
            T("Marc, safety supervisor", "Marc, Sicherheitsbeauftragter"),
            T("Gives every newcomer the safety briefing.", "Unterweist alle Neuen in Sicherheit."),
        ),
        R(
            "newcomer",
            T("Hamid, new order picker", "Hamid, neuer Kommissionierer"),
            T(
                "Speaks Arabic and basic Dutch and English.",
                "Spricht Arabisch und einfaches Niederländisch und Englisch.",
            ),
        ),
        R(
            "colleague",
            T("Layla, co-worker", "Layla, Kollegin"),
            T(
                "Speaks Arabic and Dutch and knows the hall well.",
                "Spricht Arabisch und Niederländisch und kennt die Halle gut.",
            ),
        ),
    ],
    "scenes": [
        S(
            "briefing",
            "supervisor",
            T("The safety briefing", "Die Sicherheitsunterweisung"),
            T(
                "Marc has twenty minutes before the shift starts. The hall has forklift lanes, horn signals and "
                "a stop rule at every crossing.",
                "Marc hat zwanzig Minuten bis Schichtbeginn. In der Halle gibt es Staplerwege, Hupsignale und eine "
                "Halteregel an jeder Kreuzung.",
            ),
            [
                C(
                    "manual",
                    "check",
                    (0, 0, -1),
                    T(
                        "Read out the safety manual at normal speed",
                        "Das Sicherheitshandbuch in normalem Tempo vorlesen",
                    ),
                    T(
                        "Everything was said; little of it was understood.",
                        "Alles wurde gesagt; wenig davon verstanden.",
                    ),
                ),
                C(
                    "show",
                    "check",
                    (0, 1, 2),
                    T(
                        "Walk the lanes with Hamid, point at the pictograms and use short sentences and gestures",
                        "Mit Hamid die Wege ablaufen, auf die Piktogramme zeigen, kurze Sätze und Gesten benutzen",
                    ),
                    T(
                        "Showing on the spot with simple words is how the Antwerp logistics training worked with "
                        "basic language skills.",
                        "Vor Ort zeigen, mit einfachen Worten: So arbeitete auch die Logistikschulung in Antwerpen "
                        "mit Grundkenntnissen der Sprache.",
                    ),
                ),
                C(
                    "interpreter",
                    "interpret",
                    (1, 0, 1),
                    T(
                        "Ask Layla to interpret the key rules",
                        "Layla bitten, die wichtigsten Regeln zu dolmetschen",
                    ),
                    T(
                        "Using the languages the team already has is quick and shows respect.",
                        "Die Sprachen zu nutzen, die das Team schon hat, geht schnell und zeigt Respekt.",
                    ),
                ),
            ],
            start=True,
            prompt=T(
                "Which safety rules in your company could be shown with a picture instead of a sentence?",
                "Welche Sicherheitsregeln in Ihrem Betrieb ließen sich mit einem Bild statt einem Satz "
                "zeigen?",
            ),
        ),
        S(
            "interpret",
            "colleague",
            T("Layla interprets", "Layla dolmetscht"),
            T(
                "Marc speaks, Layla translates. Hamid looks relieved to hear Arabic.",
                "Marc spricht, Layla übersetzt. Hamid wirkt erleichtert, Arabisch zu hören.",
            ),
            [
                C(
                    "sentence",
                    "check",
                    (2, 1, 0),
                    T(
                        "Translate sentence by sentence and invite Hamid to ask questions in Arabic",
                        "Satz für Satz übersetzen und Hamid einladen, auf Arabisch zu fragen",
                    ),
                    T(
                        "Questions in your own language are the fastest check of understanding.",
                        "Fragen in der eigenen Sprache sind der schnellste Verständnistest.",
                    ),
                ),
                C(
                    "summary",
                    "check",
                    (0, -1, 0),
                    T(
                        "Sum it up as 'be careful with the forklifts'",
                        "Zusammenfassen mit „Pass bei den Staplern auf“",
                    ),
                    T(
                        "A summary that drops the rules is friendly but not a safety briefing.",
                        "Eine Zusammenfassung ohne die Regeln ist freundlich, aber keine Unterweisung.",
                    ),
                ),
            ],
        ),
        S(
            "check",
            "supervisor",
            T("Checking understanding", "Verständnis prüfen"),
            T(
                "The briefing is done. Marc wants to be sure Hamid can work safely.",
                "Die Unterweisung ist vorbei. Marc will sicher sein, dass Hamid sicher arbeiten kann.",
            ),
            [
                C(
                    "demonstrate",
                    "understood",
                    (0, 1, 2),
                    T(
                        "Ask Hamid to walk the route and show you what he does at a crossing when he hears a horn",
                        "Hamid bitten, den Weg zu gehen und zu zeigen, was er an einer Kreuzung beim Hupen tut",
                    ),
                    T("Showing is proof; a 'yes' is not.", "Zeigen ist ein Beweis; ein „Ja“ nicht."),
                ),
                C(
                    "ask",
                    "nod",
                    (0, 0, -1),
                    T("Ask: 'Did you understand everything?'", "Fragen: „Hast du alles verstanden?“"),
                    T(
                        "A yes-or-no question invites a polite yes.",
                        "Eine Ja-Nein-Frage lädt zu einem höflichen Ja ein.",
                    ),
                ),
            ],
            max_visits=2,
        ),
        S(
            "nod",
            "newcomer",
            T("Did you understand?", "Alles verstanden?"),
            T(
                "Hamid did not catch the part about the horn signals. Everyone is waiting for the shift to start.",
                "Hamid hat den Teil über die Hupsignale nicht verstanden. Alle warten darauf, dass die Schicht "
                "beginnt.",
            ),
            [
                C(
                    "admit",
                    "check",
                    (1, 0, 1),
                    T(
                        "Say that you did not understand the horn signals and ask Marc to show them again",
                        "Sagen, dass Sie die Hupsignale nicht verstanden haben, und Marc bitten, sie noch einmal "
                        "zu zeigen",
                    ),
                    T(
                        "Admitting it takes courage in front of a new boss; it is the safest thing to do.",
                        "Das zuzugeben erfordert vor einem neuen Chef Mut; es ist das Sicherste, was man tun kann.",
                    ),
                ),
                C(
                    "nod",
                    "near-miss",
                    (0, -2, 0),
                    T("Nod and start work", "Nicken und anfangen"),
                    T(
                        "Not wanting to look slow is human. On a forklift lane, it is dangerous.",
                        "Nicht langsam wirken zu wollen ist menschlich. Auf einem Staplerweg ist es gefährlich.",
                    ),
                ),
            ],
        ),
    ],
    "endings": [
        E(
            "understood",
            T("Safe and understood", "Sicher und verstanden"),
            T(
                "Hamid walks the route and stops at each crossing. Marc now gives every briefing with "
                "pictograms and a walk-through, and asks people to show, not to say, that they understood.",
                "Hamid geht den Weg ab und hält an jeder Kreuzung. Marc unterweist jetzt immer mit Piktogrammen "
                "und Rundgang und lässt zeigen statt sagen, dass etwas verstanden wurde.",
            ),
        ),
        E(
            "near-miss",
            T("A near miss", "Beinahe ein Unfall"),
            T(
                "On day two a forklift horns at a crossing and Hamid keeps walking. The driver brakes in time. "
                "The briefing had been given, but not understood; the employer's duty is the second one.",
                "Am zweiten Tag hupt ein Stapler an einer Kreuzung, und Hamid geht weiter. Der Fahrer bremst "
                "rechtzeitig. Die Unterweisung wurde gehalten, aber nicht verstanden – die Pflicht des "
                "Arbeitgebers ist das Zweite.",
            ),
        ),
    ],
}

REMARK = {
    "slug": "a-discriminatory-remark",
    "mode": "turn",
    "title": T("A discriminatory remark by a co-worker", "Eine diskriminierende Bemerkung im Team"),
    "summary": T(
        "At lunch, Dirk says refugees only come for the benefits, with Fatima at the table. What do the "
        "witness, Fatima and the team lead do?",
        "Beim Mittagessen sagt Dirk, Geflüchtete kämen nur wegen der Sozialleistungen – Fatima sitzt mit "
        "am Tisch. Was tun die Zeugin, Fatima und der Teamleiter?",
    ),
    "roles": [
        R(
            "witness",
            T("Sofia, co-worker", "Sofia, Kollegin"),
            T("Sits at the same table and likes both colleagues.", "Sitzt am selben Tisch und mag beide."),
        ),
        R(
            "newcomer",
            T("Fatima, new colleague", "Fatima, neue Kollegin"),
            T(
                "A trained accountant from Afghanistan, now in the finance team.",
                "Ausgebildete Buchhalterin aus Afghanistan, jetzt im Finanzteam.",
            ),
        ),
        R(
            "lead",
            T("Paul, team lead", "Paul, Teamleiter"),
            T("Responsible for the team and for its rules.", "Verantwortlich für das Team und seine Regeln."),
        ),
    ],
    "scenes": [
        S(
            "canteen",
            "witness",
            T("At the lunch table", "Am Mittagstisch"),
            T(
                "Dirk talks about the news and says: 'They only come here for our benefits.' Fatima is sitting "
                "two seats away. The table goes quiet.",
                "Dirk spricht über die Nachrichten und sagt: „Die kommen doch nur wegen unserer Sozialleistungen.“ "
                "Fatima sitzt zwei Plätze weiter. Am Tisch wird es still.",
            ),
            [
                C(
                    "speak",
                    "support",
                    (2, 0, 1),
                    T(
                        "Say calmly that the remark is not OK, and that Fatima works here like everyone else",
                        "Ruhig sagen, dass die Bemerkung nicht in Ordnung ist und Fatima hier arbeitet wie alle",
                    ),
                    T(
                        "Naming it at once, calmly and without an attack, shows Fatima she is not alone.",
                        "Es sofort, ruhig und ohne Angriff zu benennen, zeigt Fatima, dass sie nicht allein ist.",
                    ),
                ),
                C(
                    "change",
                    "alone",
                    (-1, 0, 0),
                    T("Laugh awkwardly and change the subject", "Verlegen lachen und das Thema wechseln"),
                    T(
                        "Silence from the others can feel like agreement to the person targeted.",
                        "Schweigen der anderen kann sich für die betroffene Person wie Zustimmung anfühlen.",
                    ),
                ),
                C(
                    "report",
                    "lead",
                    (0, 1, 0),
                    T(
                        "Say nothing now and tell the team lead later",
                        "Jetzt nichts sagen und es später dem Teamleiter erzählen",
                    ),
                    T(
                        "Telling the lead matters; Fatima, though, does not know that anyone noticed.",
                        "Die Leitung zu informieren ist wichtig; Fatima weiß aber nicht, dass es jemand bemerkt hat.",
                    ),
                ),
            ],
            start=True,
            prompt=T(
                "What makes it hard to speak up at a lunch table?",
                "Was macht es schwer, am Mittagstisch etwas zu sagen?",
            ),
        ),
        S(
            "support",
            "newcomer",
            T("Fatima's turn", "Fatima ist dran"),
            T(
                "Sofia has spoken up. Dirk mumbles that it was not meant personally.",
                "Sofia hat etwas gesagt. Dirk murmelt, es sei nicht persönlich gemeint gewesen.",
            ),
            [
                C(
                    "tell",
                    "lead",
                    (1, 0, 2),
                    T(
                        "Thank Sofia and tell Dirk calmly how the remark felt, and that you pay taxes here too",
                        "Sofia danken und Dirk ruhig sagen, wie die Bemerkung ankam – und dass Sie hier auch "
                        "Steuern zahlen",
                    ),
                    T(
                        "Speaking for yourself, when you feel safe enough, often changes more than any rule.",
                        "Für sich selbst zu sprechen, wenn man sich sicher genug fühlt, ändert oft mehr als jede "
                        "Regel.",
                    ),
                ),
                C(
                    "go",
                    "lead",
                    (0, 0, 0),
                    T("Leave the table without a word", "Wortlos den Tisch verlassen"),
                    T(
                        "Leaving is a legitimate choice; nobody owes an explanation to the person who hurt them.",
                        "Zu gehen ist legitim; niemand schuldet der Person, die verletzt hat, eine Erklärung.",
                    ),
                ),
            ],
        ),
        S(
            "alone",
            "newcomer",
            T("Eating alone", "Allein essen"),
            T(
                "For the next days Fatima eats at her desk. She wonders whether the others think the same.",
                "In den nächsten Tagen isst Fatima am Schreibtisch. Sie fragt sich, ob die anderen genauso denken.",
            ),
            [
                C(
                    "lead",
                    "lead",
                    (1, 0, 1),
                    T("Tell the team lead what happened", "Dem Teamleiter erzählen, was passiert ist"),
                    T(
                        "Going to the lead is hard when you are new and on probation; it gives the company the "
                        "chance to act.",
                        "Zur Leitung zu gehen ist schwer, wenn man neu und in der Probezeit ist; es gibt dem "
                        "Unternehmen die Chance zu handeln.",
                    ),
                ),
                C(
                    "leave",
                    "lost",
                    (0, 0, -1),
                    T("Start looking for another job", "Nach einer anderen Stelle suchen"),
                    T(
                        "Quietly leaving is how companies lose people they worked hard to hire.",
                        "Leises Gehen ist der Weg, auf dem Firmen Menschen verlieren, die sie mühsam gewonnen haben.",
                    ),
                ),
            ],
        ),
        S(
            "lead",
            "lead",
            T("The team lead hears about it", "Der Teamleiter erfährt davon"),
            T(
                "Paul now knows what was said at lunch. Dirk is a good worker with twenty years in the company.",
                "Paul weiß jetzt, was beim Mittagessen gesagt wurde. Dirk ist ein guter Mitarbeiter mit zwanzig "
                "Jahren im Unternehmen.",
            ),
            [
                C(
                    "talk",
                    "repaired",
                    (1, 2, 2),
                    T(
                        "Talk with Dirk in private: what he said, its effect, the company's rules on equal "
                        "treatment and what you expect from now on",
                        "Mit Dirk unter vier Augen sprechen: was er gesagt hat, was es bewirkt, die Regeln zur "
                        "Gleichbehandlung und was Sie ab jetzt erwarten",
                    ),
                    T(
                        "Behaviour, effect, rule, expectation: clear enough to change something, private enough "
                        "to keep his dignity.",
                        "Verhalten, Wirkung, Regel, Erwartung: klar genug, um etwas zu ändern, diskret genug, um "
                        "seine Würde zu wahren.",
                    ),
                ),
                C(
                    "advice",
                    "repaired",
                    (1, 2, 0),
                    T(
                        "First check the company's rules and ask for advice from an equality body (in Italy, for "
                        "example, UNAR)",
                        "Erst die Unternehmensregeln prüfen und sich bei einer Gleichbehandlungsstelle beraten "
                        "lassen (in Italien etwa bei UNAR)",
                    ),
                    T(
                        "Knowing the rules and where to get advice is part of a manager's job; do not wait too "
                        "long to act on it.",
                        "Die Regeln und Beratungsstellen zu kennen gehört zur Führungsaufgabe; danach nicht zu "
                        "lange warten.",
                    ),
                ),
                C(
                    "get-along",
                    "simmering",
                    (-1, 0, 0),
                    T(
                        "Tell the whole team to just get along",
                        "Dem ganzen Team sagen, es solle sich vertragen",
                    ),
                    T(
                        "A general appeal names nobody and changes nothing.",
                        "Ein allgemeiner Appell nennt niemanden und ändert nichts.",
                    ),
                ),
            ],
            prompt=T(
                "What does your company's policy say about remarks like this, and who knows it?",
                "Was sagen die Regeln Ihres Unternehmens zu solchen Bemerkungen, und wer kennt sie?",
            ),
        ),
    ],
    "endings": [
        E(
            "repaired",
            T("A line was drawn", "Eine Grenze wurde gezogen"),
            T(
                "Dirk apologised to Fatima. He did not become her friend, but the remarks stopped, and the team "
                "saw that the rules on equal treatment are applied. Fatima stays.",
                "Dirk hat sich bei Fatima entschuldigt. Freunde wurden sie nicht, aber die Bemerkungen hörten auf, "
                "und das Team hat gesehen, dass die Gleichbehandlungsregeln gelten. Fatima bleibt.",
            ),
        ),
        E(
            "simmering",
            T("Nothing changed", "Nichts hat sich geändert"),
            T(
                "The appeal to 'get along' was forgotten in a week. Dirk still makes remarks, just not when "
                "Paul is there. Unintended or not, discrimination at work needs a clear answer.",
                "Der Appell zum „Vertragen“ war nach einer Woche vergessen. Dirk macht weiter Bemerkungen, nur "
                "nicht mehr, wenn Paul dabei ist. Ob gewollt oder nicht: Diskriminierung braucht eine klare "
                "Antwort.",
            ),
        ),
        E(
            "lost",
            T("She left", "Sie ist gegangen"),
            T(
                "Fatima resigned at the end of her probation. Her exit form says 'personal reasons'. Nobody in "
                "the team knows that one sentence at lunch started it.",
                "Fatima kündigte zum Ende der Probezeit. Im Austrittsbogen steht „persönliche Gründe“. Niemand im "
                "Team weiß, dass ein Satz beim Mittagessen der Anfang war.",
            ),
        ),
    ],
}

PERMIT = {
    "slug": "a-work-permit-about-to-expire",
    "mode": "turn",
    "title": T("A work permit about to expire", "Eine Arbeitserlaubnis läuft ab"),
    "summary": T(
        "Omar's temporary work permit ends in six weeks. If nobody acts, he may not work, and the company "
        "risks a fine.",
        "Omars befristete Arbeitserlaubnis endet in sechs Wochen. Wenn niemand handelt, darf er nicht "
        "arbeiten, und dem Unternehmen droht ein Bußgeld.",
    ),
    "roles": [
        R(
            "hr",
            T("Lena, HR officer", "Lena, Personalsachbearbeiterin"),
            T("Keeps the staff files and the permit dates.", "Führt die Personalakten und die Fristen."),
        ),
        R(
            "employee",
            T("Omar, forklift driver", "Omar, Staplerfahrer"),
            T(
                "Recognised refugee with a temporary permit, two years in the company.",
                "Anerkannter Geflüchteter mit befristeter Erlaubnis, seit zwei Jahren im Betrieb.",
            ),
        ),
        R(
            "lead",
            T("Mr Jansen, manager", "Herr Jansen, Vorgesetzter"),
            T("Needs every driver in the busy season.", "Braucht in der Hochsaison jeden Fahrer."),
        ),
    ],
    "scenes": [
        S(
            "reminder",
            "hr",
            T("Six weeks to go", "Noch sechs Wochen"),
            T(
                "The HR system shows that Omar's permit expires in six weeks. Renewal appointments at the "
                "authority are often booked up for a month.",
                "Das Personalsystem zeigt: Omars Erlaubnis läuft in sechs Wochen ab. Termine bei der Behörde "
                "sind oft einen Monat im Voraus ausgebucht.",
            ),
            [
                C(
                    "meet",
                    "meeting",
                    (2, 1, 0),
                    T(
                        "Invite Omar to a short meeting to explain what is expiring and offer help with the "
                        "appointment",
                        "Omar zu einem kurzen Gespräch einladen, erklären, was abläuft, und Hilfe beim Termin "
                        "anbieten",
                    ),
                    T(
                        "A conversation early on turns a deadline into a shared task.",
                        "Ein frühes Gespräch macht aus einer Frist eine gemeinsame Aufgabe.",
                    ),
                ),
                C(
                    "letter",
                    "letter",
                    (-1, 1, 0),
                    T(
                        "Send him a formal letter with the deadline",
                        "Ihm einen förmlichen Brief mit der Frist schicken",
                    ),
                    T(
                        "Correct, but official language is hard to read, and a letter about your permit is "
                        "frightening.",
                        "Korrekt, aber Amtsdeutsch ist schwer zu lesen, und ein Brief über die eigene Erlaubnis "
                        "macht Angst.",
                    ),
                ),
                C(
                    "nothing",
                    "expired",
                    (0, -2, 0),
                    T(
                        "Do nothing: renewing his permit is his own business",
                        "Nichts tun: Die Verlängerung ist seine Sache",
                    ),
                    T(
                        "The employer must check that staff may work. A lapsed permit is the company's problem too.",
                        "Der Arbeitgeber muss prüfen, dass Beschäftigte arbeiten dürfen. Eine abgelaufene Erlaubnis "
                        "ist auch sein Problem.",
                    ),
                ),
            ],
            start=True,
            prompt=T(
                "Who in your company knows when each employee's permit expires?",
                "Wer in Ihrem Unternehmen weiß, wann die Erlaubnis jeder Person abläuft?",
            ),
        ),
        S(
            "letter",
            "employee",
            T("The letter", "Der Brief"),
            T(
                "Omar reads the letter twice. He understands 'expires' and 'employment' and fears he is being "
                "dismissed.",
                "Omar liest den Brief zweimal. Er versteht „läuft ab“ und „Beschäftigung“ und fürchtet, entlassen "
                "zu werden.",
            ),
            [
                C(
                    "colleague",
                    "meeting",
                    (0, 0, 1),
                    T(
                        "Ask a colleague to read it with you, then go to HR",
                        "Einen Kollegen bitten, ihn mit Ihnen zu lesen, und dann zur Personalabteilung gehen",
                    ),
                    T(
                        "Getting help to read it and asking directly clears up the fear quickly.",
                        "Sich beim Lesen helfen zu lassen und direkt nachzufragen, löst die Angst schnell.",
                    ),
                ),
                C(
                    "hide",
                    "expired",
                    (0, 0, -1),
                    T(
                        "Put the letter away and hope it sorts itself out",
                        "Den Brief weglegen und hoffen, dass es sich von selbst regelt",
                    ),
                    T(
                        "Fear makes people freeze; deadlines keep running.",
                        "Angst lässt Menschen erstarren; Fristen laufen weiter.",
                    ),
                ),
            ],
        ),
        S(
            "meeting",
            "employee",
            T("In the HR office", "Im Personalbüro"),
            T(
                "Lena explains that the company wants to keep Omar and that the permit has to be renewed in time.",
                "Lena erklärt, dass das Unternehmen Omar behalten will und die Erlaubnis rechtzeitig verlängert "
                "werden muss.",
            ),
            [
                C(
                    "documents",
                    "plan",
                    (0, 1, 1),
                    T(
                        "Ask which documents you need and whether you can take time off for the appointment",
                        "Fragen, welche Unterlagen Sie brauchen und ob Sie für den Termin frei bekommen",
                    ),
                    T(
                        "Concrete questions make a plan out of worry.",
                        "Konkrete Fragen machen aus Sorge einen Plan.",
                    ),
                ),
                C(
                    "agree",
                    "plan",
                    (0, 0, 0),
                    T("Say yes to everything without asking", "Zu allem Ja sagen, ohne nachzufragen"),
                    T(
                        "Agreeing keeps the meeting short, but leaves Omar unsure what to bring.",
                        "Zustimmen hält das Gespräch kurz, lässt Omar aber im Unklaren, was er mitbringen muss.",
                    ),
                ),
            ],
        ),
        S(
            "plan",
            "lead",
            T("The appointment", "Der Termin"),
            T(
                "Omar's only appointment is on a Tuesday in the busiest week of the season.",
                "Omars einziger Termin ist an einem Dienstag in der arbeitsreichsten Woche der Saison.",
            ),
            [
                C(
                    "time-off",
                    "renewed",
                    (1, 2, 1),
                    T(
                        "Give Omar the morning off, arrange cover and ask HR to set a reminder for every permit "
                        "three months ahead",
                        "Omar den Vormittag freigeben, Ersatz organisieren und die Personalabteilung bitten, für jede "
                        "Erlaubnis drei Monate vorher zu erinnern",
                    ),
                    T(
                        "One morning of cover costs far less than losing a driver, and the reminder protects the "
                        "next person too.",
                        "Ein Vormittag Vertretung kostet viel weniger als ein fehlender Fahrer, und die Erinnerung "
                        "schützt auch die Nächsten.",
                    ),
                ),
                C(
                    "refuse",
                    "expired",
                    (-2, 0, 0),
                    T(
                        "Refuse: the week is too busy, he must find another date",
                        "Ablehnen: Die Woche ist zu voll, er soll einen anderen Termin finden",
                    ),
                    T(
                        "There may be no other date before the permit ends.",
                        "Vor dem Ablauf gibt es vielleicht keinen anderen Termin.",
                    ),
                ),
            ],
        ),
        S(
            "expired",
            "hr",
            T("The permit has expired", "Die Erlaubnis ist abgelaufen"),
            T(
                "Omar's permit ran out yesterday. Until it is renewed he may not work. A Bulgarian food company "
                "in the COME IN study was fined nearly 8,000 dollars for two such cases.",
                "Omars Erlaubnis ist gestern abgelaufen. Bis zur Verlängerung darf er nicht arbeiten. Ein "
                "bulgarisches Lebensmittelunternehmen aus der COME-IN-Studie zahlte für zwei solche Fälle fast "
                "8.000 Dollar Bußgeld.",
            ),
            [
                C(
                    "repair",
                    "late",
                    (1, 2, 0),
                    T(
                        "Stop his work as the law requires, help him apply at once and set up reminders for every "
                        "permit",
                        "Seine Arbeit wie vorgeschrieben ruhen lassen, sofort beim Antrag helfen und Erinnerungen für "
                        "alle Erlaubnisse einrichten",
                    ),
                    T(
                        "Painful, but legal, and it makes sure it will not happen to anyone else.",
                        "Schmerzhaft, aber rechtmäßig – und es sorgt dafür, dass es niemandem sonst passiert.",
                    ),
                ),
                C(
                    "hope",
                    "fined",
                    (0, -3, 0),
                    T(
                        "Let him keep working and hope nobody checks",
                        "Ihn weiterarbeiten lassen und hoffen, dass niemand prüft",
                    ),
                    T(
                        "Employing someone without a valid permit puts both the company and Omar at risk.",
                        "Jemanden ohne gültige Erlaubnis zu beschäftigen, gefährdet das Unternehmen und Omar.",
                    ),
                ),
            ],
        ),
    ],
    "endings": [
        E(
            "renewed",
            T("Renewed in time", "Rechtzeitig verlängert"),
            T(
                "Omar went to the appointment with the right papers and his new permit came two weeks later. "
                "HR now sees every expiry date three months ahead.",
                "Omar ging mit den richtigen Unterlagen zum Termin, zwei Wochen später kam die neue Erlaubnis. "
                "Die Personalabteilung sieht jetzt jede Frist drei Monate im Voraus.",
            ),
        ),
        E(
            "late",
            T("Repaired, at a price", "Behoben, mit Kosten"),
            T(
                "Omar was off work for three weeks without pay until the renewal came through. Nobody was "
                "fined, and the reminders now in place will spare the next person.",
                "Omar konnte drei Wochen ohne Lohn nicht arbeiten, bis die Verlängerung da war. Es gab kein "
                "Bußgeld, und die Erinnerungen ersparen das den Nächsten.",
            ),
        ),
        E(
            "fined",
            T("A fine and a lost driver", "Bußgeld und ein Fahrer weniger"),
            T(
                "An inspection found Omar working without a valid permit. The company paid a fine, and Omar "
                "had to stop work while his case was reviewed. Checking permits is the employer's duty.",
                "Bei einer Kontrolle wurde Omar ohne gültige Erlaubnis angetroffen. Das Unternehmen zahlte ein "
                "Bußgeld, und Omar musste während der Prüfung pausieren. Erlaubnisse zu prüfen ist Pflicht des "
                "Arbeitgebers.",
            ),
        ),
    ],
}

SCENARIOS = [FIRST_DAY, RAMADAN, FEEDBACK, SAFETY, REMARK, PERMIT]

INDEX = {
    "slug": "role-plays",
    "en": (
        "Role-plays",
        "Practise real workplace conversations from several sides. Play alone, or live in a "
        "workshop with a join code.",
    ),
    "de": (
        "Rollenspiele",
        "Üben Sie echte Gespräche am Arbeitsplatz aus mehreren Perspektiven – allein oder "
        "live im Workshop mit einem Beitrittscode.",
    ),
    "ar": (
        "تمثيل الأدوار",
        "تدرّب على محادثات حقيقية في مكان العمل من عدة جوانب، وحدك أو مباشرة في ورشة عمل برمز انضمام.",
    ),
}
