"""The attribution forms, one module each; every form is a function of a
:class:`~biaskit.attribution.context.DocumentContext` that records what it finds."""
