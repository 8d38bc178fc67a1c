from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views


class APIRouter(DefaultRouter):
    """The browsable root lists every resource; ``?format=`` replaces DRF's ``.json`` suffix routes."""

    include_format_suffixes = False


router = APIRouter()
router.register("articles", views.ArticleViewSet)
router.register("speakers", views.SpeakerViewSet)
router.register("statements", views.StatementViewSet)
router.register("sources", views.SourceViewSet)
router.register("publications", views.PublicationViewSet)
router.register("reviews", views.ReviewViewSet)

app_name = "api"
urlpatterns = [path("", include(router.urls))]
