"""The example a new certification starts from in the App Home's form (and the README's)."""

EXAMPLE = """\
name: Pricing pre-cert
stage: pre-event
opens: -14
due: -2
attempts: 3
pass: 80
questions:
  - question: Which tier includes SSO?
    options: [Starter, Team, Enterprise]
    answer: Enterprise
  - question: How long is the free trial?
    options: [7 days, 14 days, 30 days]
    answer: 14 days
"""
