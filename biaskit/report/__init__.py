"""biaskit.report."""
