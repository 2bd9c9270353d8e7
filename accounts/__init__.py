"""Users, organisations (companies and training providers), memberships with roles, sign-up with
email confirmation, log in and out, password reset; later invitations, two-factor login and GDPR
export and erasure. Editors and moderators work in the Wagtail admin; learners, trainers and company
admins use the public site."""
