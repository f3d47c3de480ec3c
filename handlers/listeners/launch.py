"""The program moves' listeners: launch (welcomes), pause, resume, end, from the App Home."""

from handlers.actions.program_move import MOVES, handle_program_move_action
from handlers.errors import Listeners


def register(app: Listeners) -> None:
    """Register the program-move listeners."""
    for move in MOVES:
        app.action(move.value)(handle_program_move_action)
