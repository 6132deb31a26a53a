"""What a partnership does after it is made: activities recorded by either side's
officials, public once their author publishes them, with notes and photos both sides add."""
