"""Word diffs between two versions of a section."""

from partnerships.memoranda.diff import diff_html


def test_diff_html_marks_changed_words_and_escapes_html():
    html = diff_html("Співпраця у сфері освіти.", "Співпраця у сфері <b>енергетики</b>.")
    assert html == ("Співпраця у сфері <del>освіти.</del><ins>&lt;b&gt;енергетики&lt;/b&gt;.</ins>")
    # A short word left between two changes joins them instead of splitting the diff.
    assert diff_html("Мета у громаді.", "Ціль у місті.") == (
        "<del>Мета у громаді.</del><ins>Ціль у місті.</ins>"
    )
