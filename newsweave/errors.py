"""Errors meant for people.

Every problem with the user's input is raised as :class:`InputError` with a
one-line message that says what was wrong and what to do about it. The CLI
prints it without a traceback and exits non-zero; the API turns it into a 4xx.
"""


class InputError(Exception):
    """The input cannot be summarized as given; the message tells the user why and what to do."""

    exit_code = 2
