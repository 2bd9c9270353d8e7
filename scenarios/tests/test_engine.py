"""The scenario engine on its own: no database, no Django."""

import pytest

from scenarios import engine


def choice(key, leads_to, awareness=0, knowledge=0, skills=0, text=None):
    return {
        "key": key,
        "text": text or key,
        "leads_to": leads_to,
        "feedback": f"feedback {key}",
        "effects": {"awareness": awareness, "knowledge": knowledge, "skills": skills},
    }


def scene(key, *choices, start=False, role="newcomer", max_visits=1):
    return {
        "key": key,
        "title": key.title(),
        "text": f"text of {key}",
        "role": role,
        "start": start,
        "max_visits": max_visits,
        "choices": list(choices),
    }


def scenario(*scenes, endings=("good", "bad")):
    return engine.build(
        {
            "title": "Test",
            "roles": [{"key": "newcomer", "name": "New colleague"}, {"key": "lead", "name": "Team lead"}],
            "scenes": list(scenes),
            "endings": [{"key": key, "title": key.title(), "debrief": f"debrief {key}"} for key in endings],
        }
    )


@pytest.fixture
def welcome():
    """start → (warm → good | cold → tour → good/bad)."""
    return scenario(
        scene(
            "arrival",
            choice("greet", "tour", awareness=2, skills=1),
            choice("ignore", "alone", awareness=-1),
            start=True,
        ),
        scene("tour", choice("explain", "good", knowledge=2), choice("rush", "bad", skills=-1), role="lead"),
        scene("alone", choice("ask", "tour", skills=2), choice("leave", "bad")),
    )


def codes(errors):
    return [(error.code, error.scene) for error in errors]


def test_a_sound_scenario_has_no_errors(welcome):
    assert engine.validate(welcome) == []


def test_a_scenario_without_a_start_scene_is_refused():
    errors = engine.validate(scenario(scene("a", choice("x", "good"))))
    assert codes(errors) == [("no_start", None)]


def test_a_second_start_scene_is_named():
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "good"), choice("y", "bad"), start=True),
            scene("b", choice("z", "good"), start=True),
        )
    )
    assert codes(errors) == [("several_starts", "b")]
    assert "'a'" in errors[0].message and "'b'" in errors[0].message


def test_a_choice_to_a_missing_scene_names_the_scene_and_the_target():
    errors = engine.validate(
        scenario(scene("a", choice("x", "good"), choice("y", "nowhere"), start=True), endings=["good"])
    )
    assert codes(errors) == [("unknown_target", "a")]
    assert errors[0].detail["target"] == "nowhere"


def test_an_unreachable_scene_is_named():
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "good"), choice("y", "bad"), start=True),
            scene("island", choice("z", "good")),
        )
    )
    assert codes(errors) == [("unreachable", "island")]


def test_an_unreachable_ending_is_named():
    errors = engine.validate(scenario(scene("a", choice("x", "good"), start=True)))
    assert codes(errors) == [("unreachable_ending", "bad")]


def test_a_scene_without_choices_is_a_dead_end():
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "stuck"), choice("y", "good"), choice("z", "bad"), start=True),
            scene("stuck"),
        )
    )
    assert ("no_choices", "stuck") in codes(errors)


def test_a_scenario_without_endings_is_refused():
    errors = engine.validate(scenario(scene("a", choice("x", "a"), start=True, max_visits=2), endings=()))
    assert ("no_endings", None) in codes(errors)


def test_duplicate_keys_are_named():
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "good"), choice("y", "bad"), start=True), scene("good", choice("z", "bad"))
        )
    )
    assert ("duplicate_key", "good") in codes(errors)


def test_a_role_the_scenario_does_not_define_is_named():
    errors = engine.validate(
        scenario(scene("a", choice("x", "good"), choice("y", "bad"), start=True, role="janitor"))
    )
    assert codes(errors) == [("unknown_role", "a")]


def test_a_loop_that_no_choice_leaves_is_refused():
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "b"), choice("e", "good"), choice("f", "bad"), start=True),
            scene("b", choice("y", "c"), max_visits=3),
            scene("c", choice("z", "b"), max_visits=3),
        )
    )
    assert codes(errors) == [("loop_without_exit", "b")]
    assert "'b', 'c'" in errors[0].message


def test_a_loop_with_an_exit_and_a_visit_limit_is_allowed():
    # "ask again" returns to the same scene at most twice, then only the exits remain.
    errors = engine.validate(
        scenario(
            scene(
                "a",
                choice("again", "a"),
                choice("yes", "good"),
                choice("no", "bad"),
                start=True,
                max_visits=2,
            )
        )
    )
    assert errors == []


def test_a_loop_whose_only_exit_can_run_out_is_a_dead_end():
    # b ↔ c; the exit from c leads back into b, which may be entered only once.
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "b"), start=True),
            scene("b", choice("y", "c"), choice("out", "good")),
            scene("c", choice("back", "b"), choice("bad", "bad")),
            endings=("good", "bad"),
        )
    )
    assert errors == []
    errors = engine.validate(
        scenario(
            scene("a", choice("x", "b"), choice("bad", "bad"), start=True),
            scene("b", choice("y", "c"), choice("out", "good")),
            scene("c", choice("back", "b")),
        )
    )
    assert codes(errors) == [("dead_end", "c")]


