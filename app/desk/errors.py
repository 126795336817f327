"""What a desk use case can refuse with, beyond the rules' own refusals (which come back as
lists of sentences). The windows say these in the user's language."""


class TicketMissing(LookupError):
    """The ticket is no longer in this seat's store (the center may have removed it)."""

    def __init__(self, ticket_id: int) -> None:
        super().__init__(ticket_id)
        self.ticket_id = ticket_id


class MergeTargetMissing(LookupError):
    """No other ticket has the number typed as the ticket to merge into."""

    def __init__(self, number: str) -> None:
        super().__init__(number)
        self.number = number


class NumberAtCenter(LookupError):
    """Only the center holds this caller's full number (it came masked) and it could not be
    asked; ``cause`` is why (None: the ticket has not reached the center yet)."""

    def __init__(self, cause: Exception | None) -> None:
        super().__init__(str(cause) if cause is not None else "")
        self.cause = cause
