"""The manager's commitment at the event's close: the form, saving it, the sessions it adds to
the manager's coaching, and committed vs done."""
