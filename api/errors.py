"""Every API error is JSON of one shape, `{"message": "..."}`, with its status: Wagtail's own errors already are;
this gives the same shape to what Django REST framework answers itself (a method not allowed, a format not
acceptable) and to API URLs that match no endpoint (an id that is not a number, a misspelt path)."""

from django.http import JsonResponse

from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"message": str(response.data["detail"])}
    return response


def api_not_found(request, *args, **kwargs):
    return JsonResponse({"message": f"no API endpoint at {request.path}"}, status=404)
