"""Check the measures: scoring attribution against gold annotations
(:mod:`~biaskit.validation.evaluate`), and coding sheets and agreement between human coders
(:mod:`~biaskit.validation.validate`)."""
