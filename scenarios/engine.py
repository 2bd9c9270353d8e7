"""The scenario graph: validation, deterministic replay and a layered layout for the preview.

Pure Python (no Django import) so the rules can be tested and reasoned about on their own. Scenes
and endings share one namespace of keys; a choice leads to a scene or an ending by key.

Loop rule: a scene may be entered at most ``max_visits`` times (1 unless the author allows more).
A choice whose target scene has been entered that often is not offered. A loop (a group of scenes
that can reach each other) is allowed only when at least one choice inside it leads out of it, and
validation walks every reachable state (scene, visits of looping scenes) to prove that each one
still offers a choice, so every path ends at an ending after a bounded number of steps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

COMPETENCES = ("awareness", "knowledge", "skills")

# Exploring looping scenarios visits every (scene, visit counts) state; past this many the
# scenario is refused as too complex to check rather than hanging the editor's save.
MAX_STATES = 50_000


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Choice:
    key: str
    text: str
    leads_to: str
    feedback: str = ""
    effects: dict[str, int] = field(default_factory=dict)

    def effect(self, competence):
        return int(self.effects.get(competence, 0) or 0)


@dataclass(frozen=True)
class Scene:
    key: str
    title: str
    text: str = ""
    role: str = ""
    choices: tuple[Choice, ...] = ()
    start: bool = False
    max_visits: int = 1
    discussion_prompt: str = ""
    image: object = None


@dataclass(frozen=True)
class Ending:
    key: str
    title: str
    debrief: str = ""


@dataclass(frozen=True)
class Scenario:
    title: str
    roles: tuple[Role, ...] = ()
    scenes: tuple[Scene, ...] = ()
    endings: tuple[Ending, ...] = ()

    def scene(self, key):
        return self._scenes().get(key)

    def ending(self, key):
        return self._endings().get(key)

    def role(self, key):
        for role in self.roles:
            if role.key == key:
                return role
        return None

    def _scenes(self):
        return {scene.key: scene for scene in self.scenes}

    def _endings(self):
        return {ending.key: ending for ending in self.endings}

    @property
    def start(self):
        starts = [scene for scene in self.scenes if scene.start]
        return starts[0] if len(starts) == 1 else None


# ------------------------------------------------------------------ validation


@dataclass(frozen=True)
class ValidationError:
    """One problem, naming the scene (or ending) that causes it; ``scene`` is None for the whole
    scenario. ``code`` selects the translated message in the Django layer; ``detail`` fills it."""

    code: str
    scene: str | None = None
    detail: dict = field(default_factory=dict)

    @property
    def message(self):
        return MESSAGES[self.code].format(scene=self.scene, **self.detail)


MESSAGES = {
    "no_start": "No scene is marked as the start scene.",
    "several_starts": "Scene '{scene}' is marked as a start scene, but so is '{first}'. Keep one.",
    "duplicate_key": "The key '{scene}' is used more than once; scenes and endings need unique keys.",
    "no_endings": "The scenario has no ending.",
    "no_choices": "Scene '{scene}' has no choices, so the story stops there without an ending.",
    "unknown_target": "In scene '{scene}', choice '{choice}' leads to '{target}', "
    "which is no scene or ending.",
    "unknown_role": "Scene '{scene}' is decided by role '{role}', which the scenario does not define.",
    "unreachable": "Scene '{scene}' cannot be reached from the start scene.",
    "unreachable_ending": "Ending '{scene}' cannot be reached from the start scene.",
    "loop_without_exit": "Scenes {scenes} form a loop that no choice leaves.",
    "dead_end": "Scene '{scene}' can be reached when all its choices lead to scenes already visited "
    "as often as allowed: raise their visit limit or add a choice to an ending.",
    "too_complex": "The scenario has too many possible paths to check (more than {limit} states).",
}


def validate(scenario: Scenario) -> list[ValidationError]:
    """Every problem of the scenario's graph, in a stable order (structure first, then paths)."""
    errors: list[ValidationError] = []
    seen: set[str] = set()
    for key in [scene.key for scene in scenario.scenes] + [ending.key for ending in scenario.endings]:
        if key in seen:
            errors.append(ValidationError("duplicate_key", key))
        seen.add(key)
    starts = [scene for scene in scenario.scenes if scene.start]
    if not starts:
        errors.append(ValidationError("no_start"))
    for extra in starts[1:]:
        errors.append(ValidationError("several_starts", extra.key, {"first": starts[0].key}))
    if not scenario.endings:
        errors.append(ValidationError("no_endings"))
    scenes = scenario._scenes()
    endings = scenario._endings()
    role_keys = {role.key for role in scenario.roles}
    for scene in scenario.scenes:
        if scene.role and scene.role not in role_keys:
            errors.append(ValidationError("unknown_role", scene.key, {"role": scene.role}))
        if not scene.choices:
            errors.append(ValidationError("no_choices", scene.key))
        for choice in scene.choices:
            if choice.leads_to not in scenes and choice.leads_to not in endings:
                errors.append(
                    ValidationError(
                        "unknown_target",
                        scene.key,
                        {"choice": choice.text or choice.key, "target": choice.leads_to},
                    )
                )
    if len(starts) != 1:
        return errors
    start = starts[0]
    reachable = _reachable(scenario, start.key)
    for scene in scenario.scenes:
        if scene.key not in reachable:
            errors.append(ValidationError("unreachable", scene.key))
    for ending in scenario.endings:
        if ending.key not in reachable:
            errors.append(ValidationError("unreachable_ending", ending.key))
    loops = _loops(scenario)
    for loop in loops:
        if not _loop_has_exit(scenario, loop):
            ordered = [scene.key for scene in scenario.scenes if scene.key in loop]
            errors.append(
                ValidationError(
                    "loop_without_exit", ordered[0], {"scenes": ", ".join(f"'{k}'" for k in ordered)}
                )
            )
    if any(error.code in {"loop_without_exit", "duplicate_key"} for error in errors):
        return errors
    errors.extend(_dead_ends(scenario, start, loops))
    return errors


