"""What is due when (planners), and the dispatcher that sends it through the outbox."""
