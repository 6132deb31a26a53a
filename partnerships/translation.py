import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import CooperationArea, Municipality, Region
from .models.municipality import DERIVED_FIELDS


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(CooperationArea)
class CooperationAreaTranslation(TranslationOptions):
    fields = ("name",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name", "center", "description")


# Change history of profiles (who edited what), for the ministry: the admin shows it
# under "History", and HistoryRequestMiddleware records the editing user. Registered
# here, after the translation fields exist, so the historical model has name_uk,
# description_en, ...: HistoricalRecords() on the model would be created first and
# then fail on save (django-simple-history #209). The derived search and sort
# columns are left out. load_registry writes with bulk_create/bulk_update, which
# record no history: the registry data set is its own record.
simple_history.register(Municipality, app="partnerships", excluded_fields=list(DERIVED_FIELDS))
