from .documents import activity_profile, agent_profile, state
from .resources import about, activities, agents
from .statements import statements

__all__ = ["about", "activities", "activity_profile", "agent_profile", "agents", "state", "statements"]
