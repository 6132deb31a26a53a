from modeltranslation.translator import TranslationOptions, register

from .models import CooperationArea, Municipality, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(CooperationArea)
class CooperationAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name", "center", "description")
