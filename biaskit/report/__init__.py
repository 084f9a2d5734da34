"""Present: one module per figure (:mod:`~biaskit.report.balance_chart`,
:mod:`~biaskit.report.article_map`, :mod:`~biaskit.report.claim_modes`,
:mod:`~biaskit.report.frame_heatmap`, :mod:`~biaskit.report.tone_dotplot`,
:mod:`~biaskit.report.side_shares`, sharing
:mod:`~biaskit.report.figure` and :mod:`~biaskit.report.palette`), the article view
(:mod:`~biaskit.report.view`), the HTML report's index page (:mod:`~biaskit.report.index`)
and the glossary of measures and figures (:mod:`~biaskit.report.glossary`).

The figures, the article view and the report are importable from here, as the notebooks do:

>>> from biaskit.report import balance_chart, save_figure, write_report  # doctest: +SKIP
"""

from biaskit.report.article_map import article_map, blocks_frame
from biaskit.report.balance_chart import balance_chart
from biaskit.report.claim_modes import claim_modes_chart, claim_modes_table
from biaskit.report.figure import save_figure
from biaskit.report.frame_heatmap import frame_heatmap
from biaskit.report.glossary import describe, figure_text
from biaskit.report.headline import headline_measures
from biaskit.report.index import key_table, write_report
from biaskit.report.side_shares import side_shares_chart
from biaskit.report.tone_dotplot import tone_dotplot
from biaskit.report.view import ArticleView, article_view

__all__ = [
    "ArticleView", "article_map", "article_view", "balance_chart", "blocks_frame",
    "claim_modes_chart", "claim_modes_table", "describe", "figure_text", "frame_heatmap",
    "headline_measures", "key_table", "save_figure", "side_shares_chart", "tone_dotplot",
    "write_report",
]
