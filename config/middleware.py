"""Site-wide middleware: parameters no database can take, and the Content-Security-Policy header."""

from django.conf import settings
from django.http import JsonResponse

NUL_MESSAGE = "Null characters are not allowed."


class RefuseNulParametersMiddleware:
    """A 400 naming each query parameter that holds a NUL character, before any view runs.

    PostgreSQL stores no NUL in text, and the admin passed such a value on from its filters and autocomplete
    (``?term=%00``: a 500). The API's FilterSets refuse it too; this answers in the same shape for every address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = {
            key.replace("\x00", "\\x00"): [NUL_MESSAGE]
            for key, values in request.GET.lists()
            if "\x00" in key or any("\x00" in value for value in values)
        }
        if refused:
            return JsonResponse(refused, status=400)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Sets ``Content-Security-Policy`` (``settings.CONTENT_SECURITY_POLICY``) on every answer that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
