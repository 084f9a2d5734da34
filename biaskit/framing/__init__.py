"""biaskit.framing."""
