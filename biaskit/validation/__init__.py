"""biaskit.validation."""
