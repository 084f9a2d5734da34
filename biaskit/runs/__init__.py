"""biaskit.runs."""
