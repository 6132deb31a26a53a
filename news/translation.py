from modeltranslation.translator import TranslationOptions, register

from .models import Article


@register(Article)
class ArticleTranslation(TranslationOptions):
    # Pages show Article.text(...), which picks one language for title, lead and
    # body together (the reader's, else the one written), so a page never mixes two.
    fields = ("title", "lead", "body", "image_alt")