def test_too_many_states_are_refused_rather_than_explored(monkeypatch):
    monkeypatch.setattr(engine, "MAX_STATES", 3)
    errors = engine.validate(
        scenario(
            scene(
                "a",
                choice("again", "a"),
                choice("to-b", "b"),
                choice("yes", "good"),
                start=True,
                max_visits=5,
            ),
            scene("b", choice("back", "a"), choice("no", "bad"), max_visits=5),
        )
    )
    assert codes(errors) == [("too_complex", None)]


def test_replay_follows_the_choices_and_adds_their_effects(welcome):
    result = engine.replay(welcome, ["ignore", "ask", "explain"])
    assert [step.scene.key for step in result.steps] == ["arrival", "alone", "tour"]
    assert result.scores == {"awareness": -1, "knowledge": 2, "skills": 2}
    assert result.ending.key == "good"
    assert result.finished and result.scene is None and result.offered == ()


def test_replay_is_deterministic(welcome):
    first = engine.replay(welcome, ["greet", "rush"])
    second = engine.replay(welcome, ["greet", "rush"])
    assert first == second
    assert first.ending.key == "bad"


def test_a_partial_replay_stops_at_the_current_scene(welcome):
    result = engine.replay(welcome, ["greet"])
    assert result.scene.key == "tour"
    assert [c.key for c in result.offered] == ["explain", "rush"]
    assert not result.finished


def test_replay_refuses_a_choice_that_is_not_offered_there(welcome):
    with pytest.raises(engine.ReplayError) as error:
        engine.replay(welcome, ["greet", "ask"])
    assert error.value.code == "not_offered" and error.value.index == 1


def test_replay_refuses_a_choice_after_the_ending(welcome):
    with pytest.raises(engine.ReplayError) as error:
        engine.replay(welcome, ["greet", "explain", "explain"])
    assert error.value.code == "after_ending"


def test_replay_stops_offering_a_loop_once_its_visits_are_used():
    looping = scenario(
        scene("a", choice("again", "a"), choice("yes", "good"), choice("no", "bad"), start=True, max_visits=2)
    )
    result = engine.replay(looping, ["again"])
    assert [c.key for c in result.offered] == ["yes", "no"]
    with pytest.raises(engine.ReplayError):
        engine.replay(looping, ["again", "again"])


def test_the_scaled_score_puts_the_weakest_path_at_0_and_the_strongest_at_1(welcome):
    (low, high), per = engine.score_range(welcome)
    assert (low, high) == (-1, 5)  # ignore+leave = -1; greet+explain = 5
    assert per == {"awareness": 2, "knowledge": 2, "skills": 2}
    assert engine.scaled_score(welcome, 5) == 1.0
    assert engine.scaled_score(welcome, -1) == 0.0
    assert engine.scaled_score(welcome, 2) == 0.5


def test_the_layout_places_scenes_in_layers_and_endings_last(welcome):
    result = engine.layout(welcome)
    layer = {node.key: node.layer for node in result.nodes}
    assert layer["arrival"] == 0
    assert layer["alone"] == 1
    assert layer["tour"] == 2  # after "alone", which leads to it
    assert layer["good"] == layer["bad"] == 3
    assert {node.kind for node in result.nodes} == {"start", "scene", "ending"}
    assert len(result.edges) == 6


def test_the_layout_of_thirty_scenes_keeps_nodes_apart():
    scenes = [scene("s0", choice("c0a", "s1"), choice("c0b", "s2"), start=True)]
    for n in range(1, 30):
        scenes.append(
            scene(f"s{n}", choice(f"c{n}a", f"s{n + 1}" if n < 29 else "good"), choice(f"c{n}b", "bad"))
        )
    big = scenario(*scenes)
    assert engine.validate(big) == []
    result = engine.layout(big)
    boxes = {(round(node.x), round(node.y)) for node in result.nodes}
    assert len(boxes) == len(result.nodes) == 32
    backward = [edge for edge in result.edges if edge.backward]
    assert backward == []


def test_a_loop_edge_is_drawn_backwards():
    looping = engine.build(
        {
            "title": "loop",
            "roles": [{"key": "newcomer", "name": "N"}],
            "scenes": [
                scene("a", choice("x", "b"), start=True, max_visits=2),
                scene("b", choice("back", "a"), choice("yes", "good"), choice("no", "bad"), max_visits=2),
            ],
            "endings": [{"key": "good", "title": "G"}, {"key": "bad", "title": "B"}],
        }
    )
    assert engine.validate(looping) == []
    edges = {(e.source, e.target): e for e in engine.layout(looping).edges}
    assert edges[("b", "a")].backward and not edges[("a", "b")].backward
