"""Domain values: the types, vocabularies and pure rules that services compute and Block Kit
builders show. The bottom layer above `db.models`: no Session, no Slack, no services."""
