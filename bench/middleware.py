"""Counts the database queries of each request into a response header (benchmark only)."""

from django.db import connections


def count_queries(get_response):
    def middleware(request):
        counted = [0]

        def counter(execute, sql, params, many, context):
            counted[0] += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = get_response(request)
        response["X-Bench-Queries"] = str(counted[0])
        return response

    return middleware
