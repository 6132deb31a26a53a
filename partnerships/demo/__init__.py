"""Demo content for a first look: filled-in profiles and, with DEBUG on, demo accounts."""
