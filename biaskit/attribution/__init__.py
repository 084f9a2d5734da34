"""biaskit.attribution."""
