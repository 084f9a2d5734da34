"""biaskit.corpus."""