def _targets(scene):
    return [choice.leads_to for choice in scene.choices]


def _reachable(scenario, start_key):
    scenes = scenario._scenes()
    seen = {start_key}
    stack = [start_key]
    while stack:
        scene = scenes.get(stack.pop())
        if scene is None:
            continue
        for target in _targets(scene):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _loops(scenario):
    """Strongly connected components that contain a cycle (Tarjan, iterative), as sets of keys."""
    scenes = scenario._scenes()
    index = {}
    low = {}
    on_stack = set()
    stack = []
    components = []
    counter = 0
    for root in scenes:
        if root in index:
            continue
        work = [(root, iter([t for t in _targets(scenes[root]) if t in scenes]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter([t for t in _targets(scenes[child]) if t in scenes])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in _targets(scenes[node]):
                    components.append(component)
    return components


def _loop_has_exit(scenario, loop):
    return any(target not in loop for key in loop for target in _targets(scenario.scene(key)))


def _dead_ends(scenario, start, loops):
    """States reachable from the start in which no choice can be taken, reported once per scene."""
    looping = sorted(set().union(*loops)) if loops else []
    position = {key: n for n, key in enumerate(looping)}
    scenes = scenario._scenes()
    initial = _enter((0,) * len(looping), start.key, position)
    seen = {(start.key, initial)}
    stack = [(start.key, initial)]
    errors = []
    reported = set()
    while stack:
        key, visits = stack.pop()
        options = _available(scenes[key], visits, scenes, position)
        if not options and key not in reported:
            reported.add(key)
            errors.append(ValidationError("dead_end", key))
        for choice in options:
            if choice.leads_to not in scenes:
                continue
            state = (choice.leads_to, _enter(visits, choice.leads_to, position))
            if state not in seen:
                if len(seen) >= MAX_STATES:
                    return [ValidationError("too_complex", None, {"limit": MAX_STATES})]
                seen.add(state)
                stack.append(state)
    return sorted(errors, key=lambda error: [s.key for s in scenario.scenes].index(error.scene))


def _enter(visits, key, position):
    if key not in position:
        return visits
    counts = list(visits)
    counts[position[key]] += 1
    return tuple(counts)


def _visits_of(visits, key, position):
    return visits[position[key]] if key in position else 0


def _available(scene, visits, scenes, position):
    """The choices offered in ``scene``: a choice into a scene entered ``max_visits`` times is not."""
    offered = []
    for choice in scene.choices:
        target = scenes.get(choice.leads_to)
        if target is not None and target.key in position:
            if _visits_of(visits, target.key, position) >= max(1, target.max_visits):
                continue
        offered.append(choice)
    return offered


# ------------------------------------------------------------------ replay


class ReplayError(ValueError):
    """A choice that cannot be taken at that point; ``index`` is its position in the list."""

    def __init__(self, code, index, choice_key):
        super().__init__(f"{code} at step {index}: {choice_key!r}")
        self.code = code
        self.index = index
        self.choice_key = choice_key


@dataclass(frozen=True)
class Step:
    scene: Scene
    choice: Choice
    offered: tuple[Choice, ...]


@dataclass(frozen=True)
class Replay:
    steps: tuple[Step, ...]
    scores: dict[str, int]
    scene: Scene | None
    offered: tuple[Choice, ...]
    ending: Ending | None

    @property
    def finished(self):
        return self.ending is not None

    @property
    def total(self):
        return sum(self.scores.values())


def replay(scenario: Scenario, choice_keys: Iterable[str]) -> Replay:
    """Play ``choice_keys`` from the start scene. Raises ReplayError for a choice that is not
    offered where it is made (``not_offered``) or made after the ending (``after_ending``)."""
    start = scenario.start
    if start is None:
        raise ReplayError("no_start", 0, None)
    scenes = scenario._scenes()
    endings = scenario._endings()
    visits: dict[str, int] = {start.key: 1}
    scores = dict.fromkeys(COMPETENCES, 0)
    steps = []
    scene, ending = start, None
    for index, key in enumerate(choice_keys):
        if scene is None:
            raise ReplayError("after_ending", index, key)
        offered = offered_choices(scene, visits, scenes)
        choice = next((c for c in offered if c.key == key), None)
        if choice is None:
            raise ReplayError("not_offered", index, key)
        steps.append(Step(scene, choice, tuple(offered)))
        for competence in COMPETENCES:
            scores[competence] += choice.effect(competence)
        if choice.leads_to in endings:
            scene, ending = None, endings[choice.leads_to]
        else:
            scene = scenes[choice.leads_to]
            visits[scene.key] = visits.get(scene.key, 0) + 1
    offered = tuple(offered_choices(scene, visits, scenes)) if scene is not None else ()
    return Replay(tuple(steps), scores, scene, offered, ending)


def offered_choices(scene, visits, scenes):
    """Choices of ``scene`` given how often each scene was entered (``visits``: key → count)."""
    return [
        choice
        for choice in scene.choices
        if choice.leads_to not in scenes
        or visits.get(choice.leads_to, 0) < max(1, scenes[choice.leads_to].max_visits)
    ]


def score_range(scenario: Scenario):
    """(lowest, highest) total and the highest reachable score per competence over all paths.

    Used to scale a learner's result to 0..1 and to draw the competence chart on a fixed axis.
    The state graph (scene, visits) is acyclic because every step into a loop adds a visit, so a
    memoised walk over it is exact."""
    start = scenario.start
    if start is None:
        return (0, 0), dict.fromkeys(COMPETENCES, 0)
    scenes = scenario._scenes()
    endings = scenario._endings()
    # Only scenes on a loop can be entered twice; counting the others would make every path its
    # own state.
    looping = set().union(*_loops(scenario)) if scenario.scenes else set()
    memo = {}

    def best(key, visits):
        state = (key, tuple(sorted(visits.items())))
        if state in memo:
            return memo[state]
        if len(memo) > MAX_STATES:
            raise RecursionError("too many states")
        low, high = None, None
        per = dict.fromkeys(COMPETENCES, None)
        for choice in offered_choices(scenes[key], visits, scenes):
            gain = {c: choice.effect(c) for c in COMPETENCES}
            if choice.leads_to in endings:
                sub_low, sub_high, sub_per = 0, 0, dict.fromkeys(COMPETENCES, 0)
            elif choice.leads_to in scenes:
                after = dict(visits)
                if choice.leads_to in looping:
                    after[choice.leads_to] = after.get(choice.leads_to, 0) + 1
                sub_low, sub_high, sub_per = best(choice.leads_to, after)
                if sub_low is None:
                    continue
            else:
                continue
            total = sum(gain.values())
            low = total + sub_low if low is None else min(low, total + sub_low)
            high = total + sub_high if high is None else max(high, total + sub_high)
            for c in COMPETENCES:
                value = gain[c] + sub_per[c]
                per[c] = value if per[c] is None else max(per[c], value)
        result = (low, high, {c: per[c] or 0 for c in COMPETENCES})
        memo[state] = result
        return result

    try:
        low, high, per = best(start.key, {start.key: 1} if start.key in looping else {})
    except RecursionError:
        return (0, 0), dict.fromkeys(COMPETENCES, 0)
    return (low or 0, high or 0), per


def scaled_score(scenario: Scenario, total: int) -> float:
    """The total on the scenario's own scale: the weakest path is 0, the strongest 1."""
    (low, high), _per = score_range(scenario)
    if high <= low:
        return 1.0
    return round(min(1.0, max(0.0, (total - low) / (high - low))), 4)


# ------------------------------------------------------------------ layout


@dataclass(frozen=True)
class Node:
    key: str
    label: str
    kind: str  # "scene", "start" or "ending"
    x: float
    y: float
    layer: int


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    x1: float
    y1: float
    x2: float
    y2: float
    backward: bool


@dataclass(frozen=True)
class Layout:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: float
    height: float
    node_width: float
    node_height: float


def layout(scenario: Scenario, node_width=150, node_height=44, gap_x=70, gap_y=24) -> Layout:
    """A layered left-to-right layout: each scene in the layer of its longest path from the start
    (back edges of loops ignored), endings in the last layer, and the order inside a layer improved
    by a few barycentre sweeps so choices cross less. Scenes not reachable go to a final column."""
    scenes = scenario._scenes()
    endings = scenario._endings()
    keys = list(scenes) + [key for key in endings if key not in scenes]
    successors = {
        key: [t for t in dict.fromkeys(_targets(scenes[key])) if t in scenes or t in endings]
        for key in scenes
    }
    start = scenario.start or (scenario.scenes[0] if scenario.scenes else None)
    order = []
    back = set()
    if start is not None:
        visiting, done = set(), set()
        stack = [(start.key, iter(successors.get(start.key, [])))]
        visiting.add(start.key)
        while stack:
            node, children = stack[-1]
            for child in children:
                if child in visiting:
                    back.add((node, child))
                elif child not in done:
                    visiting.add(child)
                    stack.append((child, iter(successors.get(child, []))))
                    break
            else:
                stack.pop()
                visiting.discard(node)
                done.add(node)
                order.append(node)
        order.reverse()
    layer = {}
    for node in order:
        layer.setdefault(node, 0)
        for child in successors.get(node, []):
            if (node, child) not in back:
                layer[child] = max(layer.get(child, 0), layer[node] + 1)
    last = max([layer[k] for k in layer if k in scenes] or [0]) + 1
    for key in endings:
        if key in layer:
            layer[key] = max(layer[key], last)
    unplaced = [key for key in keys if key not in layer]
    if unplaced:
        column = max(layer.values() or [0]) + 1
        for key in unplaced:
            layer[key] = column
    layers: dict[int, list[str]] = {}
    for key in keys:
        layers.setdefault(layer[key], []).append(key)
    predecessors: dict[str, list[str]] = {key: [] for key in keys}
    for source, targets in successors.items():
        for target in targets:
            predecessors[target].append(source)
    for _sweep in range(4):
        for number in sorted(layers)[1:]:
            rank = {key: i for n in layers if n < number for i, key in enumerate(layers[n])}

            def centre(key, rank=rank, number=number):
                ranks = [rank[p] for p in predecessors[key] if p in rank]
                return sum(ranks) / len(ranks) if ranks else layers[number].index(key)

            layers[number].sort(key=centre)
    tallest = max((len(column) for column in layers.values()), default=1)
    height = tallest * (node_height + gap_y) + gap_y
    nodes = {}
    for number, column in layers.items():
        offset = (height - len(column) * (node_height + gap_y) + gap_y) / 2
        for i, key in enumerate(column):
            if key in scenes:
                scene = scenes[key]
                kind = "start" if scene.start else "scene"
                label = scene.title or key
            else:
                kind, label = "ending", endings[key].title or key
            nodes[key] = Node(
                key,
                label,
                kind,
                gap_x / 2 + number * (node_width + gap_x),
                offset + i * (node_height + gap_y),
                number,
            )
    edges = []
    for source in scenes:
        for choice in scenes[source].choices:
            if choice.leads_to not in nodes:
                continue
            a, b = nodes[source], nodes[choice.leads_to]
            edges.append(
                Edge(
                    source,
                    choice.leads_to,
                    choice.text,
                    a.x + node_width,
                    a.y + node_height / 2,
                    b.x,
                    b.y + node_height / 2,
                    b.layer <= a.layer,
                )
            )
    width = (max(layers) + 1) * (node_width + gap_x) if layers else node_width
    return Layout(tuple(nodes.values()), tuple(edges), width, height, node_width, node_height)


# ------------------------------------------------------------------ building from plain data


def build(data: dict) -> Scenario:
    """A Scenario from plain dictionaries (the page's stream data, tests, the live session's copy)."""

    def choice(item):
        effects = {c: int(item.get("effects", {}).get(c, item.get(c, 0)) or 0) for c in COMPETENCES}
        return Choice(
            key=str(item["key"]),
            text=item.get("text", ""),
            leads_to=str(item.get("leads_to", "")),
            feedback=item.get("feedback", ""),
            effects=effects,
        )

    return Scenario(
        title=data.get("title", ""),
        roles=tuple(
            Role(str(r["key"]), r.get("name", ""), r.get("description", "")) for r in data.get("roles", [])
        ),
        scenes=tuple(
            Scene(
                key=str(s["key"]),
                title=s.get("title", ""),
                text=s.get("text", ""),
                role=s.get("role", "") or "",
                choices=tuple(choice(c) for c in s.get("choices", [])),
                start=bool(s.get("start")),
                max_visits=max(1, int(s.get("max_visits") or 1)),
                discussion_prompt=s.get("discussion_prompt", "") or "",
                image=s.get("image"),
            )
            for s in data.get("scenes", [])
        ),
        endings=tuple(
            Ending(str(e["key"]), e.get("title", ""), e.get("debrief", "")) for e in data.get("endings", [])
        ),
    )
