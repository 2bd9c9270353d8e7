"""Certificates: issuing rules, PDF rendering, public verification, revocation, expiry and
renewal, and Open Badges 3.0 credentials."""
