from django.template.loader import render_to_string


def method_not_allowed_page(get_response):
    """Give the bare 405 of require_POST / require_safe a page in the site's look."""

    def middleware(request):
        response = get_response(request)
        if response.status_code == 405 and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response

    return middleware
