"""Errors services raise for people to read: field errors, not-found and refusals."""


class ServiceError(Exception):
    """A rule refused the action; `message_key` is translated for the person who asked."""

    def __init__(self, message_key: str, **params: object):
        super().__init__(message_key)
        self.message_key = message_key
        self.params = params


class NotFound(ServiceError):
    """The row does not exist, or it belongs to a tenant the actor may not see."""

    def __init__(self, message_key: str = "orion.error.not_found", **params: object):
        super().__init__(message_key, **params)


class Forbidden(ServiceError):
    def __init__(self, message_key: str = "orion.error.forbidden", **params: object):
        super().__init__(message_key, **params)


class FieldErrors(ServiceError):
    """Bad input: field name -> message key. Nothing has been saved.

    `params` gives a field's message its values (e.g. the undeclared variable's name)."""

    def __init__(self, errors: dict[str, str], params: dict[str, dict[str, object]] | None = None):
        super().__init__("orion.error.invalid_input")
        self.errors = errors
        self.field_params = params or {}
