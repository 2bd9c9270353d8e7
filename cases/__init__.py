"""The best-practice case library.

Owns the case pages (what an employer did to hire and integrate refugees and migrants, with its
results and lessons), the controlled vocabularies people filter by (country, sector, theme, target
group), the library's full-text search with facet counts, case submissions by company members and
their moderation workflow, the case reference block for lessons, and the weekly digest of newly
published cases."""
