"""xAPI from end to end: statement building, the statement store, the LRS endpoint under /xapi/
(statements, state, activity and agent profiles, activities, agents, about), LRS credentials, the
outbox that forwards statements to external LRSs, and the progress queries dashboards share."""
